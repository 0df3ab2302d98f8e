import type { SeriesLabels } from './series-labels';

/** Keeps one copy of each label string so that 100k series sharing values share memory. */
export class Interner {
  private strings = new Map<string, string>();

  intern(s: string): string {
    const existing = this.strings.get(s);
    if (existing !== undefined) return existing;
    this.strings.set(s, s);
    return s;
  }

  get size(): number {
    return this.strings.size;
  }

  /** Forgets every string the `live` label sets do not use (after series were dropped by retention). */
  rebuild(live: Iterable<SeriesLabels>): void {
    const next = new Map<string, string>();
    for (const labels of live) {
      for (const s of labels.shared) next.set(s, s);
      next.set(labels.name, labels.name);
      next.set(labels.le, labels.le);
    }
    this.strings = next;
  }
}
