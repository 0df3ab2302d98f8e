/**
 * Items by a 32-bit hash, a bucket holding one item or (on collisions) an array of them: one Map
 * entry per item and no key strings, for hundreds of thousands of label sets.
 */
export class HashBuckets<T extends object> {
  private readonly byHash = new Map<number, T | T[]>();

  get size(): number {
    return this.byHash.size;
  }

  find(hash: number, matches: (item: T) => boolean): T | undefined {
    const bucket = this.byHash.get(hash);
    if (bucket === undefined) return undefined;
    if (!Array.isArray(bucket)) return matches(bucket) ? bucket : undefined;
    return bucket.find(matches);
  }

  add(hash: number, item: T): void {
    const bucket = this.byHash.get(hash);
    if (bucket === undefined) this.byHash.set(hash, item);
    else if (Array.isArray(bucket)) bucket.push(item);
    else this.byHash.set(hash, [bucket, item]);
  }

  remove(hash: number, item: T): void {
    const bucket = this.byHash.get(hash);
    if (bucket === item) this.byHash.delete(hash);
    else if (Array.isArray(bucket)) {
      const rest = bucket.filter((other) => other !== item);
      this.byHash.set(hash, rest.length === 1 ? (rest[0] as T) : rest);
    }
  }

  clear(): void {
    this.byHash.clear();
  }
}

/**
 * FNV-1a over the strings of a label set; collisions are resolved by comparing label sets. Signed,
 * so that it is stored as a small integer rather than a heap number.
 */
export function hashLabels(labels: readonly string[]): number {
  let h = 0x811c9dc5;
  for (const s of labels) {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0xff, 0x01000193);
  }
  return h | 0;
}
