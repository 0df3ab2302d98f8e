import { dropMetricName } from '../labels';
import { SampleBuffer, type SampleSource } from '../tsdb/samples';
import { unwrapParens, type Call, type Expr } from './ast';
import { typeOf } from './check';
import { checkDeadline, expectScalar, type EvalContext, type Evaluate } from './context';
import { absentLabels } from './functions-absent';
import { assertUniqueLabels, shareMetricName } from './label-sets';
import { SeriesMatrix, stepTime } from './matrix';
import { RANGE_FUNCTIONS, type Window } from './range-functions';
import { matrixSelectorArgument, selectorTime, windowStart, type RangeArgument, type RangeGeometry, type RangeInput } from './selectors';
import { subqueryArgument } from './subquery';

/** The series and window geometry of a range-vector argument (selector or subquery). */
export function rangeArgument(expr: Expr, ctx: EvalContext, evaluate: Evaluate): RangeArgument {
  const inner = unwrapParens(expr);
  if (inner.kind === 'matrixSelector') return matrixSelectorArgument(inner, ctx);
  if (inner.kind === 'subquery') return subqueryArgument(inner, ctx, evaluate);
  throw new Error(`internal: ${inner.kind} is not a range vector`);
}

/** Evaluates a call of a function over a range vector (rate, *_over_time, ...). */
export function evalRangeCall(call: Call, ctx: EvalContext, evaluate: Evaluate): SeriesMatrix {
  const matrixIndex = call.args.findIndex((a) => typeOf(a) === 'matrix');
  const fixed = rangeArgument(call.args[matrixIndex] as Expr, ctx, evaluate);
  const arg = call.name === 'predict_linear' ? atAsOffset(fixed, ctx) : fixed;
  const paramExpr = call.args.find((_, i) => i !== matrixIndex);
  const params = paramExpr === undefined ? null : expectScalar(evaluate(paramExpr, ctx));
  if (call.name === 'absent_over_time') return absentOverTime(call, arg, ctx);
  const fn = RANGE_FUNCTIONS[call.name];
  if (fn === undefined) throw new Error(`internal: no range function ${call.name}`);
  const keepName = call.name === 'last_over_time';
  const out = new SeriesMatrix(ctx.grid.count);
  forEachWindow(
    arg.inputs.map((input) => input.source),
    arg,
    ctx,
    (i, s, window) => {
      const value = fn(window);
      if (value === null) return;
      const { labels } = arg.inputs[i] as RangeInput;
      if (window.row < 0) window.row = out.addSeries(keepName ? labels : dropMetricName(labels));
      out.set(window.row, s, value);
    },
    params,
  );
  if (!keepName && !shareMetricName(arg.inputs.map((input) => input.labels))) assertUniqueLabels(out.labels);
  return out;
}

/**
 * Prometheus 2.x does not treat predict_linear() as step-invariant: the `@` of its argument
 * becomes an offset from the first step, so the window moves with the evaluation time, while
 * the data read stays limited to the window at the `@` time.
 */
function atAsOffset(arg: RangeArgument, ctx: EvalContext): RangeArgument {
  if (arg.at === null) return arg;
  const maxt = arg.at - arg.offsetMs;
  return { ...arg, at: null, offsetMs: arg.offsetMs + ctx.grid.startMs - arg.at, clip: [windowStart(maxt, arg.rangeMs), maxt] };
}

export interface SeriesWindow extends Window {
  /** The output row of the current series, or -1 until it produces a value. */
  row: number;
}

/**
 * Calls `visit` for every source (by index) and step with a non-empty window. Each source's
 * samples are copied once for the whole query span and the window slides over them.
 */
export function forEachWindow(
  sources: readonly SampleSource[],
  arg: RangeGeometry,
  ctx: EvalContext,
  visit: (i: number, s: number, window: SeriesWindow) => void,
  params: Float64Array | null = null,
): void {
  const { grid } = ctx;
  const buffer = new SampleBuffer();
  const first = selectorTime(ctx, arg.at, arg.offsetMs, 0);
  const last = selectorTime(ctx, arg.at, arg.offsetMs, grid.count - 1);
  const window: SeriesWindow = {
    t: buffer.t, v: buffer.v, from: 0, to: 0, rangeStartMs: 0, rangeEndMs: 0, rangeMs: arg.rangeMs, evalMs: 0, param: 0, row: -1,
  };
  const [clipMin, clipMax] = arg.clip ?? [-Infinity, Infinity];
  for (let i = 0; i < sources.length; i++) {
    if ((i & 1023) === 0) checkDeadline(ctx);
    buffer.clear();
    (sources[i] as SampleSource).copyWindow(Math.max(clipMin, windowStart(first, arg.rangeMs)), Math.min(clipMax, last), buffer);
    window.t = buffer.t;
    window.v = buffer.v;
    window.row = -1;
    let from = 0;
    let to = 0;
    for (let s = 0; s < grid.count; s++) {
      const maxt = selectorTime(ctx, arg.at, arg.offsetMs, s);
      const mint = windowStart(maxt, arg.rangeMs);
      while (to < buffer.length && (buffer.t[to] as number) <= maxt) to++;
      while (from < to && (buffer.t[from] as number) < mint) from++;
      if (from === to) continue;
      window.from = from;
      window.to = to;
      window.rangeEndMs = maxt;
      window.rangeStartMs = maxt - arg.rangeMs;
      window.evalMs = arg.at ?? stepTime(grid, s);
      window.param = params === null ? 0 : (params[s] as number);
      visit(i, s, window);
    }
  }
}

function absentOverTime(call: Call, arg: RangeArgument, ctx: EvalContext): SeriesMatrix {
  const seen = new Uint8Array(ctx.grid.count);
  forEachWindow(arg.inputs.map((input) => input.source), arg, ctx, (_i, s) => {
    seen[s] = 1;
  });
  const out = new SeriesMatrix(ctx.grid.count, 1);
  const row = out.addSeries(absentLabels(call.args[0] as Expr));
  for (let s = 0; s < ctx.grid.count; s++) if (seen[s] === 0) out.set(row, s, 1);
  return out.compact();
}
