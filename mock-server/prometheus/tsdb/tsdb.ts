import { labelsEqual, labelsFromRecord, type Labels } from '../labels';
import { Interner } from './interner';
import type { LabelMatcher } from './matcher';
import { SeriesOrder } from './order';
import { PostingsIndex } from './postings';
import { selectIds } from './select';
import { MemSeries, type SeriesOwner, type SeriesRef } from './series';

export type MetricType = 'counter' | 'gauge' | 'histogram' | 'summary' | 'unknown';

export interface MetricMetadata {
  type: MetricType;
  help?: string;
  unit?: string;
}

export interface TsdbOptions {
  /** How much history to keep, relative to the newest sample. Default 70 minutes. */
  retentionMs?: number;
  /** How often (in sample time) retention runs by itself. Default one minute. */
  retentionCheckMs?: number;
}

export interface TsdbStats {
  series: number;
  samples: number;
  chunks: number;
  sampleBytes: number;
  internedStrings: number;
}

export const DEFAULT_RETENTION_MS = 70 * 60_000;

/** An in-memory time-series database with Prometheus' data model. */
export class Tsdb implements SeriesOwner {
  readonly retentionMs: number;
  private readonly retentionCheckMs: number;
  private readonly interner = new Interner();
  private readonly index = new PostingsIndex();
  private readonly order = new SeriesOrder();
  private readonly byHash = new Map<number, MemSeries | MemSeries[]>();
  private readonly byId = new Map<number, MemSeries>();
  private readonly metadataByFamily = new Map<string, MetricMetadata>();
  private nextId = 0;
  private removedSinceRebuild = 0;
  private newestT = -Infinity;
  private lastRetentionT = -Infinity;

  constructor(options: TsdbOptions = {}) {
    this.retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS;
    this.retentionCheckMs = options.retentionCheckMs ?? 60_000;
  }

  /** The handle for a label set, creating the series if needed. Empty label values are dropped. */
  getOrCreateSeries(record: Readonly<Record<string, string>>): SeriesRef {
    const labels = labelsFromRecord(record);
    const hash = hashLabels(labels);
    const existing = this.lookup(labels, hash);
    if (existing !== undefined) return existing;
    const interned = labels.map((s) => this.interner.intern(s));
    const series = new MemSeries(this, 0, interned, hash);
    this.register(series, false);
    return series;
  }

  append(record: Readonly<Record<string, string>>, tMs: number, value: number): boolean {
    return this.getOrCreateSeries(record).append(tMs, value);
  }

  /** Series matching all matchers that have samples in [mint, maxt], in label order. */
  select(matchers: readonly LabelMatcher[], mint = -Infinity, maxt = Infinity): MemSeries[] {
    const ids = selectIds(this.index, matchers, () => this.byId.keys(), (id) => this.byId.get(id));
    const out: MemSeries[] = [];
    for (const id of ids) {
      const series = this.byId.get(id) as MemSeries;
      if (series.overlaps(mint, maxt)) out.push(series);
    }
    return this.order.sort(out);
  }

  /** The label sets of the matching series with samples in [startMs, endMs]. */
  series(matchers: readonly LabelMatcher[], startMs = -Infinity, endMs = Infinity): Labels[] {
    return this.select(matchers, startMs, endMs).map((s) => s.labels);
  }

  labelNames(matchers?: readonly LabelMatcher[], startMs = -Infinity, endMs = Infinity): string[] {
    if (matchers === undefined && startMs === -Infinity && endMs === Infinity) return this.index.names().sort();
    const names = new Set<string>();
    for (const s of this.selectForLabels(matchers, startMs, endMs)) {
      for (let i = 0; i < s.labels.length; i += 2) names.add(s.labels[i] as string);
    }
    return [...names].sort();
  }

  labelValues(name: string, matchers?: readonly LabelMatcher[], startMs = -Infinity, endMs = Infinity): string[] {
    if (matchers === undefined && startMs === -Infinity && endMs === Infinity) {
      return [...(this.index.values(name)?.keys() ?? [])].sort();
    }
    const values = new Set<string>();
    for (const s of this.selectForLabels(matchers, startMs, endMs)) {
      for (let i = 0; i < s.labels.length; i += 2) if (s.labels[i] === name) values.add(s.labels[i + 1] as string);
    }
    return [...values].sort();
  }

  /** Every live series in label order (for exposition). */
  allSeries(): readonly MemSeries[] {
    return this.order.all();
  }

  setMetadata(family: string, metadata: MetricMetadata): void {
    this.metadataByFamily.set(family, metadata);
  }

  metadata(family: string): MetricMetadata | undefined {
    return this.metadataByFamily.get(family);
  }

  metadataEntries(): [string, MetricMetadata][] {
    return [...this.metadataByFamily.entries()];
  }

  /** The newest sample time appended so far. */
  get headTime(): number {
    return this.newestT;
  }

  /** Drops data older than the retention window (relative to `nowMs`, default the newest sample). */
  applyRetention(nowMs = this.newestT): void {
    const cutoff = nowMs - this.retentionMs;
    this.lastRetentionT = nowMs;
    const dead: MemSeries[] = [];
    for (const series of this.byId.values()) {
      // A series that never had samples is kept: its creator holds a handle and will append.
      if (series.dropBefore(cutoff) > 0 && series.chunks.length === 0) dead.push(series);
    }
    if (dead.length === 0) return;
    for (const series of dead) {
      series.removed = true;
      this.byId.delete(series.id);
      this.unhash(series);
    }
    this.index.remove(new Set(dead.map((s) => s.id)), dead.map((s) => s.labels));
    this.order.removed();
    this.removedSinceRebuild += dead.length;
    if (this.removedSinceRebuild > Math.max(1000, this.byId.size / 4)) {
      this.interner.rebuild([...this.byId.values()].map((s) => s.labels));
      this.removedSinceRebuild = 0;
    }
  }

  stats(): TsdbStats {
    let samples = 0;
    let chunks = 0;
    let sampleBytes = 0;
    for (const series of this.byId.values()) {
      samples += series.sampleCount();
      chunks += series.chunks.length;
      sampleBytes += series.byteSize();
    }
    return { series: this.byId.size, samples, chunks, sampleBytes, internedStrings: this.interner.size };
  }

  /** @internal Called by a series after each stored sample. */
  onAppend(series: MemSeries, tMs: number): void {
    if (series.removed) this.register(series, true);
    if (tMs > this.newestT) {
      this.newestT = tMs;
      if (tMs - this.lastRetentionT >= this.retentionCheckMs) this.applyRetention(tMs);
    }
  }

  private selectForLabels(matchers: readonly LabelMatcher[] | undefined, startMs: number, endMs: number): MemSeries[] {
    if (matchers !== undefined) return this.select(matchers, startMs, endMs);
    return [...this.byId.values()].filter((s) => s.overlaps(startMs, endMs));
  }

  private register(series: MemSeries, revived: boolean): void {
    series.id = this.nextId++;
    series.removed = false;
    this.byId.set(series.id, series);
    const bucket = this.byHash.get(series.hash);
    if (bucket === undefined) this.byHash.set(series.hash, series);
    else if (Array.isArray(bucket)) bucket.push(series);
    else this.byHash.set(series.hash, [bucket, series]);
    this.index.add(series.id, series.labels);
    this.order.added(series, revived);
  }

  private lookup(labels: Labels, hash: number): MemSeries | undefined {
    const bucket = this.byHash.get(hash);
    if (bucket === undefined) return undefined;
    if (!Array.isArray(bucket)) return labelsEqual(bucket.labels, labels) ? bucket : undefined;
    return bucket.find((s) => labelsEqual(s.labels, labels));
  }

  private unhash(series: MemSeries): void {
    const bucket = this.byHash.get(series.hash);
    if (bucket === series) this.byHash.delete(series.hash);
    else if (Array.isArray(bucket)) {
      const rest = bucket.filter((s) => s !== series);
      if (rest.length === 1) this.byHash.set(series.hash, rest[0] as MemSeries);
      else this.byHash.set(series.hash, rest);
    }
  }
}

/** FNV-1a over names and values; collisions are resolved by comparing label sets. */
function hashLabels(labels: Labels): number {
  let h = 0x811c9dc5;
  for (const s of labels) {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0xff, 0x01000193);
  }
  return h >>> 0;
}
