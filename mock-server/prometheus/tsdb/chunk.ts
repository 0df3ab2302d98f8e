import { allocFloat32, allocFloat64, allocInt32, release } from './slab';

/**
 * A run of up to CHUNK_CAPACITY samples of one series, in time order.
 *
 * Memory matters at scale (hundreds of thousands of series × hundreds of samples), so:
 * - timestamps that fall on a regular grid (the usual scrape pattern) are not stored at all:
 *   `first + i * step`; only an irregular chunk keeps Int32 offsets from its first timestamp;
 * - values start in a Float32Array and move to a Float64Array only when a value is not exactly
 *   representable in 32 bits (integer counters below 2^24 always are);
 * - staleness markers are kept as a short index list rather than a NaN bit pattern, which
 *   typed-array round trips do not preserve reliably.
 */
export const CHUNK_CAPACITY = 128;
/** A series' first chunk starts small so that short-lived series stay cheap. */
const INITIAL_CAPACITY = 16;
const MAX_OFFSET = 0x7fffffff;

export class Chunk {
  readonly firstT: number;
  lastT: number;
  length = 0;
  private step = 0;
  private offsets: Int32Array | null = null;
  private values: Float32Array | Float64Array;
  private stale: number[] | null = null;

  constructor(firstT: number, capacity = INITIAL_CAPACITY) {
    this.firstT = firstT;
    this.lastT = firstT;
    this.values = allocFloat32(capacity);
  }

  /** Returns the storage to the shared pool; the chunk must not be used afterwards. */
  release(): void {
    release(this.values);
    if (this.offsets !== null) release(this.offsets);
  }

  /** Whether a sample at `t` (> lastT) fits in this chunk. */
  accepts(t: number): boolean {
    return this.length < CHUNK_CAPACITY && t - this.firstT <= MAX_OFFSET;
  }

  append(t: number, value: number, isStale: boolean): void {
    const i = this.length;
    if (i === this.values.length) this.grow();
    this.placeTime(i, t);
    if (this.values instanceof Float32Array && Math.fround(value) !== value && !Number.isNaN(value)) {
      const wide = allocFloat64(this.values.length);
      wide.set(this.values);
      release(this.values);
      this.values = wide;
    }
    this.values[i] = value;
    if (isStale) (this.stale ??= []).push(i);
    this.lastT = t;
    this.length = i + 1;
  }

  timeAt(i: number): number {
    return this.offsets === null ? this.firstT + i * this.step : this.firstT + (this.offsets[i] as number);
  }

  valueAt(i: number): number {
    return this.values[i] as number;
  }

  isStale(i: number): boolean {
    return this.stale !== null && this.stale.includes(i);
  }

  /** Index of the last sample with time <= t, or -1. */
  indexAtOrBefore(t: number): number {
    if (t < this.firstT) return -1;
    if (t >= this.lastT) return this.length - 1;
    if (this.offsets === null) return Math.floor((t - this.firstT) / this.step);
    let lo = 0;
    let hi = this.length - 1;
    const offset = t - this.firstT;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.offsets[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Index of the first sample with time >= t, or `length`. */
  indexAtOrAfter(t: number): number {
    if (t <= this.firstT) return 0;
    const before = this.indexAtOrBefore(t);
    return before >= 0 && this.timeAt(before) === t ? before : before + 1;
  }

  byteSize(): number {
    return this.values.byteLength + (this.offsets?.byteLength ?? 0);
  }

  private placeTime(i: number, t: number): void {
    if (this.offsets !== null) {
      this.offsets[i] = t - this.firstT;
      return;
    }
    if (i === 1) {
      this.step = t - this.firstT;
      return;
    }
    if (i === 0 || this.firstT + i * this.step === t) return;
    const offsets = allocInt32(this.values.length);
    for (let k = 0; k < i; k++) offsets[k] = k * this.step;
    offsets[i] = t - this.firstT;
    this.offsets = offsets;
  }

  private grow(): void {
    const values = this.values instanceof Float32Array ? allocFloat32(CHUNK_CAPACITY) : allocFloat64(CHUNK_CAPACITY);
    values.set(this.values);
    release(this.values);
    this.values = values;
    if (this.offsets !== null) {
      const offsets = allocInt32(CHUNK_CAPACITY);
      offsets.set(this.offsets);
      release(this.offsets);
      this.offsets = offsets;
    }
  }
}
