import type { Status, StatusCause } from '../../mesh/kube-types';

export interface RequestInfo {
  readonly method: string;
  readonly url: string;
}

/** The API server answered with a non-2xx status; carries the metav1.Status it sent. */
export class KubeApiError extends Error {
  override readonly name = 'KubeApiError';
  readonly code: number;
  readonly reason: string;
  readonly causes: readonly StatusCause[];
  readonly status: Status;
  readonly request: RequestInfo;

  constructor(status: Status, request: RequestInfo) {
    super(status.message || `${request.method} ${request.url} failed with HTTP ${status.code}`);
    this.status = status;
    this.code = status.code;
    this.reason = status.reason;
    this.causes = status.details?.causes ?? [];
    this.request = request;
  }

  get isUnauthorized(): boolean {
    return this.code === 401;
  }

  get isForbidden(): boolean {
    return this.code === 403;
  }

  get isNotFound(): boolean {
    return this.code === 404;
  }

  get isGone(): boolean {
    return this.code === 410;
  }
}

/** The API could not be reached at all: network failure, or a proxy in front of it that cannot reach it. */
export class ConnectionError extends Error {
  override readonly name = 'ConnectionError';
  readonly request: RequestInfo;

  constructor(message: string, request: RequestInfo, options?: { cause?: unknown }) {
    super(message, options);
    this.request = request;
  }
}

/** The server sent something that is not what the Kubernetes API sends. */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
  readonly request: RequestInfo;

  constructor(message: string, request: RequestInfo) {
    super(message);
    this.request = request;
  }
}

export function isKubeApiError(error: unknown): error is KubeApiError {
  return error instanceof KubeApiError;
}

export function isConnectionError(error: unknown): error is ConnectionError {
  return error instanceof ConnectionError;
}

export function isUnauthorized(error: unknown): boolean {
  return error instanceof KubeApiError && error.isUnauthorized;
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** A Status for a response whose body was not one, so every failure has the same shape. */
export function syntheticStatus(code: number, message: string): Status {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    code,
    reason: REASON_BY_CODE[code] ?? 'Unknown',
    message,
  };
}

const REASON_BY_CODE: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  409: 'Conflict',
  410: 'Expired',
  415: 'UnsupportedMediaType',
  422: 'Invalid',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};
