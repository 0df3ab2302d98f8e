/** Charts: the uPlot-based time-series chart (loaded lazily) and its data helpers. */
export { TimeSeriesChart } from './TimeSeriesChart';
export type { TimeSeriesChartProps } from './types';
export { alignSeries, hasNoValues, nearestSeries } from './align';
export type { AlignedColumns, ChartSeries } from './align';
export { unitFormatter } from './units';
export type { ValueFormatter } from './units';
