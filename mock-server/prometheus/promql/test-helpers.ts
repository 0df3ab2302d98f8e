import { labelsToRecord } from '../labels';
import { Tsdb } from '../tsdb/tsdb';
import { instantQuery, rangeQuery, type EngineOptions } from './engine';

/** Series given as labels plus [seconds, value] samples. */
export type SeriesSpec = [labels: Record<string, string>, samples: [seconds: number, value: number][]];

export function dbWith(...series: SeriesSpec[]): Tsdb {
  const db = new Tsdb({ retentionMs: 1e15 });
  for (const [labels, samples] of series) {
    const ref = db.getOrCreateSeries(labels);
    for (const [seconds, value] of samples) ref.append(seconds * 1000, value);
  }
  return db;
}

/** Samples every 15 s from 0 to `lastSeconds`, the value given by `value(seconds)`. */
export function every15s(lastSeconds: number, value: (seconds: number) => number): [number, number][] {
  const out: [number, number][] = [];
  for (let t = 0; t <= lastSeconds; t += 15) out.push([t, value(t)]);
  return out;
}

export interface Row {
  labels: Record<string, string>;
  value: number;
}

/** An instant query's result as plain rows (a scalar becomes one row without labels). */
export function instant(db: Tsdb, query: string, seconds: number, options?: EngineOptions): Row[] {
  const result = instantQuery(db, query, seconds * 1000, options);
  if (result.resultType === 'scalar') return [{ labels: {}, value: result.value }];
  if (result.resultType !== 'vector') throw new Error(`unexpected ${result.resultType}`);
  return result.samples.map((s) => ({ labels: labelsToRecord(s.labels), value: s.value }));
}

/** A range query's result as label records with [seconds, value] points. */
export function range(db: Tsdb, query: string, start: number, end: number, step: number): { labels: Record<string, string>; points: [number, number][] }[] {
  const result = rangeQuery(db, query, start * 1000, end * 1000, step * 1000);
  if (result.resultType !== 'matrix') throw new Error(`unexpected ${result.resultType}`);
  return result.series.map((s) => ({
    labels: labelsToRecord(s.labels),
    points: Array.from(s.t, (t, i) => [t / 1000, s.v[i] as number] as [number, number]),
  }));
}
