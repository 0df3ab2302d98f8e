import { describe, expect, it } from 'vitest';
import { healthQuery, summarize } from './health';

const sample = (code: string, value: number) => ({ metric: { response_code: code }, time: 0, value });

describe('healthQuery', () => {
  it('asks for inbound requests of the workload, service or app by response code', () => {
    expect(healthQuery({ kind: 'workload', namespace: 'bookinfo', name: 'reviews-v1' })).toBe(
      'sum(rate(istio_requests_total{reporter="destination",destination_workload_namespace="bookinfo",destination_workload="reviews-v1"}[5m])) by (response_code)',
    );
    expect(healthQuery({ kind: 'service', namespace: 'bookinfo', name: 'reviews' })).toContain('destination_service="reviews.bookinfo.svc.cluster.local"');
    expect(healthQuery({ kind: 'app', namespace: 'bookinfo', name: 'reviews' })).toContain('destination_canonical_service="reviews"');
  });
});

describe('summarize', () => {
  it('adds up the rate and the error shares, with Kiali tolerances', () => {
    const s = summarize([sample('200', 9), sample('503', 0.5), sample('404', 0.5)]);
    expect(s.rps).toBeCloseTo(10);
    expect(s.serverErrorRatio).toBeCloseTo(0.05);
    expect(s.clientErrorRatio).toBeCloseTo(0.05);
    expect(s.health).toBe('degraded');
    expect(summarize([sample('200', 5), sample('500', 5)]).health).toBe('failure');
    expect(summarize([sample('200', 5)]).health).toBe('healthy');
  });

  it('calls no traffic idle', () => {
    expect(summarize([]).health).toBe('idle');
    expect(summarize([sample('200', 0)]).health).toBe('idle');
  });
});
