/** A reusable, growable pair of columns holding the samples of one window; no object per sample. */
export class SampleBuffer {
  t: Float64Array;
  v: Float64Array;
  length = 0;

  constructor(capacity = 64) {
    this.t = new Float64Array(capacity);
    this.v = new Float64Array(capacity);
  }

  clear(): void {
    this.length = 0;
  }

  push(t: number, v: number): void {
    if (this.length === this.t.length) this.grow();
    this.t[this.length] = t;
    this.v[this.length] = v;
    this.length++;
  }

  private grow(): void {
    const t = new Float64Array(this.t.length * 2);
    const v = new Float64Array(this.v.length * 2);
    t.set(this.t);
    v.set(this.v);
    this.t = t;
    this.v = v;
  }
}

/** Anything the range functions can read windows of samples from: a stored series or a subquery result. */
export interface SampleSource {
  /** Appends the non-stale samples with mint <= t <= maxt to `out` (which is not cleared). */
  copyWindow(mint: number, maxt: number, out: SampleBuffer): void;
}

/** Result slot for point lookups, reused to avoid allocating. */
export interface SamplePoint {
  t: number;
  v: number;
}
