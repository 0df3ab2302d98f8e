import { getLabel, METRIC_NAME, type Labels } from './labels';
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

/** Series grouped by family, families sorted by name, series in label order. */
export function groupByFamily<T extends { labels: Labels }>(db: Tsdb, series: readonly T[]): { family: Family; series: T[] }[] {
  const families = new Map<string, { family: Family; series: T[] }>();
  for (const s of series) {
    const family = familyOf(db, getLabel(s.labels, METRIC_NAME));
    let entry = families.get(family.name);
    if (entry === undefined) families.set(family.name, (entry = { family, series: [] }));
    entry.series.push(s);
  }
  return [...families.values()].sort((a, b) => (a.family.name < b.family.name ? -1 : a.family.name > b.family.name ? 1 : 0));
}
