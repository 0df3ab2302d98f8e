import type { Labels } from '../labels';
import { SampleBuffer, type SamplePoint, type SampleSource } from '../tsdb/samples';
import type { MemSeries } from '../tsdb/series';
import type { MatrixSelector, VectorSelector } from './ast';
import { checkDeadline, resolveAt, type EvalContext } from './context';
import { SeriesMatrix, stepTime, type RangeSeries } from './matrix';

/*
 * Window boundaries follow Prometheus 2.x (the version this server is checked against): an
 * instant selector sees a sample exactly `lookback` old, and a range `[r]` evaluated at t holds
 * the samples with t - r <= ts <= t (Prometheus 3 made both left-open).
 */
export const WINDOW_START_INCLUSIVE = true;

/** The first timestamp inside a window that ends at `maxt` and spans `rangeMs`. */
export function windowStart(maxt: number, rangeMs: number): number {
  return WINDOW_START_INCLUSIVE ? maxt - rangeMs : maxt - rangeMs + 1;
}

/** The time a selector is evaluated at for step `s`: its `@` time if any, minus its offset. */
export function selectorTime(ctx: EvalContext, at: number | null, offsetMs: number, s: number): number {
  return (at ?? stepTime(ctx.grid, s)) - offsetMs;
}

/**
 * Evaluates an instant vector selector at every step. With `timestamps`, the value is the
 * sample's own timestamp in seconds (what timestamp() reports for a selector).
 */
export function evalVectorSelector(sel: VectorSelector, ctx: EvalContext, timestamps = false): SeriesMatrix {
  const { grid } = ctx;
  const at = resolveAt(sel.at, ctx);
  const first = selectorTime(ctx, at, sel.offsetMs, 0);
  const last = selectorTime(ctx, at, sel.offsetMs, grid.count - 1);
  const series = ctx.db.select(sel.matchers, windowStart(first, ctx.lookbackMs), last);
  const out = new SeriesMatrix(grid.count, series.length);
  const point: SamplePoint = { t: 0, v: 0 };
  for (let i = 0; i < series.length; i++) {
    if ((i & 1023) === 0) checkDeadline(ctx);
    const s = series[i] as (typeof series)[number];
    const row = out.addSeries(s.labels);
    for (let k = 0; k < grid.count; k++) {
      const ref = selectorTime(ctx, at, sel.offsetMs, k);
      if (s.sampleAtOrBefore(ref, windowStart(ref, ctx.lookbackMs), point)) {
        out.set(row, k, timestamps ? point.t / 1000 : point.v);
      }
    }
  }
  return out.compact();
}

/** A series a range function reads windows from. */
export interface RangeInput {
  labels: Labels;
  source: SampleSource;
}

/** What a range function iterates over: sources plus the window geometry. */
export interface RangeArgument {
  inputs: RangeInput[];
  rangeMs: number;
  offsetMs: number;
  at: number | null;
  /** Only samples in [min, max] may be read, whatever the windows. */
  clip?: [number, number];
}

/** The window geometry of a range argument, without its series. */
export type RangeGeometry = Omit<RangeArgument, 'inputs'>;

/** The stored series a matrix selector reads, in label order, plus its window geometry. */
export function selectMatrixSeries(sel: MatrixSelector, ctx: EvalContext): { series: MemSeries[]; geometry: RangeGeometry } {
  const vs = sel.selector;
  const at = resolveAt(vs.at, ctx);
  const first = selectorTime(ctx, at, vs.offsetMs, 0);
  const last = selectorTime(ctx, at, vs.offsetMs, ctx.grid.count - 1);
  const series = ctx.db.select(vs.matchers, windowStart(first, sel.rangeMs), last);
  return { series, geometry: { rangeMs: sel.rangeMs, offsetMs: vs.offsetMs, at } };
}

export function matrixSelectorArgument(sel: MatrixSelector, ctx: EvalContext): RangeArgument {
  const { series, geometry } = selectMatrixSeries(sel, ctx);
  return { ...geometry, inputs: series.map((s) => ({ labels: s.labels, source: s })) };
}

/** The raw samples of a range argument at the (single) evaluation step: `x[5m]` as a query. */
export function materialiseRange(arg: RangeArgument, ctx: EvalContext): RangeSeries[] {
  const maxt = selectorTime(ctx, arg.at, arg.offsetMs, 0);
  const mint = windowStart(maxt, arg.rangeMs);
  const out: RangeSeries[] = [];
  const buffer = new SampleBuffer();
  for (const input of arg.inputs) {
    buffer.clear();
    input.source.copyWindow(mint, maxt, buffer);
    if (buffer.length === 0) continue;
    out.push({ labels: input.labels, t: buffer.t.slice(0, buffer.length), v: buffer.v.slice(0, buffer.length) });
  }
  return out;
}
