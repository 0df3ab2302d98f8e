import { Suspense, lazy } from 'react';
import { DEFAULT_HEIGHT } from './types';
import type { TimeSeriesChartProps } from './types';
import './charts.css';

// uPlot is its own chunk, fetched as soon as a screen with charts loads (this module is only imported by
// lazily loaded screens), so it arrives alongside the screen's data instead of after it.
let chartModule: Promise<typeof import('./UPlotChart')> | undefined;
const loadChart = () => (chartModule ??= import('./UPlotChart'));
const UPlotChart = lazy(() => loadChart().then((m) => ({ default: m.UPlotChart })));
void loadChart();

/** A time-series line chart: synced cursor, drag to zoom, legend that toggles series, theme colours. */
export function TimeSeriesChart(props: TimeSeriesChartProps) {
  return (
    <Suspense fallback={<div className="ts-chart-loading" style={{ height: props.height ?? DEFAULT_HEIGHT }} aria-label={`${props.title}: loading`} />}>
      <UPlotChart {...props} />
    </Suspense>
  );
}
