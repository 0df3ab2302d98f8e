/** Applies watch events to a cached list: the pure heart of "list, then keep it current". */
import type { KubeList, KubeObject, WatchEvent } from '../../mesh/kube-types';

export function objectKey(object: KubeObject): string {
  return `${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}`;
}

/**
 * Returns a new list with the events applied in order (ADDED and MODIFIED upsert, DELETED removes).
 * Objects keep their position, new ones go to the end, and the list's resourceVersion follows the
 * last event so that a watch can resume from it. Returns the same list when nothing changed.
 */
export function applyWatchEvents(list: KubeList, events: readonly WatchEvent<KubeObject>[]): KubeList {
  if (events.length === 0) return list;
  const items = list.items.slice();
  const indexByKey = new Map<string, number>();
  items.forEach((item, index) => indexByKey.set(objectKey(item), index));
  let removed = false;
  let resourceVersion = list.metadata.resourceVersion;

  for (const event of events) {
    const key = objectKey(event.object);
    const index = indexByKey.get(key);
    resourceVersion = event.object.metadata.resourceVersion ?? resourceVersion;
    if (event.type === 'ADDED' || event.type === 'MODIFIED') {
      if (index === undefined) {
        indexByKey.set(key, items.length);
        items.push(event.object);
      } else {
        items[index] = event.object;
      }
    } else if (event.type === 'DELETED' && index !== undefined) {
      // Mark now, compact once at the end: many deletions stay linear.
      indexByKey.delete(key);
      items[index] = TOMBSTONE;
      removed = true;
    }
  }
  return {
    ...list,
    metadata: { ...list.metadata, resourceVersion },
    items: removed ? items.filter((item) => item !== TOMBSTONE) : items,
  };
}

/**
 * Whether a fresh list holds the same objects at the same versions as a cached one (order included):
 * then the cache keeps its list, so nothing that shows it re-renders or recomputes. A poll of an
 * unchanged list then costs the request and the parse only.
 */
export function sameObjects(cached: KubeList, fresh: KubeList): boolean {
  if (cached.items.length !== fresh.items.length) return false;
  return cached.items.every((item, i) => {
    const other = fresh.items[i];
    return other !== undefined && item.metadata.resourceVersion === other.metadata.resourceVersion && objectKey(item) === objectKey(other);
  });
}

const TOMBSTONE: KubeObject = { apiVersion: '', kind: '', metadata: {} };
