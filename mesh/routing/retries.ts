/**
 * Retry policy as Istio hands it to Envoy: Istio's default policy, VirtualService `retries`, and Envoy's
 * retry_on semantics for deciding whether a failed attempt is retried.
 */

import type { RetryDecision } from './types';

/** Envoy retry_on conditions (HTTP and gRPC) that Istio passes through. */
export type RetryOnCondition =
  | '5xx'
  | 'gateway-error'
  | 'reset'
  | 'reset-before-request'
  | 'connect-failure'
  | 'envoy-ratelimited'
  | 'retriable-4xx'
  | 'refused-stream'
  | 'retriable-status-codes'
  | 'retriable-headers'
  | 'http3-post-connect-failure'
  | 'cancelled'
  | 'deadline-exceeded'
  | 'internal'
  | 'resource-exhausted'
  | 'unavailable';

const CONDITIONS: ReadonlySet<string> = new Set<RetryOnCondition>([
  '5xx',
  'gateway-error',
  'reset',
  'reset-before-request',
  'connect-failure',
  'envoy-ratelimited',
  'retriable-4xx',
  'refused-stream',
  'retriable-status-codes',
  'retriable-headers',
  'http3-post-connect-failure',
  'cancelled',
  'deadline-exceeded',
  'internal',
  'resource-exhausted',
  'unavailable',
]);

/** gRPC status codes of the gRPC retry_on conditions. */
const GRPC_CONDITION_CODES: ReadonlyArray<readonly [RetryOnCondition, number]> = [
  ['cancelled', 1],
  ['deadline-exceeded', 4],
  ['resource-exhausted', 8],
  ['internal', 13],
  ['unavailable', 14],
];

/** Istio's retry_on when no VirtualService retry policy is written (or retries omit retryOn). */
export const ISTIO_DEFAULT_RETRY_ON = 'connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes';
export const ISTIO_DEFAULT_RETRY_ATTEMPTS = 2;
/** Istio adds 503 to the default policy's retriable status codes (unless EXCLUDE_503_FROM_DEFAULT_RETRY). */
export const ISTIO_DEFAULT_RETRIABLE_STATUS_CODES: readonly number[] = [503];

/** Codes Go's http.StatusText knows: Istio only treats these integers in retryOn as status codes. */
const KNOWN_HTTP_STATUS = new Set<number>([
  100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304, 305, 307,
  308, 400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418, 421,
  422, 423, 424, 425, 426, 428, 429, 431, 451, 500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511,
]);

export interface ParsedRetryOn {
  readonly retryOn: ReadonlySet<RetryOnCondition>;
  readonly statusCodes: readonly number[];
  readonly unknown: readonly string[];
}

/**
 * Parses a retryOn list ("5xx,gateway-error,503"). As Istio does, integers are status codes, and
 * listing a status code implies "retriable-status-codes".
 */
export function parseRetryOn(text: string): ParsedRetryOn {
  const retryOn = new Set<RetryOnCondition>();
  const statusCodes: number[] = [];
  const unknown: string[] = [];
  for (const raw of text.split(',')) {
    const token = raw.trim();
    if (token === '') continue;
    const code = /^\d+$/.test(token) ? Number(token) : Number.NaN;
    if (KNOWN_HTTP_STATUS.has(code)) statusCodes.push(code);
    else if (CONDITIONS.has(token)) retryOn.add(token as RetryOnCondition);
    else unknown.push(token);
  }
  if (statusCodes.length > 0) retryOn.add('retriable-status-codes');
  return { retryOn, statusCodes, unknown };
}

const DEFAULT_RETRY: RetryDecision = {
  attempts: ISTIO_DEFAULT_RETRY_ATTEMPTS,
  retryOn: parseRetryOn(ISTIO_DEFAULT_RETRY_ON).retryOn,
  retriableStatusCodes: ISTIO_DEFAULT_RETRIABLE_STATUS_CODES,
  unknownRetryOn: [],
  origin: 'default',
};

/** Istio's default retry policy (shared; treat as read-only). */
export function defaultRetryDecision(): RetryDecision {
  return DEFAULT_RETRY;
}

/** A written retry policy, already narrowed. */
export interface RetrySpec {
  readonly attempts?: number;
  readonly perTryTimeoutMs?: number;
  readonly retryOn?: string;
}

/**
 * Istio's ConvertPolicy: no policy → the default; attempts ≤ 0 (or unset) → retries disabled; otherwise
 * the default overridden field by field. Returns undefined when retries are disabled.
 */
export function retryDecision(spec: RetrySpec | undefined): RetryDecision | undefined {
  if (spec === undefined) return defaultRetryDecision();
  const attempts = Math.trunc(spec.attempts ?? 0);
  if (attempts <= 0) return undefined;
  const base = defaultRetryDecision();
  const parsed = spec.retryOn ? parseRetryOn(spec.retryOn) : undefined;
  return {
    attempts,
    perTryTimeoutMs: spec.perTryTimeoutMs,
    retryOn: parsed?.retryOn ?? base.retryOn,
    retriableStatusCodes: parsed ? parsed.statusCodes : base.retriableStatusCodes,
    unknownRetryOn: parsed?.unknown ?? [],
    origin: 'route',
  };
}

/** How one upstream attempt failed. */
export type AttemptFailure =
  /** The upstream answered; grpcStatus is the grpc-status it sent, if any. */
  | { readonly kind: 'response'; readonly httpStatus: number; readonly grpcStatus?: number; readonly rateLimited?: boolean }
  /** The connection could not be established (UF). */
  | { readonly kind: 'connect-failure' }
  /** The upstream refused the HTTP/2 stream. */
  | { readonly kind: 'refused-stream' }
  /** The stream was reset; `beforeRequest` when no byte of the request had been sent. */
  | { readonly kind: 'reset'; readonly beforeRequest?: boolean }
  /** The per-try timeout fired. */
  | { readonly kind: 'per-try-timeout' };

/**
 * Whether Envoy retries an attempt that failed this way (attempts left aside). Follows Envoy's
 * RetryStateImpl: resets and timeouts count as 5xx/gateway-error; responses are checked against the
 * status conditions and the gRPC conditions.
 */
export function shouldRetry(policy: RetryDecision, failure: AttemptFailure): boolean {
  const on = policy.retryOn;
  const anyReset = on.has('5xx') || on.has('gateway-error') || on.has('reset');
  switch (failure.kind) {
    case 'connect-failure':
      return anyReset || on.has('connect-failure') || on.has('reset-before-request');
    case 'refused-stream':
      return anyReset || on.has('refused-stream') || on.has('reset-before-request');
    case 'reset':
      return anyReset || (failure.beforeRequest === true && on.has('reset-before-request'));
    case 'per-try-timeout':
      return anyReset;
    case 'response': {
      const s = failure.httpStatus;
      if (on.has('5xx') && s >= 500) return true;
      if (on.has('gateway-error') && (s === 502 || s === 503 || s === 504)) return true;
      if (on.has('retriable-4xx') && s === 409) return true;
      if (on.has('retriable-status-codes') && policy.retriableStatusCodes.includes(s)) return true;
      if (on.has('envoy-ratelimited') && failure.rateLimited === true) return true;
      const g = failure.grpcStatus;
      return g !== undefined && GRPC_CONDITION_CODES.some(([c, code]) => code === g && on.has(c));
    }
  }
}
