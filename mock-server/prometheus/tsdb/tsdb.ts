import { labelsEqual, labelsFromRecord, type Labels } from '../labels';
import { ChunkTable } from './chunks';
import { HashBuckets, hashLabels } from './hash-buckets';
import { Interner } from './interner';
import type { LabelMatcher } from './matcher';
import { SeriesOrder } from './order';
import { PostingsIndex } from './postings';
import { selectIds } from './select';
import { MemSeries, type SeriesOwner, type SeriesRef } from './series';
import { splitLabels } from './series-labels';

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
  readonly chunks = new ChunkTable();
  private readonly interner = new Interner();
  private readonly index = new PostingsIndex();
  private readonly order = new SeriesOrder();
  private readonly byHash = new HashBuckets<MemSeries>();
  /** Label sets without metric name and `le`, shared by the series that differ only in those. */
  private sharedSets = new Map<number, Labels[]>();
  /** Indexed by series id; ids are dense, so an array is far smaller than a Map. */
  private readonly byId: (MemSeries | undefined)[] = [];
  private liveCount = 0;
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
    const existing = this.byHash.find(hash, (s) => s.hasLabels(labels));
    if (existing !== undefined) return existing;
    const split = splitLabels(labels.map((s) => this.interner.intern(s)));
    const series = new MemSeries(this, 0, split, this.sharedSet(split.shared), hash);
    this.register(series, false);
    return series;
  }

  append(record: Readonly<Record<string, string>>, tMs: number, value: number): boolean {
    return this.getOrCreateSeries(record).append(tMs, value);
  }

  /** Series matching all matchers that have samples in [mint, maxt], in label order. */
  select(matchers: readonly LabelMatcher[], mint = -Infinity, maxt = Infinity): MemSeries[] {
    const ids = selectIds(this.index, matchers, () => this.liveIds(), (id) => this.byId[id]);
    const out: MemSeries[] = [];
    for (const id of ids) {
      const series = this.byId[id] as MemSeries;
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
      for (let i = 0; i < s.labelCount; i += 2) names.add(s.labelAt(i));
    }
    return [...names].sort();
  }

  labelValues(name: string, matchers?: readonly LabelMatcher[], startMs = -Infinity, endMs = Infinity): string[] {
    if (matchers === undefined && startMs === -Infinity && endMs === Infinity) {
      return [...(this.index.values(name)?.keys() ?? [])].sort();
    }
    const values = new Set<string>();
    for (const s of this.selectForLabels(matchers, startMs, endMs)) {
      const value = s.label(name);
      if (value !== '') values.add(value);
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
    for (const series of this.liveSeries()) {
      // A series that never had samples is kept: its creator holds a handle and will append.
      if (series.dropBefore(cutoff) > 0 && series.isEmpty) dead.push(series);
    }
    if (dead.length === 0) return;
    for (const series of dead) {
      series.removed = true;
      this.byId[series.id] = undefined;
      this.liveCount--;
      this.byHash.remove(series.hash, series);
    }
    this.index.remove(new Set(dead.map((s) => s.id)), dead.map((s) => s.labels));
    this.order.removed();
    this.removedSinceRebuild += dead.length;
    if (this.removedSinceRebuild > Math.max(1000, this.liveCount / 4)) this.forgetUnusedLabels();
  }

  stats(): TsdbStats {
    let samples = 0;
    let chunks = 0;
    let sampleBytes = 0;
    for (const series of this.liveSeries()) {
      samples += series.sampleCount();
      chunks += series.chunkCount();
      sampleBytes += series.byteSize();
    }
    return { series: this.liveCount, samples, chunks, sampleBytes, internedStrings: this.interner.size };
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
    return [...this.liveSeries()].filter((s) => s.overlaps(startMs, endMs));
  }

  private register(series: MemSeries, revived: boolean): void {
    series.id = this.nextId++;
    series.removed = false;
    this.byId[series.id] = series;
    this.liveCount++;
    this.byHash.add(series.hash, series);
    this.index.add(series.id, series.labels);
    this.order.added(series, revived);
  }

  private *liveSeries(): Generator<MemSeries> {
    for (const series of this.byId) if (series !== undefined) yield series;
  }

  private *liveIds(): Generator<number> {
    for (const series of this.liveSeries()) yield series.id;
  }

  /** The one stored copy of a shared label set. */
  private sharedSet(shared: Labels): Labels {
    const hash = hashLabels(shared);
    const bucket = this.sharedSets.get(hash);
    const existing = bucket?.find((other) => labelsEqual(other, shared));
    if (existing !== undefined) return existing;
    if (bucket === undefined) this.sharedSets.set(hash, [shared]);
    else bucket.push(shared);
    return shared;
  }

  /** Lets go of the strings and shared label sets that only dropped series used. */
  private forgetUnusedLabels(): void {
    this.interner.rebuild(this.liveSeries());
    this.sharedSets = new Map();
    for (const series of this.liveSeries()) this.sharedSet(series.shared);
    this.removedSinceRebuild = 0;
  }
}
