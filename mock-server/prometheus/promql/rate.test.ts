import { describe, expect, it } from 'vitest';
import { dbWith, instant, range } from './test-helpers';

const x = { __name__: 'x' };

/** The single value of `query` at `seconds`. */
function value(samples: [number, number][], query: string, seconds: number): number | undefined {
  return instant(dbWith([x, samples]), query, seconds)[0]?.value;
}

describe('rate, increase and irate', () => {
  it('needs no extrapolation when samples sit on the window edges', () => {
    const samples: [number, number][] = [[0, 0], [15, 15], [30, 30], [45, 45], [60, 60]];
    expect(value(samples, 'rate(x[1m])', 60)).toBeCloseTo(1, 12);
    expect(value(samples, 'increase(x[1m])', 60)).toBeCloseTo(60, 12);
  });

  it('extrapolates to the window edges when the gaps are short', () => {
    // Samples at 5 s..50 s in a [0, 60] window: 5 s before, 10 s after, 45 s sampled.
    const samples: [number, number][] = [[5, 10], [20, 25], [35, 40], [50, 55]];
    expect(value(samples, 'increase(x[1m])', 60)).toBeCloseTo((45 * 60) / 45, 12);
  });

  it('extrapolates only half an interval across a long gap', () => {
    // 30 s gap at the start is more than 1.1 × the 15 s spacing: add 7.5 s instead.
    const samples: [number, number][] = [[30, 100], [45, 115], [60, 130]];
    expect(value(samples, 'increase(x[1m])', 60)).toBeCloseTo(37.5, 12);
    expect(value(samples, 'rate(x[1m])', 60)).toBeCloseTo(37.5 / 60, 12);
  });

  it('does not extrapolate a counter below zero', () => {
    // Extrapolating back from 2 at 30 s with slope 1/s reaches zero after 2 s.
    const samples: [number, number][] = [[30, 2], [45, 17], [60, 32]];
    expect(value(samples, 'increase(x[1m])', 60)).toBeCloseTo(32, 12);
  });

  it('handles counter resets', () => {
    const samples: [number, number][] = [[0, 0], [15, 10], [30, 20], [45, 5], [60, 15]];
    expect(value(samples, 'increase(x[1m])', 60)).toBeCloseTo(35, 12);
    expect(value(samples, 'irate(x[1m])', 60)).toBeCloseTo(10 / 15, 12);
    expect(value(samples, 'irate(x[1m])', 45)).toBeCloseTo(5 / 15, 12);
    expect(value(samples, 'resets(x[1m])', 60)).toBe(1);
    // delta() does not treat the drop as a reset.
    expect(value(samples, 'delta(x[1m])', 60)).toBeCloseTo(15, 12);
  });

  it('includes a sample exactly one range before the evaluation time (Prometheus 2.x)', () => {
    const samples: [number, number][] = [[0, 0], [60, 60]];
    expect(value(samples, 'count_over_time(x[1m])', 60)).toBe(2);
    expect(value(samples, 'count_over_time(x[1m])', 60.001)).toBe(1);
  });

  it('returns nothing with fewer than two samples', () => {
    expect(value([[50, 3]], 'rate(x[1m])', 60)).toBeUndefined();
  });

  it('drops the metric name', () => {
    expect(instant(dbWith([x, [[0, 0], [15, 1]]]), 'rate(x[1m])', 15)[0]?.labels).toEqual({});
  });

  it('evaluates the window at every step of a range query', () => {
    const db = dbWith([x, [[0, 0], [15, 15], [30, 30], [45, 45], [60, 60], [75, 75]]]);
    expect(range(db, 'rate(x[30s])', 30, 75, 15)).toEqual([
      { labels: {}, points: [[30, 1], [45, 1], [60, 1], [75, 1]] },
    ]);
  });
});
