import { dropMetricName } from '../labels';
import type { Aggregate, Expr } from './ast';
import { evalAggregate } from './aggregations';
import { evalBinary } from './binary';
import { checkDeadline, expectScalar, expectString, expectVector, scalarValue, vectorValue, type EvalContext, type Value } from './context';
import { evalCall } from './functions';
import { evalFusedRangeAggregate } from './fused-aggregate';
import { assertUniqueLabels, shareMetricName } from './label-sets';
import { SeriesMatrix } from './matrix';
import { rangeArgument } from './range-eval';
import { evalVectorSelector, materialiseRange } from './selectors';

/** Evaluates an expression at every step of `ctx.grid`. */
export function evaluate(expr: Expr, ctx: EvalContext): Value {
  checkDeadline(ctx);
  switch (expr.kind) {
    case 'number':
      return scalarValue(new Float64Array(ctx.grid.count).fill(expr.value));
    case 'string':
      return { type: 'string', value: expr.value };
    case 'paren':
      return evaluate(expr.expr, ctx);
    case 'vectorSelector':
      return vectorValue(evalVectorSelector(expr, ctx));
    case 'matrixSelector':
    case 'subquery':
      return { type: 'matrix', series: materialiseRange(rangeArgument(expr, ctx, evaluate), ctx) };
    case 'unary':
      return evalUnary(expr.op, evaluate(expr.expr, ctx));
    case 'call':
      return evalCall(expr, ctx, evaluate);
    case 'aggregate':
      return vectorValue(evalAggregateExpr(expr, ctx));
    case 'binary':
      return evalBinary(expr, evaluate(expr.lhs, ctx), evaluate(expr.rhs, ctx));
  }
}

function evalAggregateExpr(agg: Aggregate, ctx: EvalContext): SeriesMatrix {
  const fused = agg.param === null ? evalFusedRangeAggregate(agg, ctx) : null;
  if (fused !== null) return fused;
  let param: Float64Array | string | null = null;
  if (agg.param !== null) {
    const value = evaluate(agg.param, ctx);
    param = agg.op === 'count_values' ? expectString(value) : expectScalar(value);
  }
  return evalAggregate(agg, expectVector(evaluate(agg.expr, ctx)), param);
}

function evalUnary(op: '-' | '+', value: Value): Value {
  if (op === '+') return value;
  if (value.type === 'scalar') return scalarValue(value.values.map((v) => -v));
  const input = expectVector(value);
  const out = new SeriesMatrix(input.steps, input.length);
  for (let i = 0; i < input.length; i++) {
    const row = out.addSeries(dropMetricName(input.labels[i] as SeriesMatrix['labels'][number]));
    for (let s = 0; s < input.steps; s++) if (input.has(i, s)) out.set(row, s, -input.get(i, s));
  }
  // Unlike most operations, Prometheus checks this over the whole range, not step by step.
  if (!shareMetricName(input.labels)) assertUniqueLabels(out.labels);
  return vectorValue(out);
}
