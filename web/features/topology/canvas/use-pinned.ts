import { useCallback, useState } from 'react';
import type { Point } from '../layout';

const STORAGE_KEY = 'meshdeck.topology.pinned';

function load(): Map<string, Point> {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '{}');
    const pinned = new Map<string, Point>();
    if (parsed && typeof parsed === 'object')
      for (const [id, value] of Object.entries(parsed as Record<string, unknown>)) {
        const point = value as Partial<Point> | null;
        if (point && typeof point.x === 'number' && typeof point.y === 'number') pinned.set(id, { x: point.x, y: point.y });
      }
    return pinned;
  } catch {
    return new Map();
  }
}

/** Nodes the user dragged stay where they were put, for the rest of the browser session. */
export function usePinnedPositions(): [ReadonlyMap<string, Point>, (id: string, point: Point) => void, () => void] {
  const [pinned, setPinned] = useState<ReadonlyMap<string, Point>>(load);
  const pin = useCallback((id: string, point: Point) => {
    setPinned((current) => {
      const next = new Map(current).set(id, { x: Math.round(point.x), y: Math.round(point.y) });
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(Object.fromEntries(next)));
      return next;
    });
  }, []);
  const unpinAll = useCallback(() => {
    sessionStorage.removeItem(STORAGE_KEY);
    setPinned(new Map());
  }, []);
  return [pinned, pin, unpinAll];
}
