import type { Labels } from '../labels';
import { Chunk, CHUNK_CAPACITY } from './chunk';
import type { SampleBuffer, SamplePoint, SampleSource } from './samples';

/** A handle the simulator keeps to append to one series without looking it up each time. */
export interface SeriesRef {
  readonly labels: Labels;
  /** Appends a sample; returns false (and stores nothing) when `tMs` is not after the last sample. */
  append(tMs: number, value: number): boolean;
  /** Appends a staleness marker: from `tMs` on the series is absent until its next sample. */
  markStale(tMs: number): boolean;
}

/** Callbacks into the database that owns the series. */
export interface SeriesOwner {
  onAppend(series: MemSeries, tMs: number): void;
}

export class MemSeries implements SeriesRef, SampleSource {
  id: number;
  removed = false;
  readonly labels: Labels;
  readonly hash: number;
  chunks: Chunk[] = [];
  private readonly owner: SeriesOwner;

  constructor(owner: SeriesOwner, id: number, labels: Labels, hash: number) {
    this.owner = owner;
    this.id = id;
    this.labels = labels;
    this.hash = hash;
  }

  get minT(): number {
    return this.chunks.length === 0 ? Infinity : (this.chunks[0] as Chunk).firstT;
  }

  get maxT(): number {
    return this.chunks.length === 0 ? -Infinity : (this.chunks[this.chunks.length - 1] as Chunk).lastT;
  }

  overlaps(mint: number, maxt: number): boolean {
    return this.chunks.length > 0 && this.minT <= maxt && this.maxT >= mint;
  }

  append(tMs: number, value: number): boolean {
    return this.add(tMs, value, false);
  }

  markStale(tMs: number): boolean {
    return this.add(tMs, NaN, true);
  }

  sampleCount(): number {
    let n = 0;
    for (const chunk of this.chunks) n += chunk.length;
    return n;
  }

  /**
   * The latest sample at or before `refTime`, if it is not older than `minT` and is not a
   * staleness marker.
   */
  sampleAtOrBefore(refTime: number, minT: number, out: SamplePoint): boolean {
    const c = this.chunkIndexAtOrBefore(refTime);
    if (c < 0) return false;
    const chunk = this.chunks[c] as Chunk;
    const i = chunk.indexAtOrBefore(refTime);
    const t = chunk.timeAt(i);
    if (t < minT || chunk.isStale(i)) return false;
    out.t = t;
    out.v = chunk.valueAt(i);
    return true;
  }

  /** Visits every stored sample in time order (staleness markers are skipped). */
  forEachSample(visit: (tMs: number, value: number) => void): void {
    for (const chunk of this.chunks) {
      for (let i = 0; i < chunk.length; i++) if (!chunk.isStale(i)) visit(chunk.timeAt(i), chunk.valueAt(i));
    }
  }

  copyWindow(mint: number, maxt: number, out: SampleBuffer): void {
    let c = Math.max(0, this.chunkIndexAtOrBefore(mint));
    for (; c < this.chunks.length; c++) {
      const chunk = this.chunks[c] as Chunk;
      if (chunk.firstT > maxt) return;
      if (chunk.lastT < mint) continue;
      for (let i = chunk.indexAtOrAfter(mint); i < chunk.length; i++) {
        const t = chunk.timeAt(i);
        if (t > maxt) return;
        if (!chunk.isStale(i)) out.push(t, chunk.valueAt(i));
      }
    }
  }

  /** Drops whole chunks that end before `cutoff`; returns the number of samples dropped. */
  dropBefore(cutoff: number): number {
    let drop = 0;
    let samples = 0;
    while (drop < this.chunks.length && (this.chunks[drop] as Chunk).lastT < cutoff) {
      const chunk = this.chunks[drop] as Chunk;
      samples += chunk.length;
      chunk.release();
      drop++;
    }
    if (drop > 0) this.chunks.splice(0, drop);
    return samples;
  }

  byteSize(): number {
    let bytes = 0;
    for (const chunk of this.chunks) bytes += chunk.byteSize();
    return bytes;
  }

  private add(t: number, value: number, isStale: boolean): boolean {
    let head = this.chunks[this.chunks.length - 1];
    if (head !== undefined && t <= head.lastT) return false;
    if (head === undefined || !head.accepts(t)) {
      head = new Chunk(t, this.chunks.length === 0 ? undefined : CHUNK_CAPACITY);
      this.chunks.push(head);
    }
    head.append(t, value, isStale);
    this.owner.onAppend(this, t);
    return true;
  }

  /** Index of the last chunk starting at or before t, or -1. */
  private chunkIndexAtOrBefore(t: number): number {
    let lo = 0;
    let hi = this.chunks.length - 1;
    if (hi < 0 || (this.chunks[0] as Chunk).firstT > t) return -1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.chunks[mid] as Chunk).firstT <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
