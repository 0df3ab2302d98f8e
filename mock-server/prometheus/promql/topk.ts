import { ExecutionError } from './errors';
import { assignGroups, type Grouping } from './grouping';
import { SeriesMatrix } from './matrix';

/**
 * A port of Go's container/heap over (row, value) pairs, so that topk()/bottomk() pick the same
 * series as Prometheus when values tie. `less` is Prometheus' vectorByValueHeap ordering (NaN
 * first, then ascending) for topk, and its reverse-value ordering for bottomk.
 */
class SampleHeap {
  rows: number[] = [];
  values: number[] = [];
  private readonly less: (a: number, b: number) => boolean;

  constructor(less: (a: number, b: number) => boolean) {
    this.less = less;
  }

  get length(): number {
    return this.rows.length;
  }

  reset(row: number, value: number): void {
    this.rows = [row];
    this.values = [value];
  }

  push(row: number, value: number): void {
    this.rows.push(row);
    this.values.push(value);
    this.up(this.rows.length - 1);
  }

  pop(): void {
    const n = this.rows.length - 1;
    this.swap(0, n);
    this.down(0, n);
    this.rows.pop();
    this.values.pop();
  }

  private lessAt(i: number, j: number): boolean {
    return this.less(this.values[i] as number, this.values[j] as number);
  }

  private swap(i: number, j: number): void {
    [this.rows[i], this.rows[j]] = [this.rows[j] as number, this.rows[i] as number];
    [this.values[i], this.values[j]] = [this.values[j] as number, this.values[i] as number];
  }

  private up(j: number): void {
    for (;;) {
      const i = Math.trunc((j - 1) / 2);
      if (i === j || !this.lessAt(j, i)) break;
      this.swap(i, j);
      j = i;
    }
  }

  private down(i: number, n: number): void {
    for (;;) {
      const j1 = 2 * i + 1;
      if (j1 >= n) break;
      let j = j1;
      const j2 = j1 + 1;
      if (j2 < n && this.lessAt(j2, j1)) j = j2;
      if (!this.lessAt(j, i)) break;
      this.swap(i, j);
      i = j;
    }
  }
}

const topLess = (a: number, b: number): boolean => Number.isNaN(a) || a < b;
const bottomLess = (a: number, b: number): boolean => Number.isNaN(a) || a > b;

export function evalTopBottomK(op: 'topk' | 'bottomk', input: SeriesMatrix, grouping: Grouping, kParam: Float64Array): SeriesMatrix {
  const { steps } = input;
  const { groupOf, groupLabels } = assignGroups(input.labels, grouping);
  const less = op === 'topk' ? topLess : bottomLess;
  const heaps = groupLabels.map(() => new SampleHeap(less));
  const out = new SeriesMatrix(steps);
  const outRow = new Int32Array(input.length).fill(-1);
  for (let s = 0; s < steps; s++) {
    const kValue = kParam[s] as number;
    if (!(kValue <= 2 ** 63 && kValue >= -(2 ** 63))) {
      throw new ExecutionError(`Scalar value ${formatGoScalar(kValue)} overflows int64`);
    }
    const k = Math.trunc(kValue);
    if (k < 1) continue;
    const seen = new Uint8Array(groupLabels.length);
    const order: number[] = [];
    for (let i = 0; i < input.length; i++) {
      if (!input.has(i, s)) continue;
      const g = groupOf[i] as number;
      const heap = heaps[g] as SampleHeap;
      const v = input.get(i, s);
      if (seen[g] === 0) {
        seen[g] = 1;
        order.push(g);
        heap.reset(i, v);
        continue;
      }
      const top = heap.values[0] as number;
      if (heap.length < k || less(top, v) || Number.isNaN(top)) {
        if (heap.length === k) {
          if (k === 1) {
            heap.reset(i, v);
            continue;
          }
          heap.pop();
        }
        heap.push(i, v);
      }
    }
    for (const g of order) {
      const heap = heaps[g] as SampleHeap;
      // Prometheus lists each group's picks best first.
      const picks = heap.rows.map((row, idx) => ({ row, value: heap.values[idx] as number }));
      picks.sort((a, b) => (less(b.value, a.value) ? -1 : less(a.value, b.value) ? 1 : 0));
      for (const { row, value } of picks) {
        if (outRow[row] === -1) outRow[row] = out.addSeries(input.labels[row] as (typeof input.labels)[number]);
        out.set(outRow[row] as number, s, value);
      }
    }
  }
  return out;
}

function formatGoScalar(v: number): string {
  return Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : String(v);
}
