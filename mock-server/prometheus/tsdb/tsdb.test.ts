import { describe, expect, it } from 'vitest';
import { compareLabels, labelsToRecord } from '../labels';
import { matcher, type MatchType } from './matcher';
import { compileAnchoredRegex } from './regex';
import { SampleBuffer } from './samples';
import type { MemSeries } from './series';
import { Tsdb } from './tsdb';

function seeded(): Tsdb {
  const db = new Tsdb();
  const rows: Record<string, string>[] = [
    { __name__: 'req', job: 'api', code: '200' },
    { __name__: 'req', job: 'api', code: '500' },
    { __name__: 'req', job: 'web', code: '200' },
    { __name__: 'req', job: 'web' },
    { __name__: 'lat', job: 'api' },
  ];
  rows.forEach((labels, i) => db.append(labels, 1000, i));
  return db;
}

function select(db: Tsdb, ...specs: [string, MatchType, string][]): Record<string, string>[] {
  return db.series(specs.map(([name, type, value]) => matcher(name, type, value))).map(labelsToRecord);
}

describe('Tsdb selection', () => {
  it('selects with =, !=, =~ and !~, treating a missing label as empty', () => {
    const db = seeded();
    expect(select(db, ['__name__', '=', 'req'], ['code', '=', '200'])).toEqual([
      { __name__: 'req', code: '200', job: 'api' },
      { __name__: 'req', code: '200', job: 'web' },
    ]);
    expect(select(db, ['__name__', '=', 'req'], ['code', '!=', '200'])).toEqual([
      { __name__: 'req', code: '500', job: 'api' },
      { __name__: 'req', job: 'web' },
    ]);
    expect(select(db, ['job', '=~', 'a.*'])).toHaveLength(3);
    expect(select(db, ['__name__', '=', 'req'], ['code', '=~', '5..|'])).toEqual([
      { __name__: 'req', code: '500', job: 'api' },
      { __name__: 'req', job: 'web' },
    ]);
    expect(select(db, ['__name__', '=', 'req'], ['job', '!~', 'we.'])).toHaveLength(2);
    expect(select(db, ['__name__', '=', 'req'], ['code', '=', ''])).toEqual([{ __name__: 'req', job: 'web' }]);
  });

  it('checks name and le per series while sibling series share the verdict on their other labels', () => {
    const db = new Tsdb();
    for (const job of ['api', 'web']) {
      for (const le of ['1', '+Inf']) db.append({ __name__: 'lat_bucket', job, le }, 1000, 1);
      db.append({ __name__: 'lat_count', job }, 1000, 1);
    }
    // The first matcher is answered from the index; the others are checked per candidate.
    expect(select(db, ['job', '=~', 'api|web'], ['le', '!=', '1'], ['__name__', '=~', 'lat_.*'], ['job', '!=', 'web'])).toEqual([
      { __name__: 'lat_bucket', job: 'api', le: '+Inf' },
      { __name__: 'lat_count', job: 'api' },
    ]);
    expect(select(db, ['job', '=~', 'api|web'], ['__name__', '!=', 'lat_count'], ['job', '=~', 'w.*'])).toEqual([
      { __name__: 'lat_bucket', job: 'web', le: '+Inf' },
      { __name__: 'lat_bucket', job: 'web', le: '1' },
    ]);
  });

  it('returns series in Prometheus label order whatever the creation order', () => {
    const db = new Tsdb();
    for (const job of ['c', 'a', 'b']) db.append({ __name__: 'x', job }, 1, 1);
    expect(select(db, ['__name__', '=', 'x']).map((r) => r.job)).toEqual(['a', 'b', 'c']);
    db.append({ __name__: 'x', job: 'aa' }, 1, 1);
    expect(select(db, ['__name__', '=', 'x']).map((r) => r.job)).toEqual(['a', 'aa', 'b', 'c']);
  });

  it('keeps label sets whole while sharing all but the metric name and le between series', () => {
    const db = new Tsdb();
    const base = { A: 'upper', a: 'x', z: 'last' };
    const bucket = db.getOrCreateSeries({ ...base, __name__: 'h_bucket', le: '0.5' });
    db.getOrCreateSeries({ ...base, __name__: 'h_bucket', le: '+Inf' }).append(1, 1);
    db.getOrCreateSeries({ ...base, __name__: 'h_count' }).append(1, 1);
    db.getOrCreateSeries({ A: 'upper', le: '1' }).append(1, 1);
    bucket.append(1, 1);
    expect(bucket.labels).toEqual(['A', 'upper', '__name__', 'h_bucket', 'a', 'x', 'le', '0.5', 'z', 'last']);
    expect(db.getOrCreateSeries({ ...base, le: '0.5', __name__: 'h_bucket' })).toBe(bucket);
    expect(select(db, ['le', '=~', '.+'], ['z', '=', 'last'])).toEqual([
      { A: 'upper', __name__: 'h_bucket', a: 'x', le: '+Inf', z: 'last' },
      { A: 'upper', __name__: 'h_bucket', a: 'x', le: '0.5', z: 'last' },
    ]);
    const all = db.series([matcher('A', '=', 'upper')]);
    expect(all.map((l) => l.join(','))).toEqual(
      [...all].sort((x, y) => compareLabels(x, y)).map((l) => l.join(',')),
    );
    expect(all).toHaveLength(4);
    expect(db.labelValues('le', [matcher('A', '=', 'upper')])).toEqual(['+Inf', '0.5', '1']);
  });

  it('anchors regular expressions', () => {
    expect(compileAnchoredRegex('api').test('api-2')).toBe(false);
    expect(() => compileAnchoredRegex('(?=a)')).toThrow(/invalid or unsupported Perl syntax/);
  });

  it('lists label names and values, optionally restricted by matchers', () => {
    const db = seeded();
    expect(db.labelNames()).toEqual(['__name__', 'code', 'job']);
    expect(db.labelValues('job')).toEqual(['api', 'web']);
    expect(db.labelValues('code', [matcher('job', '=', 'web')])).toEqual(['200']);
    expect(db.labelNames([matcher('__name__', '=', 'lat')])).toEqual(['__name__', 'job']);
  });

  it('filters series by the time range of their samples', () => {
    const db = new Tsdb();
    db.append({ __name__: 'a' }, 1000, 1);
    db.append({ __name__: 'b' }, 5000, 1);
    expect(db.series([matcher('__name__', '=~', '.+')], 2000, 6000).map(labelsToRecord)).toEqual([{ __name__: 'b' }]);
  });
});

describe('Tsdb storage', () => {
  it('rejects samples that are not after the last one', () => {
    const db = new Tsdb();
    const ref = db.getOrCreateSeries({ __name__: 'x' });
    expect(ref.append(1000, 1)).toBe(true);
    expect(ref.append(1000, 2)).toBe(false);
    expect(ref.append(500, 2)).toBe(false);
    expect(db.getOrCreateSeries({ __name__: 'x' })).toBe(ref);
  });

  it('keeps exact values and times across chunks, regular or not, float32 or float64', () => {
    const db = new Tsdb();
    const ref = db.getOrCreateSeries({ __name__: 'x' });
    const expected: [number, number][] = [];
    for (let i = 0; i < 300; i++) {
      const t = 1_700_000_000_000 + i * 15_000 + (i > 200 ? i % 7 : 0);
      const v = i === 150 ? 0.1 : i * 3;
      expected.push([t, v]);
      ref.append(t, v);
    }
    const buffer = new SampleBuffer();
    (ref as MemSeries).copyWindow(-Infinity, Infinity, buffer);
    const got = Array.from({ length: buffer.length }, (_, i) => [buffer.t[i], buffer.v[i]]);
    expect(got).toEqual(expected);
    buffer.clear();
    (ref as MemSeries).copyWindow(expected[10]?.[0] as number, expected[12]?.[0] as number, buffer);
    expect(Array.from(buffer.v.subarray(0, buffer.length))).toEqual([30, 33, 36]);
  });

  it('hides staleness markers and stops lookups at them', () => {
    const db = new Tsdb();
    const ref = db.getOrCreateSeries({ __name__: 'x' }) as MemSeries;
    ref.append(1000, 1);
    ref.markStale(2000);
    const point = { t: 0, v: 0 };
    expect(ref.sampleAtOrBefore(1500, 0, point)).toBe(true);
    expect(ref.sampleAtOrBefore(2500, 0, point)).toBe(false);
    const buffer = new SampleBuffer();
    ref.copyWindow(0, 3000, buffer);
    expect(buffer.length).toBe(1);
  });

  it('drops data older than the retention window and forgets empty series', () => {
    const db = new Tsdb({ retentionMs: 60_000, retentionCheckMs: 1_000_000_000 });
    const old = db.getOrCreateSeries({ __name__: 'old' });
    const live = db.getOrCreateSeries({ __name__: 'live' });
    const idle = db.getOrCreateSeries({ __name__: 'idle' });
    for (let i = 0; i < 200; i++) {
      if (i < 50) old.append(i * 1000, i);
      live.append(i * 1000, i);
    }
    db.applyRetention(230_000);
    expect(db.labelValues('__name__')).toEqual(['idle', 'live']);
    expect(db.stats().samples).toBe(200 - 128);
    expect(idle.labels).toEqual(['__name__', 'idle']);
    old.append(500_000, 1);
    expect(db.labelValues('__name__')).toEqual(['idle', 'live', 'old']);
    expect(select(db, ['__name__', '=', 'old'])).toEqual([{ __name__: 'old' }]);
  });

  it('runs retention on its own as sample time advances', () => {
    const db = new Tsdb({ retentionMs: 10_000, retentionCheckMs: 5_000 });
    const gone = db.getOrCreateSeries({ __name__: 'gone' });
    const ref = db.getOrCreateSeries({ __name__: 'x' });
    for (let i = 0; i < 20; i++) gone.append(i * 1000, i);
    for (let i = 20; i < 400; i++) ref.append(i * 1000, i);
    expect(db.labelValues('__name__')).toEqual(['x']);
  });
});
