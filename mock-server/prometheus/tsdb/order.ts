import type { MemSeries } from './series';
import { compareSeriesLabels } from './series-labels';

/**
 * Keeps all live series in Prometheus' label order, so selections come out sorted without
 * comparing label sets on every query: new series are sorted among themselves and merged in
 * lazily, and each series gets a rank that numeric sorting can use.
 */
export class SeriesOrder {
  private sorted: MemSeries[] = [];
  private pending: MemSeries[] = [];
  private sawRemoval = false;
  private readonly revived = new Set<MemSeries>();
  private rank = new Int32Array(1024);

  /** A new series, or (`revived`) a removed one that received samples again. */
  added(series: MemSeries, revived = false): void {
    this.pending.push(series);
    if (revived) this.revived.add(series);
  }

  removed(): void {
    this.sawRemoval = true;
  }

  /** Sorts series (in place) by their label order. */
  sort(series: MemSeries[]): MemSeries[] {
    if (series.length < 2) return series;
    this.refresh();
    const ranks = new Int32Array(series.length);
    for (let i = 0; i < series.length; i++) ranks[i] = this.rank[(series[i] as MemSeries).id] as number;
    ranks.sort();
    for (let i = 0; i < ranks.length; i++) series[i] = this.sorted[ranks[i] as number] as MemSeries;
    return series;
  }

  /** Every live series in label order. */
  all(): readonly MemSeries[] {
    this.refresh();
    return this.sorted;
  }

  private refresh(): void {
    if (this.pending.length === 0 && !this.sawRemoval) return;
    const fresh = [...new Set(this.pending)].filter((s) => !s.removed).sort((a, b) => compareSeriesLabels(a, b));
    const old =
      this.sawRemoval || this.revived.size > 0
        ? this.sorted.filter((s) => !s.removed && !this.revived.has(s))
        : this.sorted;
    const merged: MemSeries[] = new Array<MemSeries>(old.length + fresh.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < old.length && j < fresh.length) {
      const a = old[i] as MemSeries;
      const b = fresh[j] as MemSeries;
      if (compareSeriesLabels(a, b) <= 0) {
        merged[k++] = a;
        i++;
      } else {
        merged[k++] = b;
        j++;
      }
    }
    while (i < old.length) merged[k++] = old[i++] as MemSeries;
    while (j < fresh.length) merged[k++] = fresh[j++] as MemSeries;
    this.sorted = merged;
    this.pending = [];
    this.revived.clear();
    this.sawRemoval = false;
    let maxId = 0;
    for (const s of merged) if (s.id > maxId) maxId = s.id;
    if (maxId >= this.rank.length) this.rank = new Int32Array(Math.max(maxId + 1, this.rank.length * 2));
    for (let r = 0; r < merged.length; r++) this.rank[(merged[r] as MemSeries).id] = r;
  }
}

