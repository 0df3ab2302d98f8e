import { describe, expect, it } from 'vitest';
import { defaultRetryDecision, parseRetryOn, retryDecision, shouldRetry } from './retries';

describe('retry policy', () => {
  it('defaults to 2 attempts on connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes with 503', () => {
    const d = defaultRetryDecision();
    expect(d.attempts).toBe(2);
    expect([...d.retryOn]).toEqual(['connect-failure', 'refused-stream', 'unavailable', 'cancelled', 'retriable-status-codes']);
    expect(d.retriableStatusCodes).toEqual([503]);
    expect(d.origin).toBe('default');
  });

  it('treats integers in retryOn as status codes and implies retriable-status-codes', () => {
    const parsed = parseRetryOn('5xx, 409,gateway-error,bogus');
    expect([...parsed.retryOn]).toEqual(['5xx', 'gateway-error', 'retriable-status-codes']);
    expect(parsed.statusCodes).toEqual([409]);
    expect(parsed.unknown).toEqual(['bogus']);
  });

  it('disables retries for attempts 0 and keeps the default retryOn when only attempts are given', () => {
    expect(retryDecision({ attempts: 0 })).toBeUndefined();
    expect(retryDecision({})).toBeUndefined();
    const d = retryDecision({ attempts: 3, perTryTimeoutMs: 2000 });
    expect(d?.attempts).toBe(3);
    expect(d?.perTryTimeoutMs).toBe(2000);
    expect(d?.retryOn.has('connect-failure')).toBe(true);
    expect(d?.retriableStatusCodes).toEqual([503]);
  });

  it('follows Envoy retry_on semantics', () => {
    const p = retryDecision({ attempts: 2, retryOn: 'gateway-error' });
    if (!p) throw new Error('expected a policy');
    expect(shouldRetry(p, { kind: 'response', httpStatus: 503 })).toBe(true);
    expect(shouldRetry(p, { kind: 'response', httpStatus: 500 })).toBe(false);
    expect(shouldRetry(p, { kind: 'connect-failure' })).toBe(true);
    expect(shouldRetry(p, { kind: 'per-try-timeout' })).toBe(true);

    const d = defaultRetryDecision();
    expect(shouldRetry(d, { kind: 'response', httpStatus: 503 })).toBe(true);
    expect(shouldRetry(d, { kind: 'response', httpStatus: 500 })).toBe(false);
    expect(shouldRetry(d, { kind: 'response', httpStatus: 200, grpcStatus: 14 })).toBe(true);
    expect(shouldRetry(d, { kind: 'reset' })).toBe(false);
    expect(shouldRetry(d, { kind: 'refused-stream' })).toBe(true);
  });
});
