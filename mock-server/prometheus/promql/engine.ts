import { compareLabels, type Labels } from '../labels';
import type { Tsdb } from '../tsdb/tsdb';
import { DOCUMENTED_TYPE, type Expr } from './ast';
import { typeOf } from './check';
import type { EvalContext, Value } from './context';
import { ParseError } from './errors';
import { evaluate } from './evaluator';
import { makeGrid, stepTime, type RangeSeries, type SeriesMatrix, type StepGrid } from './matrix';
import { parseQuery } from './parse';

export interface EngineOptions {
  /** How far back an instant selector looks for a sample. Default 5 minutes. */
  lookbackMs?: number;
  /** Evaluation time limit. Default 2 minutes. */
  timeoutMs?: number;
  /** Resolution of subqueries without an explicit step (Prometheus' evaluation_interval). Default 1 minute. */
  subqueryStepMs?: number;
}

export interface InstantSample {
  labels: Labels;
  value: number;
}

export type QueryResult =
  | { resultType: 'vector'; timeMs: number; samples: InstantSample[] }
  | { resultType: 'matrix'; series: RangeSeries[] }
  | { resultType: 'scalar'; timeMs: number; value: number }
  | { resultType: 'string'; timeMs: number; value: string };

export const DEFAULT_LOOKBACK_MS = 5 * 60_000;
export const DEFAULT_TIMEOUT_MS = 2 * 60_000;
export const DEFAULT_SUBQUERY_STEP_MS = 60_000;

function context(db: Tsdb, grid: StepGrid, options: EngineOptions): EvalContext {
  return {
    db,
    grid,
    queryStartMs: grid.startMs,
    queryEndMs: grid.endMs,
    lookbackMs: options.lookbackMs ?? DEFAULT_LOOKBACK_MS,
    subqueryStepMs: options.subqueryStepMs ?? DEFAULT_SUBQUERY_STEP_MS,
    deadline: Date.now() + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
  };
}

/** Evaluates `query` at one instant, as GET /api/v1/query does. */
export function instantQuery(db: Tsdb, query: string | Expr, timeMs: number, options: EngineOptions = {}): QueryResult {
  const expr = typeof query === 'string' ? parseQuery(query) : query;
  const value = evaluate(expr, context(db, makeGrid(timeMs, timeMs, 1), options));
  switch (value.type) {
    case 'scalar':
      return { resultType: 'scalar', timeMs, value: value.values[0] as number };
    case 'string':
      return { resultType: 'string', timeMs, value: value.value };
    case 'matrix':
      return { resultType: 'matrix', series: value.series };
    case 'vector': {
      const m = value.matrix;
      const samples: InstantSample[] = [];
      for (let i = 0; i < m.length; i++) if (m.has(i, 0)) samples.push({ labels: m.labels[i] as Labels, value: m.get(i, 0) });
      return { resultType: 'vector', timeMs, samples };
    }
  }
}

/** Evaluates `query` at start, start + step, ... <= end, as GET /api/v1/query_range does. */
export function rangeQuery(
  db: Tsdb,
  query: string | Expr,
  startMs: number,
  endMs: number,
  stepMs: number,
  options: EngineOptions = {},
): QueryResult {
  const expr = typeof query === 'string' ? parseQuery(query) : query;
  assertRangeQueryType(expr);
  const grid = makeGrid(startMs, endMs, stepMs);
  return { resultType: 'matrix', series: toRangeSeries(evaluate(expr, context(db, grid, options)), grid) };
}

/** Only scalars and instant vectors can be evaluated over a range. */
export function assertRangeQueryType(expr: Expr): void {
  const type = typeOf(expr);
  if (type !== 'scalar' && type !== 'vector') {
    throw new ParseError(`invalid expression type "${DOCUMENTED_TYPE[type]}" for range query, must be Scalar or instant Vector`);
  }
}

function toRangeSeries(value: Value, grid: StepGrid): RangeSeries[] {
  if (value.type === 'scalar') {
    const t = Float64Array.from({ length: grid.count }, (_, s) => stepTime(grid, s));
    return [{ labels: [], t, v: Float64Array.from(value.values) }];
  }
  if (value.type !== 'vector') return [];
  const out = matrixRows(value.matrix, grid);
  return out.sort((a, b) => compareLabels(a.labels, b.labels));
}

function matrixRows(m: SeriesMatrix, grid: StepGrid): RangeSeries[] {
  const out: RangeSeries[] = [];
  for (let i = 0; i < m.length; i++) {
    const t: number[] = [];
    const v: number[] = [];
    for (let s = 0; s < grid.count; s++) {
      if (!m.has(i, s)) continue;
      t.push(stepTime(grid, s));
      v.push(m.get(i, s));
    }
    if (t.length > 0) out.push({ labels: m.labels[i] as Labels, t: Float64Array.from(t), v: Float64Array.from(v) });
  }
  return out;
}
