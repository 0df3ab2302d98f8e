/**
 * A sorted list of series ids (ids only grow, so appending keeps it sorted). A plain array of
 * small integers: hundreds of thousands of tiny typed arrays would burden the garbage collector.
 */
export class Postings {
  private ids: number[] = [];

  get length(): number {
    return this.ids.length;
  }

  push(id: number): void {
    this.ids.push(id);
  }

  /** Removes every id for which `dead` is true; returns the new length. */
  removeWhere(dead: (id: number) => boolean): number {
    this.ids = this.ids.filter((id) => !dead(id));
    return this.ids.length;
  }

  view(): readonly number[] {
    return this.ids;
  }
}

/** The union of several postings lists as one sorted id array. */
export function unionPostings(lists: readonly Postings[]): ArrayLike<number> & Iterable<number> {
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
