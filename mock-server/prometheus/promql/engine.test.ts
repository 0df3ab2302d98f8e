import { describe, expect, it } from 'vitest';
import { instantQuery } from './engine';
import { PromQLError } from './errors';
import { dbWith, every15s, instant, range } from './test-helpers';

const requests = dbWith(
  [{ __name__: 'req', svc: 'a', version: 'v1', code: '200' }, every15s(600, (t) => t)],
  [{ __name__: 'req', svc: 'a', version: 'v2', code: '200' }, every15s(600, (t) => 3 * t)],
  [{ __name__: 'req', svc: 'b', version: 'v1', code: '500' }, every15s(600, (t) => 2 * t)],
  [{ __name__: 'info', svc: 'a', team: 'red' }, every15s(600, () => 1)],
  [{ __name__: 'info', svc: 'b', team: 'blue' }, every15s(600, () => 1)],
);

function errorOf(run: () => unknown): PromQLError {
  try {
    run();
  } catch (err) {
    if (err instanceof PromQLError) return err;
    throw err;
  }
  throw new Error('expected an error');
}

describe('selectors', () => {
  const db = dbWith([{ __name__: 'g' }, [[0, 1], [100, 2]]]);

  it('looks back five minutes, a sample exactly that old included', () => {
    expect(instant(db, 'g', 400)).toEqual([{ labels: { __name__: 'g' }, value: 2 }]);
    expect(instant(db, 'g', 400.001)).toEqual([]);
    expect(instant(db, 'g', 50)).toEqual([{ labels: { __name__: 'g' }, value: 1 }]);
  });

  it('applies offset and @', () => {
    expect(instant(db, 'g offset 60s', 110)[0]?.value).toBe(1);
    expect(instant(db, 'g @ 50', 300)[0]?.value).toBe(1);
    expect(instant(db, 'g @ 150 offset 100s', 300)[0]?.value).toBe(1);
    expect(range(db, 'g @ end()', 0, 120, 60)).toEqual([{ labels: { __name__: 'g' }, points: [[0, 2], [60, 2], [120, 2]] }]);
  });

  it('returns a range vector as raw samples for an instant query', () => {
    const result = instantQuery(db, 'g[2m]', 100_000);
    expect(result.resultType).toBe('matrix');
    if (result.resultType === 'matrix') expect(Array.from(result.series[0]?.v ?? [])).toEqual([1, 2]);
  });
});

describe('aggregations', () => {
  it('sums and averages by and without labels', () => {
    expect(instant(requests, 'sum by (svc) (rate(req[1m]))', 600)).toEqual([
      { labels: { svc: 'a' }, value: 4 },
      { labels: { svc: 'b' }, value: 2 },
    ]);
    expect(instant(requests, 'sum without (version, code) (rate(req[1m]))', 600)).toEqual([
      { labels: { svc: 'a' }, value: 4 },
      { labels: { svc: 'b' }, value: 2 },
    ]);
    expect(instant(requests, 'avg(rate(req[1m]))', 600)).toEqual([{ labels: {}, value: 2 }]);
    expect(instant(requests, 'count by (code) (req)', 600)).toEqual([
      { labels: { code: '200' }, value: 2 },
      { labels: { code: '500' }, value: 1 },
    ]);
  });

  it('keeps the top and bottom k series with their labels, best first', () => {
    expect(instant(requests, 'topk(2, rate(req[1m]))', 600).map((r) => [r.labels.version, r.labels.svc, r.value])).toEqual([
      ['v2', 'a', 3],
      ['v1', 'b', 2],
    ]);
    expect(instant(requests, 'bottomk by (svc) (1, req)', 600).map((r) => r.value)).toEqual([600, 1200]);
  });

  it('computes quantile and stddev', () => {
    expect(instant(requests, 'quantile(0.5, rate(req[1m]))', 600)[0]?.value).toBeCloseTo(2, 12);
    expect(instant(requests, 'stddev(rate(req[1m]))', 600)[0]?.value).toBeCloseTo(Math.sqrt(2 / 3), 12);
  });
});

describe('histogram_quantile', () => {
  const buckets = (counts: [string, number][]): ReturnType<typeof dbWith> =>
    dbWith(...counts.map(([le, n]): [Record<string, string>, [number, number][]] => [{ __name__: 'h_bucket', le }, [[0, n]]]));

  it('interpolates inside the bucket holding the rank', () => {
    const db = buckets([['1', 10], ['2', 30], ['+Inf', 40]]);
    expect(instant(db, 'histogram_quantile(0.5, h_bucket)', 0)).toEqual([{ labels: {}, value: 1.5 }]);
    expect(instant(db, 'histogram_quantile(0.1, h_bucket)', 0)[0]?.value).toBeCloseTo(0.4, 12);
  });

  it('answers the highest finite bound when the rank is in the +Inf bucket', () => {
    expect(instant(buckets([['1', 10], ['2', 30], ['+Inf', 40]]), 'histogram_quantile(0.9, h_bucket)', 0)[0]?.value).toBe(2);
  });

  it('forces counts monotonic and needs a +Inf bucket', () => {
    expect(instant(buckets([['1', 10], ['2', 8], ['+Inf', 12]]), 'histogram_quantile(0.5, h_bucket)', 0)[0]?.value).toBeCloseTo(0.6, 12);
    expect(instant(buckets([['1', 10], ['2', 30]]), 'histogram_quantile(0.5, h_bucket)', 0)[0]?.value).toBeNaN();
  });
});

describe('binary operators', () => {
  it('matches many-to-one with group_left, taking extra labels from the one side', () => {
    expect(instant(requests, 'req / on (svc) group_left sum by (svc) (req)', 600).map((r) => [r.labels.version, r.labels.svc, r.value])).toEqual([
      ['v1', 'a', 0.25],
      ['v2', 'a', 0.75],
      ['v1', 'b', 1],
    ]);
    expect(instant(requests, 'req * on (svc) group_left (team) info', 600).map((r) => r.labels.team)).toEqual(['red', 'red', 'blue']);
  });

  it('filters with comparisons or returns 0/1 with bool', () => {
    expect(instant(requests, 'rate(req[1m]) > 1.5', 600).map((r) => r.labels)).toEqual([
      { svc: 'a', version: 'v2', code: '200' },
      { svc: 'b', version: 'v1', code: '500' },
    ]);
    expect(instant(requests, 'req > bool 1000', 600).map((r) => r.value)).toEqual([0, 1, 1]);
    expect(instant(requests, 'req > bool 1000', 600)[0]?.labels.__name__).toBeUndefined();
    expect(instant(requests, 'req >= 1200', 600)[0]?.labels.__name__).toBe('req');
    expect(instant(requests, '1 < bool 2', 0)).toEqual([{ labels: {}, value: 1 }]);
  });

  it('evaluates set operators by matching signature', () => {
    expect(instant(requests, 'req and on (svc) info{team="blue"}', 600).map((r) => r.labels.svc)).toEqual(['b']);
    expect(instant(requests, 'req unless on (svc) info{team="blue"}', 600)).toHaveLength(2);
    expect(instant(requests, 'info or on (svc) req', 600)).toHaveLength(2);
  });

  it('follows PromQL precedence, including unary minus below ^', () => {
    expect(instant(requests, '-2 ^ 2', 0)[0]?.value).toBe(-4);
    expect(instant(requests, '2 ^ 3 ^ 2', 0)[0]?.value).toBe(512);
    expect(instant(requests, '1 + 2 * 3 % 4', 0)[0]?.value).toBe(3);
  });

  it('rejects ambiguous matches like Prometheus', () => {
    expect(errorOf(() => instant(requests, 'req / on (svc) info', 600)).message).toBe(
      'multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)',
    );
    const error = errorOf(() => instant(requests, 'info / on (svc) req', 600));
    expect(error.errorType).toBe('execution');
    expect(error.message).toMatch(/^found duplicate series for the match group \{svc="a"\} on the right hand-side/);
  });
});

describe('functions', () => {
  it('reports absence with the labels of equality matchers', () => {
    expect(instant(requests, 'absent(nothing{job="x", env=~"p.*"})', 600)).toEqual([{ labels: { job: 'x' }, value: 1 }]);
    expect(instant(requests, 'absent(req)', 600)).toEqual([]);
  });

  it('rewrites labels with label_replace and label_join', () => {
    expect(instant(requests, 'label_replace(info, "owner", "team-$1", "team", "(r.*)")', 600).map((r) => r.labels.owner)).toEqual(['team-red', undefined]);
    expect(instant(requests, 'label_replace(info, "x", "$1x", "team", "(.*)")', 600)[0]?.labels.x).toBeUndefined();
    expect(instant(requests, 'label_join(info, "id", "/", "svc", "team")', 600).map((r) => r.labels.id)).toEqual(['a/red', 'b/blue']);
  });

  it('clamps and rounds, dropping the metric name', () => {
    expect(instant(requests, 'clamp_max(req, 700)', 600).map((r) => r.value)).toEqual([600, 700, 700]);
    expect(instant(requests, 'clamp_min(req, 1500)', 600).map((r) => r.value)).toEqual([1500, 1800, 1500]);
    expect(instant(requests, 'round(req / 7, 5)', 600).map((r) => r.value)).toEqual([85, 255, 170]);
    expect(instant(requests, 'clamp_min(req, 1)', 600)[0]?.labels.__name__).toBeUndefined();
  });

  it('converts between scalars and vectors', () => {
    expect(instant(requests, 'scalar(sum(req))', 600)).toEqual([{ labels: {}, value: 3600 }]);
    expect(instant(requests, 'scalar(req)', 600)[0]?.value).toBeNaN();
    expect(instant(requests, 'vector(time())', 600)).toEqual([{ labels: {}, value: 600 }]);
  });

  it('evaluates subqueries on an aligned step grid', () => {
    expect(instant(requests, 'max_over_time(sum(rate(req[1m]))[5m:1m])', 600)[0]?.value).toBeCloseTo(6, 12);
  });

  it('refuses two results with the same labels', () => {
    const db = dbWith([{ __name__: 'a', x: '1' }, [[0, 1]]], [{ __name__: 'b', x: '1' }, [[0, 2]]]);
    expect(errorOf(() => instant(db, 'abs({x="1"})', 0)).message).toBe('vector cannot contain metrics with the same labelset');
  });
});

describe('errors', () => {
  it('names what is not supported, as bad_data', () => {
    for (const [query, what] of [
      ['holt_winters(req[5m], 0.5, 0.5)', 'function "holt_winters"'],
      ['mad_over_time(req[5m])', 'function "mad_over_time"'],
      ['limitk(2, req)', 'aggregation "limitk"'],
    ]) {
      const error = errorOf(() => instant(requests, query as string, 600));
      expect(error.errorType).toBe('bad_data');
      expect(error.message).toBe(`not supported by this server: ${what as string}`);
    }
  });

  it('reports parse and type errors with a position', () => {
    expect(errorOf(() => instant(requests, 'sum(req', 0)).message).toBe('1:8: parse error: unclosed left parenthesis');
    expect(errorOf(() => instant(requests, 'rate(req)', 0)).message).toMatch(/expected type range vector in call to function "rate", got instant vector/);
    expect(errorOf(() => instant(requests, '{code=~".*"}', 0)).message).toMatch(/vector selector must contain at least one non-empty matcher/);
    expect(errorOf(() => instant(requests, 'foo(req)', 0)).message).toBe('1:1: parse error: unknown function with name "foo"');
  });

  it('times out', () => {
    expect(errorOf(() => instant(requests, 'sum(req)', 600, { timeoutMs: -1 })).errorType).toBe('timeout');
  });
});
