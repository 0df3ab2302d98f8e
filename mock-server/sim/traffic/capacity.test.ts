import { describe, expect, it } from 'vitest';
import { ejectedShare, overflowShare, rateLimitedShare, rebalance } from './capacity';

describe('overflowShare (M/M/c/K)', () => {
  it('matches Erlang B without a wait list', () => {
    // One server offered one Erlang: half the arrivals find it busy.
    expect(overflowShare(1, 1, 0)).toBeCloseTo(0.5, 10);
    // Erlang B for two servers and two Erlangs: (2^2/2) / (1 + 2 + 2) = 0.4.
    expect(overflowShare(2, 2, 0)).toBeCloseTo(0.4, 10);
  });

  it('turns away less with a wait list, and everything above capacity when the load is far beyond it', () => {
    // p_n ∝ 0.5^n for n = 0..2: the last state holds 0.25 / 1.75 of the time.
    expect(overflowShare(0.5, 1, 1)).toBeCloseTo(0.25 / 1.75, 10);
    expect(overflowShare(0.5, 1, 1)).toBeLessThan(overflowShare(0.5, 1, 0));
    expect(overflowShare(100, 10, 10)).toBeCloseTo(0.9, 2);
  });

  it('never overflows unbounded pools, nor a stable queue with an unbounded wait list', () => {
    expect(overflowShare(50, Infinity, Infinity)).toBe(0);
    expect(overflowShare(5, 10, Infinity)).toBe(0);
    expect(overflowShare(0, 1, 0)).toBe(0);
    expect(overflowShare(1, 0, 0)).toBe(1);
  });

  it('stays finite for large pools', () => {
    const share = overflowShare(900, 1000, 5000);
    expect(Number.isFinite(share)).toBe(true);
    expect(share).toBeLessThan(1e-6);
  });
});

describe('rateLimitedShare', () => {
  it('refuses what exceeds the bucket', () => {
    expect(rateLimitedShare(5, 10)).toBe(0);
    expect(rateLimitedShare(20, 10)).toBe(0.5);
  });
});

describe('outlier ejection', () => {
  const base = { threshold: 5, requestsPerInterval: 100, intervalMs: 10_000, baseEjectionMs: 30_000 };

  it('ejects a host that always fails for most of the time, and a healthy one never', () => {
    expect(ejectedShare({ ...base, failureRate: 1 })).toBeCloseTo(0.75, 10);
    expect(ejectedShare({ ...base, failureRate: 0 })).toBe(0);
    expect(ejectedShare({ ...base, failureRate: 0.01 })).toBeLessThan(1e-6);
    expect(ejectedShare({ ...base, failureRate: 1, requestsPerInterval: 3 })).toBe(0);
  });

  it('shifts traffic to healthy hosts within the ejection cap', () => {
    const groups = [
      { hosts: 1, weight: 0.5, ejected: 1 },
      { hosts: 1, weight: 0.5, ejected: 0 },
    ];
    const { factors, noHealthy } = rebalance(groups, 50, 0);
    expect(factors).toEqual([0, 2]);
    expect(noHealthy).toBe(0);
    // 10% of two hosts still allows one ejection, as Envoy does.
    expect(rebalance(groups, 10, 0).factors).toEqual([0, 2]);
  });

  it('answers 503 UH when every host is ejected, unless the panic threshold keeps them', () => {
    const failing = [{ hosts: 2, weight: 1, ejected: 1 }];
    expect(rebalance(failing, 100, 0)).toEqual({ factors: [0], noHealthy: 1 });
    expect(rebalance(failing, 100, 50)).toEqual({ factors: [1], noHealthy: 0 });
    // The cap leaves one of the two hosts in.
    expect(rebalance(failing, 50, 0).noHealthy).toBe(0);
  });
});
