import { compareLabels, getLabel, METRIC_NAME, withoutLabels, type Labels } from './labels';
import { parseGoFloat } from './promql/literals';
import type { MetricMetadata, Tsdb } from './tsdb/tsdb';

/** The metric family a series belongs to, as the text exposition format names it. */
export interface Family {
  /** Text-format family name: `x_total` for counters, `x` for histograms `x_bucket`/`x_sum`/`x_count`. */
  name: string;
  metadata: MetricMetadata | undefined;
}

const SUFFIXES: readonly [string, readonly string[]][] = [
  ['_bucket', ['histogram']],
  ['_sum', ['histogram', 'summary']],
  ['_count', ['histogram', 'summary']],
];

/**
 * Finds the family of a metric from the metadata registered with `db.setMetadata()`, which is
 * keyed by the text-format family name (`istio_requests_total`,
 * `istio_request_duration_milliseconds`).
 */
export function familyOf(db: Tsdb, metricName: string): Family {
  const direct = db.metadata(metricName);
  if (direct !== undefined) return { name: metricName, metadata: direct };
  for (const [suffix, types] of SUFFIXES) {
    if (!metricName.endsWith(suffix)) continue;
    const base = metricName.slice(0, -suffix.length);
    const metadata = db.metadata(base);
    if (metadata !== undefined && types.includes(metadata.type)) return { name: base, metadata };
  }
  return { name: metricName, metadata: undefined };
}

const PART_ORDER = ['_bucket', '_sum', '_count'];
const NAME_AND_LE = new Set([METRIC_NAME, 'le']);

/**
 * Orders the series of one histogram or summary as exposition formats expect: by their labels,
 * and within one histogram its buckets by increasing `le`, then `_sum`, then `_count`.
 */
function sortParts<T extends { labels: Labels }>(family: string, series: T[]): T[] {
  const keyed = series.map((s) => ({
    s,
    base: withoutLabels(s.labels, NAME_AND_LE),
    part: PART_ORDER.indexOf(getLabel(s.labels, METRIC_NAME).slice(family.length)),
    le: parseGoFloat(getLabel(s.labels, 'le')) ?? 0,
  }));
  keyed.sort((a, b) => compareLabels(a.base, b.base) || a.part - b.part || a.le - b.le);
  return keyed.map((k) => k.s);
}

/** Series grouped by family, families sorted by name, series in exposition order. */
export function groupByFamily<T extends { labels: Labels }>(db: Tsdb, series: readonly T[]): { family: Family; series: T[] }[] {
  const families = new Map<string, { family: Family; series: T[] }>();
  for (const s of series) {
    const family = familyOf(db, getLabel(s.labels, METRIC_NAME));
    let entry = families.get(family.name);
    if (entry === undefined) families.set(family.name, (entry = { family, series: [] }));
    entry.series.push(s);
  }
  const out = [...families.values()].sort((a, b) => (a.family.name < b.family.name ? -1 : a.family.name > b.family.name ? 1 : 0));
  for (const entry of out) {
    const kind = entry.family.metadata?.type;
    if (kind === 'histogram' || kind === 'summary') entry.series = sortParts(entry.family.name, entry.series);
  }
  return out;
}
