/**
 * A sorted list of series ids (ids only grow, so appending keeps it sorted), stored as runs of
 * consecutive ids: the series one report line writes are created together and share most labels,
 * so ten million postings shrink to a few hundred thousand runs.
 */
export class Postings {
  /** Pairs of (first id, count). */
  private runs = new Uint32Array(2);
  private runCount = 0;
  length = 0;

  push(id: number): void {
    const last = 2 * (this.runCount - 1);
    if (this.runCount > 0 && (this.runs[last] as number) + (this.runs[last + 1] as number) === id) {
      this.runs[last + 1] = (this.runs[last + 1] as number) + 1;
    } else {
      if (2 * this.runCount === this.runs.length) {
        const grown = new Uint32Array(this.runs.length + 2 * Math.max(1, this.runs.length >> 2));
        grown.set(this.runs);
        this.runs = grown;
      }
      this.runs[2 * this.runCount] = id;
      this.runs[2 * this.runCount + 1] = 1;
      this.runCount++;
    }
    this.length++;
  }

  /** Removes every id for which `dead` is true; returns the new length. */
  removeWhere(dead: (id: number) => boolean): number {
    const ids = this.view();
    this.runs = new Uint32Array(2);
    this.runCount = 0;
    this.length = 0;
    for (const id of ids) if (!dead(id)) this.push(id);
    return this.length;
  }

  /** The ids, expanded into a new array. */
  view(): Uint32Array {
    const out = new Uint32Array(this.length);
    let k = 0;
    for (let r = 0; r < this.runCount; r++) {
      const first = this.runs[2 * r] as number;
      const count = this.runs[2 * r + 1] as number;
      for (let i = 0; i < count; i++) out[k++] = first + i;
    }
    return out;
  }
}

/** The union of several postings lists as one sorted id array. */
export function unionPostings(lists: readonly Postings[]): Uint32Array {
  if (lists.length === 1) return (lists[0] as Postings).view();
  let total = 0;
  for (const list of lists) total += list.length;
  const out = new Uint32Array(total);
  let offset = 0;
  for (const list of lists) {
    out.set(list.view(), offset);
    offset += list.length;
  }
  // A series has one value per label name, so the lists are disjoint: sorting suffices.
  return out.sort();
}

/**
 * The inverted index: label name → label value → ids of the series carrying that pair.
 */
export class PostingsIndex {
  private readonly byName = new Map<string, Map<string, Postings>>();

  add(id: number, labels: readonly string[]): void {
    for (let i = 0; i < labels.length; i += 2) {
      const name = labels[i] as string;
      const value = labels[i + 1] as string;
      let values = this.byName.get(name);
      if (values === undefined) this.byName.set(name, (values = new Map()));
      let postings = values.get(value);
      if (postings === undefined) values.set(value, (postings = new Postings()));
      postings.push(id);
    }
  }

  /** Removes the given series ids from every list that mentions one of their labels. */
  remove(dead: ReadonlySet<number>, labelSets: Iterable<readonly string[]>): void {
    const touched = new Map<Postings, [string, string]>();
    for (const labels of labelSets) {
      for (let i = 0; i < labels.length; i += 2) {
        const name = labels[i] as string;
        const value = labels[i + 1] as string;
        const postings = this.byName.get(name)?.get(value);
        if (postings !== undefined) touched.set(postings, [name, value]);
      }
    }
    const isDead = (id: number): boolean => dead.has(id);
    for (const [postings, [name, value]] of touched) {
      if (postings.removeWhere(isDead) > 0) continue;
      const values = this.byName.get(name) as Map<string, Postings>;
      values.delete(value);
      if (values.size === 0) this.byName.delete(name);
    }
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  values(name: string): ReadonlyMap<string, Postings> | undefined {
    return this.byName.get(name);
  }

  postings(name: string, value: string): Postings | undefined {
    return this.byName.get(name)?.get(value);
  }
}
