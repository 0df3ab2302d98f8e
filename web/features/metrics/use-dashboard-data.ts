/** A dashboard's charts with their series, from one batch of range queries over the global time window. */
import { useMemo, useState } from 'react';
import { dashboardByLabels, dashboardCharts, rateWindowFor } from '../../../mesh/telemetry/dashboards';
import type { ChartDefinition, DashboardRequest } from '../../../mesh/telemetry/dashboards';
import { usePromRanges } from '../../api/telemetry-clients';
import type { RangeSeries } from '../../api/telemetry-clients';
import type { TimeWindow } from '../../app/time-window';
import { chartSeries } from './chart-series';
import type { LabelledSeries } from './chart-series';

export const FAILED_RETRY_MS = 5_000;

export interface ChartData {
  readonly chart: ChartDefinition;
  readonly series: readonly LabelledSeries[];
  /** No answer yet for any family of the chart (and none kept from before). */
  readonly loading: boolean;
}

export interface DashboardData {
  readonly charts: readonly ChartData[];
  /** The first failure among the queries, if any; the charts keep their last data meanwhile. */
  readonly error: Error | null;
  readonly fetching: boolean;
}

export function useDashboardData(request: DashboardRequest, window: TimeWindow): DashboardData {
  const { scope, direction, reporter, groupBy } = request;
  const rateWindow = rateWindowFor(window.stepSeconds);
  const charts = useMemo(
    () => dashboardCharts({ scope, direction, reporter, groupBy, window: rateWindow }),
    [scope, direction, reporter, groupBy, rateWindow],
  );
  const by = useMemo(() => dashboardByLabels({ scope, direction, reporter, groupBy }), [scope, direction, reporter, groupBy]);
  const promqls = useMemo(() => charts.flatMap((chart) => chart.families.map((family) => family.promql)), [charts]);
  const results = usePromRanges(promqls, window, { failedRefetchIntervalMs: FAILED_RETRY_MS });

  // Each query's latest answer, kept while a refetch or a moved window fails, so charts keep their last
  // data. Answers to other queries (another grouping, scope or reporter) are never shown under these labels.
  const queriesKey = promqls.join('\n');
  const fresh = results.map((result) => (result.isPlaceholderData ? undefined : result.data?.data));
  const [kept, setKept] = useState<{ key: string; data: readonly (readonly RangeSeries[] | undefined)[] }>({ key: queriesKey, data: fresh });
  const previous = kept.key === queriesKey ? kept.data : [];
  const merged = fresh.map((data, i) => data ?? previous[i]);
  if (kept.key !== queriesKey || merged.length !== kept.data.length || merged.some((data, i) => data !== kept.data[i])) {
    setKept({ key: queriesKey, data: merged });
  }
  const error = results.find((result) => result.error)?.error ?? null;

  const chartData = useMemo(
    () =>
      perChart(charts, kept.data).map(({ chart, results: own }) => ({
        chart,
        series: chartSeries(chart, own, by, scope.name),
        loading: own.every((d) => d === undefined),
      })),
    [charts, by, scope.name, kept.data],
  );

  return {
    charts: chartData,
    error,
    fetching: results.some((result) => result.isFetching),
  };
}

/** The flat list of results (every family of every chart, in order) cut back into each chart's share. */
function perChart<T>(charts: readonly ChartDefinition[], results: readonly T[]): { chart: ChartDefinition; results: T[] }[] {
  const out: { chart: ChartDefinition; results: T[] }[] = [];
  let offset = 0;
  for (const chart of charts) {
    out.push({ chart, results: results.slice(offset, offset + chart.families.length) });
    offset += chart.families.length;
  }
  return out;
}
