/**
 * Requests to a service the console reaches through the Kubernetes API server's service proxy
 * (Prometheus, Jaeger): same token and fetch as the Kubernetes client, but the service's own error
 * format, and its outages reported as that service being unreachable rather than the API being down.
 */
import { ConnectionError, KubeApiError, ProtocolError } from './errors';
import type { RequestInfo } from './errors';
import { parseStatus } from './guards';
import { summarize, tryParseJson } from './http';
import type { KubeTransport } from './http';

/** Repeated parameters (Prometheus' `match[]`) take an array. */
export type ServiceQuery = Record<string, string | readonly string[] | undefined>;

/** The path under the API server that proxies to `service:port` in `namespace`. */
export function serviceProxyPath(namespace: string, service: string, port: number | string): string {
  return `/api/v1/namespaces/${encodeURIComponent(namespace)}/services/${encodeURIComponent(service)}:${port}/proxy`;
}

/** The service did not answer: the proxy could not reach it, or nothing answered at all. */
export class ServiceUnreachableError extends Error {
  override readonly name = 'ServiceUnreachableError';

  constructor(
    message: string,
    /** "Prometheus", "Jaeger". */
    readonly service: string,
    readonly request: RequestInfo,
    /** The HTTP status the proxy answered with; undefined when there was no answer. */
    readonly httpStatus?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isServiceUnreachable(error: unknown): error is ServiceUnreachableError {
  return error instanceof ServiceUnreachableError;
}

/** Reads a service's own error body into an Error; undefined when the body is not in its format. */
export type ServiceErrorReader = (body: unknown, httpStatus: number, request: RequestInfo) => Error | undefined;

export class ServiceProxyClient {
  constructor(
    readonly transport: KubeTransport,
    readonly service: string,
    private readonly readError: ServiceErrorReader,
  ) {}

  get baseUrl(): string {
    return this.transport.baseUrl;
  }

  /** GETs `path` and returns the parsed JSON of a 2xx answer. */
  async getJson(path: string, query: ServiceQuery = {}, signal?: AbortSignal): Promise<unknown> {
    const response = await this.get(path, query, signal);
    const request = { method: 'GET', url: response.url || this.transport.url(path) };
    const text = await response.text();
    const body = tryParseJson(text);
    if (response.ok) {
      if (body === undefined) throw new ProtocolError(`${this.service} answered ${path} with something that is not JSON`, request);
      return body;
    }
    const known = this.readError(body, response.status, request);
    if (known) throw known;
    const status = parseStatus(body);
    // RBAC refusing services/proxy is a Kubernetes permission problem, and is explained as one.
    if (status?.code === 403) throw new KubeApiError(status, request);
    // Otherwise the API server's own Status (no endpoints, no such service) or a bare proxy page.
    const detail = summarize(text) || response.statusText;
    throw new ServiceUnreachableError(
      `${this.service} is unreachable through the Kubernetes service proxy at ${this.baseUrl}: HTTP ${response.status}` +
        `${detail ? ` (${detail})` : ''}`,
      this.service,
      request,
      response.status,
    );
  }

  private async get(path: string, query: ServiceQuery = {}, signal?: AbortSignal): Promise<Response> {
    const pathWithQuery = `${path}${searchOf(query)}`;
    try {
      return await this.transport.send('GET', pathWithQuery, { signal, passErrors: true });
    } catch (error) {
      if (!(error instanceof ConnectionError)) throw error;
      throw new ServiceUnreachableError(
        `${this.service} is unreachable through ${this.baseUrl}: ${error.cause instanceof Error ? error.cause.message : error.message}`,
        this.service,
        error.request,
        undefined,
        { cause: error },
      );
    }
  }
}

function searchOf(query: ServiceQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of typeof value === 'string' ? [value] : (value ?? [])) {
      if (item !== '') params.append(key, item);
    }
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}
