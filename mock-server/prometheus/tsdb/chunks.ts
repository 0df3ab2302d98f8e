import { allocSlot, releaseSlot, slabAt } from './slab';

/**
 * Every chunk of a Tsdb: runs of up to CHUNK_CAPACITY samples of one series, in time order, each
 * addressed by a small integer id and described by a row of typed-array columns rather than an
 * object, since a large mesh has hundreds of thousands of them.
 *
 * Memory matters at scale (hundreds of thousands of series × hundreds of samples), so:
 * - timestamps that fall on a regular grid (the usual scrape pattern) are not stored at all:
 *   `first + i * step`; only an irregular chunk keeps Int32 offsets from its first timestamp;
 * - values that are a whole number away from the chunk's first value (counters of requests,
 *   bytes, buckets) are stored as that difference in 8, 16 or 32 bits, widening as needed; any
 *   other value moves the chunk to 64-bit floats. A value is only ever stored in a form that
 *   gives back exactly the same double;
 * - staleness markers are kept as a short index list rather than a NaN bit pattern, which
 *   typed-array round trips do not preserve reliably.
 */
export const CHUNK_CAPACITY = 128;
const MAX_OFFSET = 0x7fffffff;
export const NO_CHUNK = -1;

/** Value encodings, numbered by log2 of their width in bytes. */
const I8 = 0;
const I16 = 1;
const I32 = 2;
const F64 = 3;
const LIMITS = [0x7f, 0x7fff, 0x7fffffff];

export class ChunkTable {
  private firstTs = new Float64Array(1024);
  private steps = new Float64Array(1024);
  /** The value that integer encodings are differences from (the chunk's first non-stale value). */
  private bases = new Float64Array(1024);
  private lengths = new Uint16Array(1024);
  private encodings = new Uint8Array(1024);
  private slabs = new Int32Array(1024);
  /** Byte offset of the chunk's values in its slab. */
  private offsets = new Int32Array(1024);
  private nexts = new Int32Array(1024);
  private readonly irregularTimes = new Map<number, Int32Array>();
  private readonly staleIndexes = new Map<number, number[]>();
  private readonly freeIds: number[] = [];
  private used = 0;

  /**
   * A new, empty chunk starting at `firstT`. Full size from the start: growing a small first chunk
   * would leave its slot unused in a pool no later chunk asks for.
   */
  create(firstT: number): number {
    const id = this.freeIds.pop() ?? this.nextId();
    const slot = allocSlot(CHUNK_CAPACITY);
    this.firstTs[id] = firstT;
    this.steps[id] = 0;
    this.bases[id] = Number.NaN;
    this.lengths[id] = 0;
    this.encodings[id] = I8;
    this.slabs[id] = slot.slab;
    this.offsets[id] = slot.byteOffset;
    this.nexts[id] = NO_CHUNK;
    return id;
  }

  /** Returns the chunk's storage; its id may be handed out again. */
  release(id: number): void {
    releaseSlot(CHUNK_CAPACITY << (this.encodings[id] as number), { slab: this.slabs[id] as number, byteOffset: this.offsets[id] as number });
    this.irregularTimes.delete(id);
    this.staleIndexes.delete(id);
    this.freeIds.push(id);
  }

  firstT(id: number): number {
    return this.firstTs[id] as number;
  }

  length(id: number): number {
    return this.lengths[id] as number;
  }

  next(id: number): number {
    return this.nexts[id] as number;
  }

  setNext(id: number, next: number): void {
    this.nexts[id] = next;
  }

  lastT(id: number): number {
    const length = this.lengths[id] as number;
    return length === 0 ? (this.firstTs[id] as number) : this.timeAt(id, length - 1);
  }

  /** Whether a sample at `t` (> lastT) fits in the chunk. */
  accepts(id: number, t: number): boolean {
    return (this.lengths[id] as number) < CHUNK_CAPACITY && t - (this.firstTs[id] as number) <= MAX_OFFSET;
  }

  append(id: number, t: number, value: number, isStale: boolean): void {
    const i = this.lengths[id] as number;
    this.placeTime(id, i, t);
    if (isStale) {
      let stale = this.staleIndexes.get(id);
      if (stale === undefined) this.staleIndexes.set(id, (stale = []));
      stale.push(i);
      this.store(id, i, this.encodings[id] === F64 ? Number.NaN : 0);
    } else {
      if (Number.isNaN(this.bases[id] as number) && this.encodings[id] !== F64) this.bases[id] = value;
      const wanted = this.encodingFor(id, value);
      if (wanted > (this.encodings[id] as number)) this.reencode(id, wanted);
      this.store(id, i, this.encodings[id] === F64 ? value : value - (this.bases[id] as number));
    }
    this.lengths[id] = i + 1;
  }

  timeAt(id: number, i: number): number {
    const times = this.irregularTimes.get(id);
    const firstT = this.firstTs[id] as number;
    return times === undefined ? firstT + i * (this.steps[id] as number) : firstT + (times[i] as number);
  }

  valueAt(id: number, i: number): number {
    const slab = slabAt(this.slabs[id] as number);
    const encoding = this.encodings[id] as number;
    const at = ((this.offsets[id] as number) >> encoding) + i;
    switch (encoding) {
      case I8:
        return (this.bases[id] as number) + (slab.i8[at] as number);
      case I16:
        return (this.bases[id] as number) + (slab.i16[at] as number);
      case I32:
        return (this.bases[id] as number) + (slab.i32[at] as number);
      default:
        return slab.f64[at] as number;
    }
  }

  isStale(id: number, i: number): boolean {
    return this.staleIndexes.get(id)?.includes(i) ?? false;
  }

  /** Index of the last sample with time <= t, or -1. */
  indexAtOrBefore(id: number, t: number): number {
    const firstT = this.firstTs[id] as number;
    if (t < firstT) return -1;
    const length = this.lengths[id] as number;
    if (t >= this.lastT(id)) return length - 1;
    const times = this.irregularTimes.get(id);
    if (times === undefined) return Math.floor((t - firstT) / (this.steps[id] as number));
    let lo = 0;
    let hi = length - 1;
    const offset = t - firstT;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((times[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Index of the first sample with time >= t, or the chunk's length. */
  indexAtOrAfter(id: number, t: number): number {
    if (t <= (this.firstTs[id] as number)) return 0;
    const before = this.indexAtOrBefore(id, t);
    return before >= 0 && this.timeAt(id, before) === t ? before : before + 1;
  }

  byteSize(id: number): number {
    return (CHUNK_CAPACITY << (this.encodings[id] as number)) + (this.irregularTimes.has(id) ? CHUNK_CAPACITY * 4 : 0);
  }

  /** The narrowest encoding, no narrower than the current one, that holds `value` exactly. */
  private encodingFor(id: number, value: number): number {
    const encoding = this.encodings[id] as number;
    if (encoding === F64) return F64;
    const base = this.bases[id] as number;
    const diff = value - base;
    if (!Number.isInteger(diff) || !Object.is(base + diff, value)) return F64;
    const magnitude = Math.abs(diff);
    for (let e = encoding; e < F64; e++) if (magnitude <= (LIMITS[e] as number)) return e;
    return F64;
  }

  private store(id: number, i: number, stored: number): void {
    const slab = slabAt(this.slabs[id] as number);
    const encoding = this.encodings[id] as number;
    const at = ((this.offsets[id] as number) >> encoding) + i;
    switch (encoding) {
      case I8:
        slab.i8[at] = stored;
        break;
      case I16:
        slab.i16[at] = stored;
        break;
      case I32:
        slab.i32[at] = stored;
        break;
      default:
        slab.f64[at] = stored;
    }
  }

  /** Moves the stored values to a wider encoding. */
  private reencode(id: number, encoding: number): void {
    const length = this.lengths[id] as number;
    const decoded = new Float64Array(length);
    for (let k = 0; k < length; k++) decoded[k] = this.valueAt(id, k);
    releaseSlot(CHUNK_CAPACITY << (this.encodings[id] as number), { slab: this.slabs[id] as number, byteOffset: this.offsets[id] as number });
    const slot = allocSlot(CHUNK_CAPACITY << encoding);
    this.slabs[id] = slot.slab;
    this.offsets[id] = slot.byteOffset;
    this.encodings[id] = encoding;
    const stale = this.staleIndexes.get(id);
    const base = this.bases[id] as number;
    for (let k = 0; k < length; k++) {
      const value = decoded[k] as number;
      if (stale?.includes(k)) this.store(id, k, encoding === F64 ? Number.NaN : 0);
      else this.store(id, k, encoding === F64 ? value : value - base);
    }
  }

  private placeTime(id: number, i: number, t: number): void {
    const firstT = this.firstTs[id] as number;
    const times = this.irregularTimes.get(id);
    if (times !== undefined) {
      times[i] = t - firstT;
      return;
    }
    if (i === 1) {
      this.steps[id] = t - firstT;
      return;
    }
    const step = this.steps[id] as number;
    if (i === 0 || firstT + i * step === t) return;
    const offsets = new Int32Array(CHUNK_CAPACITY);
    for (let k = 0; k < i; k++) offsets[k] = k * step;
    offsets[i] = t - firstT;
    this.irregularTimes.set(id, offsets);
  }

  private nextId(): number {
    if (this.used === this.firstTs.length) this.grow();
    return this.used++;
  }

  private grow(): void {
    const size = this.firstTs.length + (this.firstTs.length >> 1);
    const grown = <T extends Float64Array | Uint16Array | Uint8Array | Int32Array>(column: T, make: (n: number) => T): T => {
      const out = make(size);
      out.set(column);
      return out;
    };
    this.firstTs = grown(this.firstTs, (n) => new Float64Array(n));
    this.steps = grown(this.steps, (n) => new Float64Array(n));
    this.bases = grown(this.bases, (n) => new Float64Array(n));
    this.lengths = grown(this.lengths, (n) => new Uint16Array(n));
    this.encodings = grown(this.encodings, (n) => new Uint8Array(n));
    this.slabs = grown(this.slabs, (n) => new Int32Array(n));
    this.offsets = grown(this.offsets, (n) => new Int32Array(n));
    this.nexts = grown(this.nexts, (n) => new Int32Array(n));
  }
}
