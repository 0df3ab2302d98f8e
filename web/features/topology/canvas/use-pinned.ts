import { useSyncExternalStore } from 'react';
import type { Point } from '../layout';

const STORAGE_KEY = 'meshdeck.topology.pinned';

/** The storage the pins live in; sessionStorage in the browser. */
export interface PinStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface PinStore {
  readonly get: () => ReadonlyMap<string, Point>;
  readonly subscribe: (listener: () => void) => () => void;
  readonly pin: (id: string, point: Point) => void;
  readonly unpinAll: () => void;
}

function load(storage: PinStorage | undefined): Map<string, Point> {
  const pinned = new Map<string, Point>();
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(STORAGE_KEY) ?? '{}');
    if (parsed && typeof parsed === 'object')
      for (const [id, value] of Object.entries(parsed as Record<string, unknown>)) {
        const point = value as Partial<Point> | null;
        if (point && typeof point.x === 'number' && typeof point.y === 'number') pinned.set(id, { x: point.x, y: point.y });
      }
  } catch {
    // Unreadable pins (another version's format, storage disabled) are as good as none.
  }
  return pinned;
}

/**
 * Pinned positions, shared by everything on the page that shows or changes them (the canvas pins,
 * the toolbar unpins), and kept in `storage` so they last for the browser session.
 */
export function createPinStore(storage: PinStorage | undefined): PinStore {
  let pinned: ReadonlyMap<string, Point> | undefined;
  const listeners = new Set<() => void>();
  const get = () => (pinned ??= load(storage));
  const set = (next: ReadonlyMap<string, Point>) => {
    pinned = next;
    try {
      if (next.size === 0) storage?.removeItem(STORAGE_KEY);
      else storage?.setItem(STORAGE_KEY, JSON.stringify(Object.fromEntries(next)));
    } catch {
      // Full or disabled storage: the pins still hold for this page.
    }
    for (const listener of listeners) listener();
  };
  return {
    get,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    pin: (id, point) => set(new Map(get()).set(id, { x: Math.round(point.x), y: Math.round(point.y) })),
    unpinAll: () => {
      if (get().size > 0) set(new Map());
    },
  };
}

const pageStore = createPinStore(typeof sessionStorage === 'undefined' ? undefined : sessionStorage);

/** Nodes the user dragged stay where they were put, for the rest of the browser session. */
export function usePinnedPositions(store: PinStore = pageStore): [ReadonlyMap<string, Point>, (id: string, point: Point) => void, () => void] {
  const pinned = useSyncExternalStore(store.subscribe, store.get);
  return [pinned, store.pin, store.unpinAll];
}
