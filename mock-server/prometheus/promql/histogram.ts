import { getLabel, labelsKeyWithout, METRIC_NAME, withoutLabels, type Labels } from '../labels';
import { parseGoFloat } from './literals';
import { SeriesMatrix } from './matrix';

interface Bucket {
  upperBound: number;
  count: number;
}

/**
 * Prometheus 2.x bucketQuantile(): linear interpolation inside the bucket holding the rank,
 * a lower bound of 0 for the first bucket (unless its upper bound is <= 0), the second-highest
 * bound when the rank falls in the +Inf bucket, counts forced monotonic.
 */
export function bucketQuantile(q: number, input: readonly Bucket[]): number {
  if (Number.isNaN(q)) return NaN;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  const sorted = [...input].sort((a, b) => a.upperBound - b.upperBound);
  if ((sorted[sorted.length - 1] as Bucket).upperBound !== Infinity) return NaN;
  const buckets = coalesce(sorted);
  let max = -Infinity;
  for (const b of buckets) {
    if (b.count > max) max = b.count;
    else if (b.count < max) b.count = max;
  }
  if (buckets.length < 2) return NaN;
  const observations = (buckets[buckets.length - 1] as Bucket).count;
  if (observations === 0) return NaN;
  let rank = q * observations;
  let b = buckets.length - 1;
  for (let i = 0; i < buckets.length - 1; i++) {
    if ((buckets[i] as Bucket).count >= rank) {
      b = i;
      break;
    }
  }
  if (b === buckets.length - 1) return (buckets[buckets.length - 2] as Bucket).upperBound;
  const bucket = buckets[b] as Bucket;
  if (b === 0 && bucket.upperBound <= 0) return bucket.upperBound;
  let bucketStart = 0;
  let count = bucket.count;
  if (b > 0) {
    const previous = buckets[b - 1] as Bucket;
    bucketStart = previous.upperBound;
    count -= previous.count;
    rank -= previous.count;
  }
  return bucketStart + (bucket.upperBound - bucketStart) * (rank / count);
}

/** Merges buckets with equal upper bounds (e.g. le="1" and le="1.0"); input sorted. */
function coalesce(sorted: readonly Bucket[]): Bucket[] {
  const out: Bucket[] = [];
  for (const b of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && last.upperBound === b.upperBound) last.count += b.count;
    else out.push({ upperBound: b.upperBound, count: b.count });
  }
  return out;
}

const EXCLUDED = new Set([METRIC_NAME, 'le']);
const LE_ONLY = new Set(['le']);

/** histogram_quantile(φ, buckets) over classic `le` buckets, at every step. */
export function evalHistogramQuantile(q: Float64Array, input: SeriesMatrix): SeriesMatrix {
  // Buckets of one histogram share all labels but `le` (the metric name included, as in Prometheus).
  const groups = new Map<string, { labels: Labels; rows: number[]; bounds: number[] }>();
  for (let i = 0; i < input.length; i++) {
    const labels = input.labels[i] as Labels;
    const upperBound = parseGoFloat(getLabel(labels, 'le'));
    if (upperBound === null) continue;
    const key = labelsKeyWithout(labels, LE_ONLY);
    let group = groups.get(key);
    if (group === undefined) groups.set(key, (group = { labels: withoutLabels(labels, EXCLUDED), rows: [], bounds: [] }));
    group.rows.push(i);
    group.bounds.push(upperBound);
  }
  const out = new SeriesMatrix(input.steps, groups.size);
  const buckets: Bucket[] = [];
  for (const group of groups.values()) {
    let row = -1;
    for (let s = 0; s < input.steps; s++) {
      buckets.length = 0;
      group.rows.forEach((i, k) => {
        if (input.has(i, s)) buckets.push({ upperBound: group.bounds[k] as number, count: input.get(i, s) });
      });
      if (buckets.length === 0) continue;
      if (row < 0) row = out.seriesFor(group.labels);
      out.setUnique(row, s, bucketQuantile(q[s] as number, buckets));
    }
  }
  return out;
}
