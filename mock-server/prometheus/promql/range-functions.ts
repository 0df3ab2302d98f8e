import { compareNaNFirst, isInfinite, KahanSum, quantileOfSorted } from './numeric';

/**
 * The samples of one series in one window — `t[from..to)`, `v[from..to)` of a buffer shared by
 * all the windows of that series — plus the window's geometry.
 */
export interface Window {
  t: Float64Array;
  v: Float64Array;
  from: number;
  to: number;
  /** Nominal window bounds: evaluation time minus offset, and that minus the range. */
  rangeStartMs: number;
  rangeEndMs: number;
  rangeMs: number;
  /** The evaluation time of the step (predict_linear's reference point). */
  evalMs: number;
  /** The scalar argument at this step, for functions that take one. */
  param: number;
}

/** Computes a function over a window; null means "no output for this series at this step". */
export type RangeFunction = (w: Window) => number | null;

/** Prometheus' extrapolatedRate(): rate(), increase() and delta(). */
function extrapolatedRate(w: Window, isCounter: boolean, isRate: boolean): number | null {
  const { t, v, from, to } = w;
  const n = to - from;
  if (n < 2) return null;
  const first = v[from] as number;
  let result = (v[to - 1] as number) - first;
  if (isCounter) {
    let prev = first;
    for (let i = from + 1; i < to; i++) {
      const cur = v[i] as number;
      if (cur < prev) result += prev;
      prev = cur;
    }
  }
  const firstT = t[from] as number;
  const lastT = t[to - 1] as number;
  let durationToStart = (firstT - w.rangeStartMs) / 1000;
  const durationToEnd = (w.rangeEndMs - lastT) / 1000;
  const sampledInterval = (lastT - firstT) / 1000;
  const averageDurationBetweenSamples = sampledInterval / (n - 1);
  if (isCounter && result > 0 && first >= 0) {
    // A counter cannot go below zero: do not extrapolate past the point where it would be 0.
    const durationToZero = sampledInterval * (first / result);
    if (durationToZero < durationToStart) durationToStart = durationToZero;
  }
  const threshold = averageDurationBetweenSamples * 1.1;
  let extrapolateToInterval = sampledInterval;
  extrapolateToInterval += durationToStart < threshold ? durationToStart : averageDurationBetweenSamples / 2;
  extrapolateToInterval += durationToEnd < threshold ? durationToEnd : averageDurationBetweenSamples / 2;
  let factor = extrapolateToInterval / sampledInterval;
  if (isRate) factor /= w.rangeMs / 1000;
  return result * factor;
}

/** Prometheus' instantValue(): irate() and idelta() from the last two samples. */
function instantValue(w: Window, isRate: boolean): number | null {
  const { t, v, to } = w;
  if (to - w.from < 2) return null;
  const last = v[to - 1] as number;
  const previous = v[to - 2] as number;
  let result = isRate && last < previous ? last : last - previous;
  const interval = (t[to - 1] as number) - (t[to - 2] as number);
  if (interval === 0) return null;
  if (isRate) result /= interval / 1000;
  return result;
}

/** Least-squares fit of value over time, time measured in seconds from `interceptMs`. */
function linearRegression(w: Window, interceptMs: number): { slope: number; intercept: number } {
  const { t, v, from, to } = w;
  const n = to - from;
  const sumX = new KahanSum();
  const sumY = new KahanSum();
  const sumXY = new KahanSum();
  const sumX2 = new KahanSum();
  const initY = v[from] as number;
  let constY = true;
  for (let i = from; i < to; i++) {
    const y = v[i] as number;
    if (constY && i > from && y !== initY) constY = false;
    const x = ((t[i] as number) - interceptMs) / 1000;
    sumX.add(x);
    sumY.add(y);
    sumXY.add(x * y);
    sumX2.add(x * x);
  }
  if (constY) return isInfinite(initY) ? { slope: NaN, intercept: NaN } : { slope: 0, intercept: initY };
  const sx = sumX.sum + sumX.c;
  const sy = sumY.sum + sumY.c;
  const covXY = sumXY.sum + sumXY.c - (sx * sy) / n;
  const varX = sumX2.sum + sumX2.c - (sx * sx) / n;
  const slope = covXY / varX;
  return { slope, intercept: sy / n - (slope * sx) / n };
}

function avgOverTime(w: Window): number {
  const mean = new KahanSum();
  for (let i = w.from; i < w.to; i++) {
    const x = w.v[i] as number;
    const count = i - w.from + 1;
    if (isInfinite(mean.sum)) {
      // An infinite mean stays put unless an opposite infinity or a NaN arrives.
      if (isInfinite(x) && mean.sum > 0 === x > 0) continue;
      if (Number.isFinite(x)) continue;
    }
    mean.add(x / count - mean.sum / count);
  }
  return mean.value();
}

function sumOverTime(w: Window): number {
  const sum = new KahanSum();
  for (let i = w.from; i < w.to; i++) sum.add(w.v[i] as number);
  return sum.value();
}

function varianceOverTime(w: Window): number {
  const mean = new KahanSum();
  const aux = new KahanSum();
  for (let i = w.from; i < w.to; i++) {
    const x = w.v[i] as number;
    const delta = x - (mean.sum + mean.c);
    mean.add(delta / (i - w.from + 1));
    aux.add(delta * (x - (mean.sum + mean.c)));
  }
  return (aux.sum + aux.c) / (w.to - w.from);
}

function extreme(w: Window, better: (candidate: number, current: number) => boolean): number {
  let result = w.v[w.from] as number;
  for (let i = w.from; i < w.to; i++) {
    const x = w.v[i] as number;
    if (better(x, result) || Number.isNaN(result)) result = x;
  }
  return result;
}

function countChanges(w: Window, changed: (prev: number, cur: number) => boolean): number {
  let count = 0;
  for (let i = w.from + 1; i < w.to; i++) if (changed(w.v[i - 1] as number, w.v[i] as number)) count++;
  return count;
}

export const RANGE_FUNCTIONS: Readonly<Record<string, RangeFunction>> = {
  rate: (w) => extrapolatedRate(w, true, true),
  increase: (w) => extrapolatedRate(w, true, false),
  delta: (w) => extrapolatedRate(w, false, false),
  irate: (w) => instantValue(w, true),
  idelta: (w) => instantValue(w, false),
  avg_over_time: avgOverTime,
  sum_over_time: sumOverTime,
  count_over_time: (w) => w.to - w.from,
  min_over_time: (w) => extreme(w, (x, cur) => x < cur),
  max_over_time: (w) => extreme(w, (x, cur) => x > cur),
  last_over_time: (w) => w.v[w.to - 1] as number,
  present_over_time: () => 1,
  stdvar_over_time: varianceOverTime,
  stddev_over_time: (w) => Math.sqrt(varianceOverTime(w)),
  quantile_over_time: (w) => quantileOfSorted(w.param, Array.from(w.v.subarray(w.from, w.to)).sort(compareNaNFirst)),
  changes: (w) => countChanges(w, (prev, cur) => cur !== prev && !(Number.isNaN(cur) && Number.isNaN(prev))),
  resets: (w) => countChanges(w, (prev, cur) => cur < prev),
  deriv: (w) => (w.to - w.from < 2 ? null : linearRegression(w, w.t[w.from] as number).slope),
  predict_linear: (w) => {
    if (w.to - w.from < 2) return null;
    const { slope, intercept } = linearRegression(w, w.evalMs);
    return slope * w.param + intercept;
  },
};
