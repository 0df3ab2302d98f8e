import { describe, expect, it } from 'vitest';
import { PromQLError } from './errors';
import { dbWith, instant, range, type SeriesSpec } from './test-helpers';

const LES = ['10', '100', '+Inf'];

/** Three histograms' buckets, with uneven, gappy, resetting samples so every op sees real input. */
function histograms(): SeriesSpec[] {
  const specs: SeriesSpec[] = [];
  let seed = 1;
  const next = (): number => (seed = (seed * 16807) % 2147483647);
  for (const [svc, ns, zone] of [['a', 'x', ''], ['b', 'x', 'z1'], ['c', 'y', 'z1']] as const) {
    for (const le of LES) {
      const samples: [number, number][] = [];
      let total = 0;
      for (let t = 0; t <= 600; t += 15) {
        if (next() % 6 === 0) continue;
        total = next() % 40 === 0 ? 0 : total + (next() % 9) + 0.25;
        samples.push([t, total]);
      }
      const labels: Record<string, string> = { __name__: 'lat_bucket', svc, ns, le };
      if (zone !== '') labels.zone = zone;
      specs.push([labels, samples]);
    }
  }
  return specs;
}

const db = dbWith(...histograms());

// `* 1` keeps every value but hides the shape, so these run through the general evaluator.
const QUERIES: [fused: string, general: string][] = [
  ['sum by (le, ns) (rate(lat_bucket[1m]))', 'sum by (le, ns) (rate(lat_bucket[1m]) * 1)'],
  ['avg by (zone) (increase(lat_bucket{svc=~"a|b"}[2m]))', 'avg by (zone) (increase(lat_bucket{svc=~"a|b"}[2m]) * 1)'],
  ['count by (le) (irate(lat_bucket[1m]))', 'count by (le) (irate(lat_bucket[1m]) * 1)'],
  ['stddev by (ns) ((rate(lat_bucket[90s])))', 'stddev by (ns) (rate(lat_bucket[90s]) * 1)'],
  ['max(delta(lat_bucket{le!="+Inf"}[1m]))', 'max(delta(lat_bucket{le!="+Inf"}[1m]) * 1)'],
  ['group by (missing) (resets(lat_bucket[5m]))', 'group by (missing) (resets(lat_bucket[5m]) * 1)'],
  [
    'histogram_quantile(0.9, sum by (le, zone) (rate(lat_bucket[1m])))',
    'histogram_quantile(0.9, sum by (le, zone) (rate(lat_bucket[1m]) * 1))',
  ],
];

describe('aggregations over range functions of stored series', () => {
  it.each(QUERIES)('%s matches the general evaluator', (fused, general) => {
    expect(instant(db, fused, 600)).toEqual(instant(db, general, 600));
    expect(range(db, fused, 0, 600, 45)).toEqual(range(db, general, 0, 600, 45));
    expect(instant(db, fused, 600).length).toBeGreaterThan(0);
  });

  it('groups in first-seen order and leaves out labels a group lacks', () => {
    const flat = dbWith(
      [{ __name__: 'c', svc: 'b', zone: 'z1' }, [[0, 0], [60, 60]]],
      [{ __name__: 'c', svc: 'a' }, [[0, 0], [60, 120]]],
      [{ __name__: 'c', svc: 'c', zone: 'z1' }, [[0, 0], [60, 30]]],
    );
    expect(instant(flat, 'sum by (zone) (rate(c[1m]))', 60)).toEqual([
      { labels: {}, value: 2 },
      { labels: { zone: 'z1' }, value: 1.5 },
    ]);
  });

  it('still refuses series that collide once the metric name is dropped', () => {
    const twins = dbWith([{ __name__: 'c1', svc: 'a' }, [[0, 0], [60, 60]]], [{ __name__: 'c2', svc: 'a' }, [[0, 0], [60, 60]]]);
    expect(() => instant(twins, 'sum by (svc) (rate({svc="a"}[1m]))', 60)).toThrow(PromQLError);
  });
});
