import type { ChartSeries } from './align';
import type { ValueFormatter } from './units';

export interface TimeSeriesChartProps {
  /** Accessible name of the plot. */
  readonly title: string;
  readonly series: readonly ChartSeries[];
  readonly formatValue: ValueFormatter;
  /** The x range shown, in Unix seconds, whatever the data covers. */
  readonly xRange: readonly [start: number, end: number];
  /** Charts with the same key move their cursors together. */
  readonly syncKey?: string;
  /** Plot height in px (the legend comes below). Default 180. */
  readonly height?: number;
  /** A drag across the plot selected [start, end] (Unix seconds). */
  readonly onZoom?: (start: number, end: number) => void;
  /** A click on the plot: the time under the cursor and the series nearest to it. */
  readonly onPointClick?: (time: number, seriesLabel: string) => void;
  /** True while the data is still on its way: the plot says so and is not marked drawn. */
  readonly loading?: boolean;
  /** Shown over an empty plot. Default "No data in this window". */
  readonly emptyMessage?: string;
}

export const DEFAULT_HEIGHT = 180;
