/** The objects of one kind, addressable by key and listable in key order (namespace, then name). */
import type { KindInfo } from '../../mesh/kinds';
import type { KubeObject } from '../../mesh/kube-types';
import { KindChannel } from './watch-hub';

/** "namespace/name" for namespaced kinds, "name" otherwise: sorts the way etcd keys do. */
export function objectKey(info: KindInfo, namespace: string | undefined, name: string): string {
  return info.namespaced ? `${namespace ?? ''}/${name}` : name;
}

/** The first index whose key is >= `key` (or > `key` when `after`). */
function bound(keys: readonly string[], key: string, after: boolean): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const probe = keys[mid] ?? '';
    if (probe < key || (after && probe === key)) low = mid + 1;
    else high = mid;
  }
  return low;
}

export interface KeyRange {
  start: number;
  end: number;
}

export class KindTable {
  readonly objects = new Map<string, KubeObject>();
  private sorted: string[] | undefined;

  constructor(
    readonly info: KindInfo,
    readonly channel: KindChannel,
  ) {}

  set(key: string, obj: KubeObject): void {
    if (!this.objects.has(key)) this.sorted = undefined;
    this.objects.set(key, obj);
  }

  remove(key: string): void {
    if (this.objects.delete(key)) this.sorted = undefined;
  }

  /** Cached between additions and removals, so status churn does not re-sort. */
  sortedKeys(): readonly string[] {
    this.sorted ??= [...this.objects.keys()].sort();
    return this.sorted;
  }

  /** Index range of keys in `namespace` (all keys when undefined), starting after `afterKey`. */
  range(namespace: string | undefined, afterKey: string | undefined): KeyRange {
    const keys = this.sortedKeys();
    let start = 0;
    let end = keys.length;
    if (this.info.namespaced && namespace !== undefined) {
      // '/' sorts right before '0', so "ns/…" keys are exactly those in ["ns/", "ns0").
      start = bound(keys, `${namespace}/`, false);
      end = bound(keys, `${namespace}0`, false);
    }
    if (afterKey !== undefined) start = Math.max(start, bound(keys, afterKey, true));
    return { start, end };
  }

  keysInNamespace(namespace: string): string[] {
    const { start, end } = this.range(namespace, undefined);
    return this.sortedKeys().slice(start, end);
  }
}
