import { labelsKey, type Labels } from '../labels';
import { DUPLICATE_LABELSET, ExecutionError } from './errors';

/**
 * The value of an instant-vector expression at every evaluation step: one row per series,
 * stored column-wise in typed arrays (`values[i * steps + s]`), with a presence flag because a
 * series can be absent at some steps. An instant query is the one-step case.
 */
export class SeriesMatrix {
  readonly steps: number;
  labels: Labels[] = [];
  values: Float64Array;
  present: Uint8Array;
  private keys: Map<string, number> | null = null;

  constructor(steps: number, capacity = 16) {
    this.steps = steps;
    this.values = new Float64Array(Math.max(1, capacity) * steps);
    this.present = new Uint8Array(Math.max(1, capacity) * steps);
  }

  get length(): number {
    return this.labels.length;
  }

  /** Adds a series whose label set the caller knows to be new. */
  addSeries(labels: Labels): number {
    const i = this.labels.length;
    if ((i + 1) * this.steps > this.values.length) this.grow(i + 1);
    this.labels.push(labels);
    if (this.keys !== null) this.keys.set(labelsKey(labels), i);
    return i;
  }

  /** The row for a label set, adding it if absent (rows of equal labels merge). */
  seriesFor(labels: Labels): number {
    if (this.keys === null) {
      this.keys = new Map();
      this.labels.forEach((l, i) => (this.keys as Map<string, number>).set(labelsKey(l), i));
    }
    const existing = this.keys.get(labelsKey(labels));
    return existing ?? this.addSeries(labels);
  }

  set(i: number, s: number, value: number): void {
    const k = i * this.steps + s;
    this.values[k] = value;
    this.present[k] = 1;
  }

  /** Like set, but two samples with the same labels at one step are an error, as in Prometheus. */
  setUnique(i: number, s: number, value: number): void {
    const k = i * this.steps + s;
    if (this.present[k] === 1) throw new ExecutionError(DUPLICATE_LABELSET);
    this.values[k] = value;
    this.present[k] = 1;
  }

  has(i: number, s: number): boolean {
    return this.present[i * this.steps + s] === 1;
  }

  get(i: number, s: number): number {
    return this.values[i * this.steps + s] as number;
  }

  hasAny(i: number): boolean {
    const base = i * this.steps;
    for (let s = 0; s < this.steps; s++) if (this.present[base + s] === 1) return true;
    return false;
  }

  /** Drops rows with no sample at any step (Prometheus never returns empty series). */
  compact(): SeriesMatrix {
    let w = 0;
    for (let r = 0; r < this.labels.length; r++) {
      if (!this.hasAny(r)) continue;
      if (w !== r) {
        this.labels[w] = this.labels[r] as Labels;
        this.values.copyWithin(w * this.steps, r * this.steps, (r + 1) * this.steps);
        this.present.copyWithin(w * this.steps, r * this.steps, (r + 1) * this.steps);
      }
      w++;
    }
    if (w !== this.labels.length) {
      this.labels.length = w;
      this.keys = null;
    }
    return this;
  }

  /** Reorders rows (used by sort() and sort_desc() in instant queries). */
  permute(order: readonly number[]): void {
    const labels = order.map((i) => this.labels[i] as Labels);
    const values = new Float64Array(this.values.length);
    const present = new Uint8Array(this.present.length);
    order.forEach((from, to) => {
      values.set(this.values.subarray(from * this.steps, (from + 1) * this.steps), to * this.steps);
      present.set(this.present.subarray(from * this.steps, (from + 1) * this.steps), to * this.steps);
    });
    this.labels = labels;
    this.values = values;
    this.present = present;
    this.keys = null;
  }

  private grow(rows: number): void {
    const capacity = Math.max(rows, (this.values.length / this.steps) * 2) * this.steps;
    const values = new Float64Array(capacity);
    const present = new Uint8Array(capacity);
    values.set(this.values);
    present.set(this.present);
    this.values = values;
    this.present = present;
  }
}

/** The evaluation steps of a query: `start + i * interval` for i < count. */
export interface StepGrid {
  readonly startMs: number;
  readonly endMs: number;
  readonly intervalMs: number;
  readonly count: number;
}

export function makeGrid(startMs: number, endMs: number, intervalMs: number): StepGrid {
  const count = endMs < startMs ? 0 : Math.floor((endMs - startMs) / intervalMs) + 1;
  return { startMs, endMs, intervalMs, count };
}

export function stepTime(grid: StepGrid, s: number): number {
  return grid.startMs + s * grid.intervalMs;
}

/** A range vector materialised as raw samples (top-level `x[5m]`, or a subquery's points). */
export interface RangeSeries {
  labels: Labels;
  t: Float64Array;
  v: Float64Array;
}
