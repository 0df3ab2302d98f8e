/** Prometheus range results of a chart's families, turned into labelled chart series. */
import type { ChartDefinition } from '../../../mesh/telemetry/dashboards';
import { seriesLabel } from '../../../mesh/telemetry/dashboards';
import type { RangeSeries } from '../../api/telemetry-clients';
import type { ChartSeries } from '../../ui/charts';

export interface LabelledSeries extends ChartSeries {
  /** The labels Prometheus returned, for links from a point (a response code becomes a trace tag). */
  readonly metric: Readonly<Record<string, string>>;
}

/**
 * One series per family result, labelled by family and grouping; results come in family order, undefined
 * while a family has not loaded. `fallback` names an ungrouped single-family series (say, the scope).
 */
export function chartSeries(
  chart: ChartDefinition,
  results: readonly (readonly RangeSeries[] | undefined)[],
  by: readonly string[],
  fallback: string,
): LabelledSeries[] {
  const out: LabelledSeries[] = [];
  const seen = new Set<string>();
  chart.families.forEach((family, index) => {
    for (const series of results[index] ?? []) {
      let label = seriesLabel(family.name, series.metric, by, fallback);
      // Labels identify legend entries; two series may only share one if Prometheus returned duplicates.
      for (let n = 2; seen.has(label); n += 1) label = `${seriesLabel(family.name, series.metric, by, fallback)} (${n})`;
      seen.add(label);
      out.push({ label, metric: series.metric, times: series.times, values: series.values });
    }
  });
  return out;
}
