import type { Labels } from '../labels';
import { NO_CHUNK, type ChunkTable } from './chunks';
import type { SampleBuffer, SamplePoint, SampleSource } from './samples';
import { SeriesLabels, type SplitLabels } from './series-labels';

/** A handle the simulator keeps to append to one series without looking it up each time. */
export interface SeriesRef {
  readonly labels: Labels;
  /** Appends a sample; returns false (and stores nothing) when `tMs` is not after the last sample. */
  append(tMs: number, value: number): boolean;
  /** Appends a staleness marker: from `tMs` on the series is absent until its next sample. */
  markStale(tMs: number): boolean;
}

/** Callbacks into the database that owns the series, and where its chunks live. */
export interface SeriesOwner {
  readonly chunks: ChunkTable;
  onAppend(series: MemSeries, tMs: number): void;
}

/** One series: its labels and its samples as a list of chunks, oldest first. */
export class MemSeries extends SeriesLabels implements SeriesRef, SampleSource {
  id: number;
  removed = false;
  readonly hash: number;
  private first = NO_CHUNK;
  private last = NO_CHUNK;
  private readonly owner: SeriesOwner;

  constructor(owner: SeriesOwner, id: number, split: SplitLabels, shared: Labels, hash: number) {
    super(split, shared);
    this.owner = owner;
    this.id = id;
    this.hash = hash;
  }

  get minT(): number {
    return this.first === NO_CHUNK ? Infinity : this.owner.chunks.firstT(this.first);
  }

  get maxT(): number {
    return this.last === NO_CHUNK ? -Infinity : this.owner.chunks.lastT(this.last);
  }

  get isEmpty(): boolean {
    return this.first === NO_CHUNK;
  }

  overlaps(mint: number, maxt: number): boolean {
    return this.first !== NO_CHUNK && this.minT <= maxt && this.maxT >= mint;
  }

  append(tMs: number, value: number): boolean {
    return this.add(tMs, value, false);
  }

  markStale(tMs: number): boolean {
    return this.add(tMs, NaN, true);
  }

  chunkCount(): number {
    const chunks = this.owner.chunks;
    let n = 0;
    for (let c = this.first; c !== NO_CHUNK; c = chunks.next(c)) n++;
    return n;
  }

  sampleCount(): number {
    const chunks = this.owner.chunks;
    let n = 0;
    for (let c = this.first; c !== NO_CHUNK; c = chunks.next(c)) n += chunks.length(c);
    return n;
  }

  /**
   * The latest sample at or before `refTime`, if it is not older than `minT` and is not a
   * staleness marker.
   */
  sampleAtOrBefore(refTime: number, minT: number, out: SamplePoint): boolean {
    const chunks = this.owner.chunks;
    const c = this.chunkAtOrBefore(refTime);
    if (c === NO_CHUNK) return false;
    const i = chunks.indexAtOrBefore(c, refTime);
    const t = chunks.timeAt(c, i);
    if (t < minT || chunks.isStale(c, i)) return false;
    out.t = t;
    out.v = chunks.valueAt(c, i);
    return true;
  }

  /** Visits every stored sample in time order (staleness markers are skipped). */
  forEachSample(visit: (tMs: number, value: number) => void): void {
    const chunks = this.owner.chunks;
    for (let c = this.first; c !== NO_CHUNK; c = chunks.next(c)) {
      const length = chunks.length(c);
      for (let i = 0; i < length; i++) if (!chunks.isStale(c, i)) visit(chunks.timeAt(c, i), chunks.valueAt(c, i));
    }
  }

  copyWindow(mint: number, maxt: number, out: SampleBuffer): void {
    const chunks = this.owner.chunks;
    const from = this.chunkAtOrBefore(mint);
    for (let c = from === NO_CHUNK ? this.first : from; c !== NO_CHUNK; c = chunks.next(c)) {
      if (chunks.firstT(c) > maxt) return;
      if (chunks.lastT(c) < mint) continue;
      const length = chunks.length(c);
      for (let i = chunks.indexAtOrAfter(c, mint); i < length; i++) {
        const t = chunks.timeAt(c, i);
        if (t > maxt) return;
        if (!chunks.isStale(c, i)) out.push(t, chunks.valueAt(c, i));
      }
    }
  }

  /** Drops whole chunks that end before `cutoff`; returns the number of samples dropped. */
  dropBefore(cutoff: number): number {
    const chunks = this.owner.chunks;
    let samples = 0;
    while (this.first !== NO_CHUNK && chunks.lastT(this.first) < cutoff) {
      const c = this.first;
      samples += chunks.length(c);
      this.first = chunks.next(c);
      chunks.release(c);
    }
    if (this.first === NO_CHUNK) this.last = NO_CHUNK;
    return samples;
  }

  byteSize(): number {
    const chunks = this.owner.chunks;
    let bytes = 0;
    for (let c = this.first; c !== NO_CHUNK; c = chunks.next(c)) bytes += chunks.byteSize(c);
    return bytes;
  }

  private add(t: number, value: number, isStale: boolean): boolean {
    const chunks = this.owner.chunks;
    let head = this.last;
    if (head !== NO_CHUNK && t <= chunks.lastT(head)) return false;
    if (head === NO_CHUNK || !chunks.accepts(head, t)) {
      const chunk = chunks.create(t);
      if (head === NO_CHUNK) this.first = chunk;
      else chunks.setNext(head, chunk);
      this.last = head = chunk;
    }
    chunks.append(head, t, value, isStale);
    this.owner.onAppend(this, t);
    return true;
  }

  /** The last chunk starting at or before t, or NO_CHUNK. A series holds only a few chunks. */
  private chunkAtOrBefore(t: number): number {
    const chunks = this.owner.chunks;
    let found = NO_CHUNK;
    for (let c = this.first; c !== NO_CHUNK && chunks.firstT(c) <= t; c = chunks.next(c)) found = c;
    return found;
  }
}
