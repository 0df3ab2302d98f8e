import type { Labels } from '../labels';
import type { SampleBuffer, SampleSource } from '../tsdb/samples';
import type { Subquery } from './ast';
import { expectVector, resolveAt, type EvalContext, type Evaluate } from './context';
import { makeGrid, stepTime } from './matrix';
import type { RangeArgument } from './selectors';

/** Samples held in arrays (a subquery's points), readable like a stored series. */
class ArraySource implements SampleSource {
  private readonly t: Float64Array;
  private readonly v: Float64Array;

  constructor(t: Float64Array, v: Float64Array) {
    this.t = t;
    this.v = v;
  }

  copyWindow(mint: number, maxt: number, out: SampleBuffer): void {
    let lo = 0;
    let hi = this.t.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.t[mid] as number) < mint) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.t.length && (this.t[i] as number) <= maxt; i++) out.push(this.t[i] as number, this.v[i] as number);
  }
}

/**
 * Evaluates a subquery's inner expression on its own step grid — aligned to multiples of the
 * step, starting at the first aligned time inside the earliest window — as Prometheus does.
 */
export function subqueryArgument(sq: Subquery, ctx: EvalContext, evaluate: Evaluate): RangeArgument {
  const at = resolveAt(sq.at, ctx);
  const interval = sq.stepMs ?? ctx.subqueryStepMs;
  const outerStart = at ?? ctx.grid.startMs;
  const outerEnd = at ?? ctx.grid.endMs;
  const earliest = outerStart - sq.offsetMs - sq.rangeMs;
  let start = interval * Math.trunc(earliest / interval);
  if (start < earliest) start += interval;
  const grid = makeGrid(start, outerEnd - sq.offsetMs, interval);
  const inner = expectVector(evaluate(sq.expr, { ...ctx, grid }));
  const inputs: { labels: Labels; source: SampleSource }[] = [];
  for (let i = 0; i < inner.length; i++) {
    const t: number[] = [];
    const v: number[] = [];
    for (let s = 0; s < grid.count; s++) {
      if (!inner.has(i, s)) continue;
      t.push(stepTime(grid, s));
      v.push(inner.get(i, s));
    }
    if (t.length > 0) inputs.push({ labels: inner.labels[i] as Labels, source: new ArraySource(Float64Array.from(t), Float64Array.from(v)) });
  }
  return { inputs, rangeMs: sq.rangeMs, offsetMs: sq.offsetMs, at };
}
