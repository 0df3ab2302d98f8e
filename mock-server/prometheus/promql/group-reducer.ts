import type { Labels } from '../labels';
import { SeriesMatrix } from './matrix';
import { isInfinite } from './numeric';

export type ReducingOp = 'sum' | 'avg' | 'min' | 'max' | 'count' | 'group' | 'stddev' | 'stdvar';

export const REDUCING_OPS: ReadonlySet<string> = new Set<ReducingOp>(['sum', 'avg', 'min', 'max', 'count', 'group', 'stddev', 'stdvar']);

/**
 * Accumulates the reducing aggregations group by group and step by step, with Prometheus 2.x's
 * arithmetic: plain summation, the incremental mean for avg(), Welford's method for
 * stddev()/stdvar(). Values must arrive in input-series order for results to match Prometheus.
 */
export class GroupReducer {
  private readonly op: ReducingOp;
  private readonly out: SeriesMatrix;
  private count: Float64Array;
  private mean: Float64Array | null;

  constructor(op: ReducingOp, steps: number, capacity = 16) {
    this.op = op;
    this.out = new SeriesMatrix(steps, capacity);
    this.count = new Float64Array(Math.max(1, capacity) * steps);
    this.mean = op === 'avg' || op === 'stddev' || op === 'stdvar' ? new Float64Array(this.count.length) : null;
  }

  /** Adds a group with the given result labels; returns its index. */
  addGroup(labels: Labels): number {
    const g = this.out.addSeries(labels);
    const needed = (g + 1) * this.out.steps;
    if (needed > this.count.length) {
      this.count = grown(this.count, needed);
      if (this.mean !== null) this.mean = grown(this.mean, needed);
    }
    return g;
  }

  add(g: number, s: number, v: number): void {
    const { op } = this;
    const value = this.out.values;
    const k = g * this.out.steps + s;
    const n = (this.count[k] as number) + 1;
    this.count[k] = n;
    if (n === 1) {
      this.out.present[k] = 1;
      value[k] = op === 'group' ? 1 : op === 'stddev' || op === 'stdvar' ? 0 : v;
      if (this.mean !== null) this.mean[k] = v;
      return;
    }
    const current = value[k] as number;
    switch (op) {
      case 'sum':
        value[k] = current + v;
        break;
      case 'avg':
        (this.mean as Float64Array)[k] = nextMean(this.mean as Float64Array, k, v, n);
        break;
      case 'max':
        if (current < v || Number.isNaN(current)) value[k] = v;
        break;
      case 'min':
        if (current > v || Number.isNaN(current)) value[k] = v;
        break;
      case 'stddev':
      case 'stdvar': {
        const m = this.mean as Float64Array;
        const delta = v - (m[k] as number);
        m[k] = (m[k] as number) + delta / n;
        value[k] = current + delta * (v - (m[k] as number));
        break;
      }
      default:
        break;
    }
  }

  /** The finished aggregate; groups without any value are dropped. */
  result(): SeriesMatrix {
    const { op, out } = this;
    const value = out.values;
    const end = out.length * out.steps;
    for (let k = 0; k < end; k++) {
      if (out.present[k] !== 1) continue;
      const n = this.count[k] as number;
      if (op === 'avg') value[k] = (this.mean as Float64Array)[k] as number;
      else if (op === 'count') value[k] = n;
      else if (op === 'stdvar') value[k] = (value[k] as number) / n;
      else if (op === 'stddev') value[k] = Math.sqrt((value[k] as number) / n);
    }
    return out.compact();
  }
}

function grown(array: Float64Array, needed: number): Float64Array {
  const out = new Float64Array(Math.max(needed, array.length * 2));
  out.set(array);
  return out;
}

/** Prometheus 2.x avg(): an incremental mean that keeps an infinite mean stable. */
function nextMean(mean: Float64Array, k: number, v: number, n: number): number {
  const m = mean[k] as number;
  if (isInfinite(m)) {
    if (isInfinite(v) && m > 0 === v > 0) return m;
    if (Number.isFinite(v)) return m;
  }
  return m + v / n - m / n;
}
