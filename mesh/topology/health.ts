/**
 * Health from error rates with Kiali's default tolerances (its `health_config.rate` defaults):
 * HTTP 5xx (and requests that got no response): degraded above 0 (Kiali rounds rates to 0.1 %, so from
 * 0.1 %), failure from 10 %; HTTP 4xx: degraded from 10 %, failure from 20 %; gRPC statuses 1–16 as 5xx.
 * No traffic is "idle".
 */
import type { Health } from './model';

export interface Tolerance {
  readonly degraded: number;
  readonly failure: number;
}

/** Percentages, as Kiali writes them. */
export const SERVER_ERROR_TOLERANCE: Tolerance = { degraded: 0, failure: 10 };
export const CLIENT_ERROR_TOLERANCE: Tolerance = { degraded: 10, failure: 20 };

const RANK: Readonly<Record<Health, number>> = { unknown: 0, idle: 1, healthy: 2, degraded: 3, failure: 4 };

/** Kiali's rule: failure when the rate reaches `failure`, degraded when it exceeds `degraded`. */
export function healthForRatio(ratio: number, tolerance: Tolerance): Health {
  const percent = Math.round(ratio * 100 * 10) / 10;
  if (percent >= tolerance.failure) return 'failure';
  if (percent > tolerance.degraded) return 'degraded';
  return 'healthy';
}

export function worstHealth(a: Health, b: Health): Health {
  return RANK[a] >= RANK[b] ? a : b;
}

/** Health of traffic with `rps` requests/s (plus `tcpBps` bytes/s for TCP), given its error shares. */
export function trafficHealth(rps: number, serverErrorRatio: number, clientErrorRatio: number, tcpBps = 0): Health {
  if (rps <= 0) return tcpBps > 0 ? 'healthy' : 'idle';
  return worstHealth(healthForRatio(serverErrorRatio, SERVER_ERROR_TOLERANCE), healthForRatio(clientErrorRatio, CLIENT_ERROR_TOLERANCE));
}

/** Whether a response counts as a server error: 5xx, no response ("0"/"-"), or a failing gRPC status. */
export function isServerError(code: string, grpcStatus: string | undefined): boolean {
  if (grpcStatus !== undefined && grpcStatus !== '' && grpcStatus !== '0' && /^(?:[1-9]|1[0-6])$/.test(grpcStatus)) return true;
  return code.startsWith('5') || code === '0' || code === '-';
}

export function isClientError(code: string): boolean {
  return code.startsWith('4');
}
