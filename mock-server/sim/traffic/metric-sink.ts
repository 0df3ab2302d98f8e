/**
 * Cumulative counters over Tsdb series. Every series ever written keeps being appended at each step, as
 * Envoy keeps exporting its stats, so a rate falls to 0 rather than disappearing.
 */
import type { SeriesRef, Tsdb } from '../../prometheus';
import type { LatencyDistribution } from './latency';

export class Counter {
  private total = 0;
  constructor(
    private readonly ref: SeriesRef,
    /** Request and connection counts are whole numbers; sums are not. */
    private readonly integral: boolean,
  ) {}

  add(amount: number): void {
    this.total += amount;
  }

  flush(tMs: number): void {
    this.ref.append(tMs, this.integral ? Math.round(this.total) : this.total);
  }
}

export interface Histogram {
  readonly buckets: readonly Counter[];
  readonly bounds: readonly number[];
  readonly sum: Counter;
  readonly count: Counter;
}

const FLUSH_SLICE = 512;

export class MetricSink {
  /** The Tsdb hands out one ref per label set, so refs identify series without building string keys. */
  private readonly counters = new Map<SeriesRef, Counter>();

  constructor(private readonly db: Tsdb) {}

  get seriesCount(): number {
    return this.counters.size;
  }

  counter(name: string, labels: Readonly<Record<string, string>>, integral = true): Counter {
    const ref = this.db.getOrCreateSeries({ __name__: name, ...labels });
    let counter = this.counters.get(ref);
    if (!counter) {
      counter = new Counter(ref, integral);
      this.counters.set(ref, counter);
    }
    return counter;
  }

  /** A histogram; with no bounds, only its _sum and _count series. */
  histogram(name: string, labels: Readonly<Record<string, string>>, bounds: readonly number[]): Histogram {
    return {
      bounds,
      buckets: (bounds.length === 0 ? [] : [...bounds.map(String), '+Inf']).map((le) => this.counter(`${name}_bucket`, { ...labels, le })),
      sum: this.counter(`${name}_sum`, labels, false),
      count: this.counter(`${name}_count`, labels),
    };
  }

  flush(tMs: number): void {
    for (const counter of this.counters.values()) counter.flush(tMs);
  }

  /**
   * `flush`, pausing (yielding) every few hundred series. Meanwhile some series have the step's sample
   * and some not yet, as when Prometheus scrapes its targets at different moments.
   */
  *flushInSteps(tMs: number): Generator<void, void, void> {
    let written = 0;
    for (const counter of this.counters.values()) {
      counter.flush(tMs);
      if (++written % FLUSH_SLICE === 0) yield;
    }
  }
}

/** How observations spread over a histogram's buckets: computed once, applied every step. */
export interface HistogramShape {
  /** Cumulative fraction at each bucket of the histogram, +Inf included. */
  readonly fractions: readonly number[];
  readonly mean: number;
}

export function histogramShape(histogram: Histogram, distribution: LatencyDistribution): HistogramShape {
  return {
    fractions: histogram.buckets.map((_, i) => {
      const bound = histogram.bounds[i];
      return bound === undefined ? 1 : distribution.cdf(bound);
    }),
    mean: distribution.mean,
  };
}

/** Adds `n` observations spread as `shape` says. */
export function observe(histogram: Histogram, n: number, shape: HistogramShape): void {
  const { buckets } = histogram;
  for (let i = 0; i < buckets.length; i++) buckets[i]?.add(n * (shape.fractions[i] ?? 1));
  histogram.count.add(n);
  histogram.sum.add(n * shape.mean);
}
