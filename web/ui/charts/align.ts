/** Range series (each with its own timestamps) merged onto one shared x axis, as uPlot takes them. */

export interface ChartSeries {
  readonly label: string;
  /** Unix seconds, ascending. */
  readonly times: readonly number[];
  readonly values: readonly number[];
}

/** [x, y1, y2, …]: the union of all timestamps, with null where a series has no sample (a gap, not a zero). */
export type AlignedColumns = [number[], ...(number | null)[][]];

export function alignSeries(series: readonly ChartSeries[]): AlignedColumns {
  const xs = [...new Set(series.flatMap((s) => s.times))].sort((a, b) => a - b);
  const index = new Map(xs.map((x, i) => [x, i]));
  const columns = series.map((s) => {
    const column: (number | null)[] = new Array<number | null>(xs.length).fill(null);
    s.times.forEach((time, i) => {
      const value = s.values[i];
      // NaN and the infinities (0/0 ratios, empty histograms) cannot be drawn: they are gaps.
      if (value !== undefined && Number.isFinite(value)) column[index.get(time) ?? 0] = value;
    });
    return column;
  });
  return [xs, ...columns];
}

/** True when no series has a single drawable value. */
export function hasNoValues(columns: AlignedColumns): boolean {
  return columns.slice(1).every((column) => column.every((value) => value === null));
}

/**
 * The series nearest to a y value at one data index, ignoring hidden series; -1 when none has a value
 * there. Indices are into the series list (not uPlot's, which counts the x column first).
 */
export function nearestSeries(columns: AlignedColumns, dataIndex: number, y: number, hidden: ReadonlySet<number> = new Set()): number {
  let best = -1;
  let bestDistance = Infinity;
  columns.slice(1).forEach((column, seriesIndex) => {
    const value = column[dataIndex];
    if (hidden.has(seriesIndex) || value === null || value === undefined) return;
    const distance = Math.abs(value - y);
    if (distance < bestDistance) {
      best = seriesIndex;
      bestDistance = distance;
    }
  });
  return best;
}
