import { dropMetricName, type Labels } from '../labels';
import { unwrapParens, type Call, type Expr } from './ast';
import { expectScalar, expectString, expectVector, scalarValue, vectorValue, type EvalContext, type Evaluate, type Value } from './context';
import { evalAbsent } from './functions-absent';
import { CALENDAR_FUNCTIONS } from './functions-calendar';
import { labelJoin, labelReplace } from './functions-labels';
import { evalHistogramQuantile } from './histogram';
import { shareMetricName } from './label-sets';
import { SeriesMatrix, stepTime } from './matrix';
import { compareNaNFirst, goMax, goMin } from './numeric';
import { evalRangeCall } from './range-eval';
import { RANGE_FUNCTIONS } from './range-functions';
import { evalVectorSelector } from './selectors';

type ElementFunction = (v: number) => number;

const MATH_FUNCTIONS: Readonly<Record<string, ElementFunction>> = {
  abs: Math.abs,
  ceil: Math.ceil,
  floor: Math.floor,
  exp: Math.exp,
  sqrt: Math.sqrt,
  ln: Math.log,
  log2: Math.log2,
  log10: Math.log10,
  sgn: (v) => (v < 0 ? -1 : v > 0 ? 1 : v),
  acos: Math.acos,
  acosh: Math.acosh,
  asin: Math.asin,
  asinh: Math.asinh,
  atan: Math.atan,
  atanh: Math.atanh,
  cos: Math.cos,
  cosh: Math.cosh,
  sin: Math.sin,
  sinh: Math.sinh,
  tan: Math.tan,
  tanh: Math.tanh,
  deg: (v) => (v * 180) / Math.PI,
  rad: (v) => (v * Math.PI) / 180,
};

/**
 * Applies `fn` to every sample, dropping the metric name. Rows that become equal merge; two
 * samples with equal labels at one step are an error, as in Prometheus.
 */
export function mapSamples(input: SeriesMatrix, fn: (v: number, s: number) => number | null): SeriesMatrix {
  const unique = shareMetricName(input.labels);
  const out = new SeriesMatrix(input.steps, input.length);
  for (let i = 0; i < input.length; i++) {
    let row = -1;
    for (let s = 0; s < input.steps; s++) {
      if (!input.has(i, s)) continue;
      const value = fn(input.get(i, s), s);
      if (value === null) continue;
      if (row < 0) {
        const labels: Labels = dropMetricName(input.labels[i] as Labels);
        row = unique ? out.addSeries(labels) : out.seriesFor(labels);
      }
      if (unique) out.set(row, s, value);
      else out.setUnique(row, s, value);
    }
  }
  return out;
}

export function evalCall(call: Call, ctx: EvalContext, evaluate: Evaluate): Value {
  const { name, args } = call;
  if (name in RANGE_FUNCTIONS || name === 'absent_over_time') return vectorValue(evalRangeCall(call, ctx, evaluate));
  const vectorArg = (i: number): SeriesMatrix => expectVector(evaluate(args[i] as Expr, ctx));
  const scalarArg = (i: number): Float64Array => expectScalar(evaluate(args[i] as Expr, ctx));
  const stringArg = (i: number): string => expectString(evaluate(args[i] as Expr, ctx));
  const steps = ctx.grid.count;
  const math = MATH_FUNCTIONS[name];
  if (math !== undefined) return vectorValue(mapSamples(vectorArg(0), math));
  const calendar = CALENDAR_FUNCTIONS[name];
  if (calendar !== undefined) {
    if (args.length === 0) return vectorValue(timeVector(ctx, (s) => calendar(stepTime(ctx.grid, s) / 1000)));
    return vectorValue(mapSamples(vectorArg(0), calendar));
  }
  switch (name) {
    case 'time':
      return scalarValue(Float64Array.from({ length: steps }, (_, s) => stepTime(ctx.grid, s) / 1000));
    case 'pi':
      return scalarValue(new Float64Array(steps).fill(Math.PI));
    case 'vector': {
      const values = scalarArg(0);
      return vectorValue(timeVector(ctx, (s) => values[s] as number));
    }
    case 'scalar':
      return scalarValue(toScalar(vectorArg(0)));
    case 'absent':
      return vectorValue(evalAbsent(vectorArg(0), args[0] as Expr));
    case 'timestamp':
      return vectorValue(evalTimestamp(args[0] as Expr, ctx, evaluate));
    case 'sort':
    case 'sort_desc':
      return vectorValue(sortInstant(vectorArg(0), name === 'sort_desc'));
    case 'histogram_quantile':
      return vectorValue(evalHistogramQuantile(scalarArg(0), vectorArg(1)));
    case 'label_replace':
      return vectorValue(labelReplace(vectorArg(0), stringArg(1), stringArg(2), stringArg(3), stringArg(4)));
    case 'label_join':
      return vectorValue(labelJoin(vectorArg(0), stringArg(1), stringArg(2), args.slice(3).map((_, i) => stringArg(i + 3))));
    case 'round':
      return vectorValue(evalRound(vectorArg(0), args.length > 1 ? scalarArg(1) : null));
    case 'clamp':
      return vectorValue(evalClamp(vectorArg(0), scalarArg(1), scalarArg(2)));
    case 'clamp_min': {
      const min = scalarArg(1);
      return vectorValue(mapSamples(vectorArg(0), (v, s) => goMax(min[s] as number, v)));
    }
    case 'clamp_max': {
      const max = scalarArg(1);
      return vectorValue(mapSamples(vectorArg(0), (v, s) => goMin(max[s] as number, v)));
    }
    default:
      throw new Error(`internal: function ${name} has a signature but no implementation`);
  }
}

/** One series without labels whose value at each step is `value(s)`. */
function timeVector(ctx: EvalContext, value: (s: number) => number): SeriesMatrix {
  const out = new SeriesMatrix(ctx.grid.count, 1);
  const row = out.addSeries([]);
  for (let s = 0; s < ctx.grid.count; s++) out.set(row, s, value(s));
  return out;
}

/** scalar(v): the only sample's value, or NaN when there is not exactly one. */
function toScalar(input: SeriesMatrix): Float64Array {
  const out = new Float64Array(input.steps);
  for (let s = 0; s < input.steps; s++) {
    let found = 0;
    let value = NaN;
    for (let i = 0; i < input.length && found < 2; i++) {
      if (input.has(i, s)) {
        found++;
        value = input.get(i, s);
      }
    }
    out[s] = found === 1 ? value : NaN;
  }
  return out;
}

/** timestamp(): a selector's own sample times, otherwise the evaluation time. */
function evalTimestamp(arg: Expr, ctx: EvalContext, evaluate: Evaluate): SeriesMatrix {
  const inner = unwrapParens(arg);
  if (inner.kind === 'vectorSelector') return mapSamples(evalVectorSelector(inner, ctx, true), (t) => t);
  return mapSamples(expectVector(evaluate(arg, ctx)), (_v, s) => stepTime(ctx.grid, s) / 1000);
}

/** sort()/sort_desc() only order an instant query's result; NaN goes last either way. */
function sortInstant(input: SeriesMatrix, descending: boolean): SeriesMatrix {
  if (input.steps !== 1) return input;
  const order = input.labels.map((_, i) => i);
  order.sort((a, b) => {
    const x = input.get(a, 0);
    const y = input.get(b, 0);
    if (Number.isNaN(x) || Number.isNaN(y)) return -compareNaNFirst(x, y);
    return descending ? y - x : x - y;
  });
  input.permute(order);
  return input;
}

function evalRound(input: SeriesMatrix, toNearest: Float64Array | null): SeriesMatrix {
  return mapSamples(input, (v, s) => {
    // Prometheus divides by the inverse, which it finds more accurate.
    const inverse = 1 / (toNearest === null ? 1 : (toNearest[s] as number));
    return Math.floor(v * inverse + 0.5) / inverse;
  });
}

function evalClamp(input: SeriesMatrix, min: Float64Array, max: Float64Array): SeriesMatrix {
  return mapSamples(input, (v, s) => {
    const lo = min[s] as number;
    const hi = max[s] as number;
    return hi < lo ? null : goMax(lo, goMin(hi, v));
  });
}
