import type { Tsdb } from '../tsdb/tsdb';
import type { AtModifier, Expr } from './ast';
import { TimeoutError } from './errors';
import type { RangeSeries, SeriesMatrix, StepGrid } from './matrix';

export type Value =
  | { type: 'scalar'; values: Float64Array }
  | { type: 'string'; value: string }
  | { type: 'vector'; matrix: SeriesMatrix }
  | { type: 'matrix'; series: RangeSeries[] };

export type Evaluate = (expr: Expr, ctx: EvalContext) => Value;

export interface EvalContext {
  readonly db: Tsdb;
  readonly grid: StepGrid;
  /** The query's own start and end, which `@ start()` and `@ end()` refer to (also in subqueries). */
  readonly queryStartMs: number;
  readonly queryEndMs: number;
  readonly lookbackMs: number;
  readonly subqueryStepMs: number;
  /** Wall-clock time (Date.now()) after which evaluation aborts. */
  readonly deadline: number;
}

export function checkDeadline(ctx: EvalContext): void {
  if (Date.now() > ctx.deadline) throw new TimeoutError();
}

export function resolveAt(at: AtModifier | null, ctx: EvalContext): number | null {
  if (at === null) return null;
  if (at.kind === 'start') return ctx.queryStartMs;
  if (at.kind === 'end') return ctx.queryEndMs;
  return at.ms;
}

export function scalarValue(values: Float64Array): Value {
  return { type: 'scalar', values };
}

export function vectorValue(matrix: SeriesMatrix): Value {
  return { type: 'vector', matrix };
}

export function expectVector(value: Value): SeriesMatrix {
  if (value.type !== 'vector') throw new Error(`internal: expected an instant vector, got ${value.type}`);
  return value.matrix;
}

export function expectScalar(value: Value): Float64Array {
  if (value.type !== 'scalar') throw new Error(`internal: expected a scalar, got ${value.type}`);
  return value.values;
}

export function expectString(value: Value): string {
  if (value.type !== 'string') throw new Error(`internal: expected a string, got ${value.type}`);
  return value.value;
}
