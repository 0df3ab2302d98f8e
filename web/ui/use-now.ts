import { useSyncExternalStore } from 'react';

/** The current time, refreshed every `intervalMs`, for ages that keep counting. One timer per interval. */
const clocks = new Map<number, { now: number; listeners: Set<() => void>; timer?: ReturnType<typeof setInterval> }>();

function clock(intervalMs: number) {
  let entry = clocks.get(intervalMs);
  if (!entry) {
    entry = { now: Date.now(), listeners: new Set() };
    clocks.set(intervalMs, entry);
  }
  return entry;
}

export function useNow(intervalMs = 30_000): number {
  const entry = clock(intervalMs);
  return useSyncExternalStore(
    (listener) => {
      entry.listeners.add(listener);
      entry.timer ??= setInterval(() => {
        entry.now = Date.now();
        entry.listeners.forEach((notify) => notify());
      }, intervalMs);
      return () => {
        entry.listeners.delete(listener);
        if (entry.listeners.size === 0) {
          clearInterval(entry.timer);
          entry.timer = undefined;
        }
      };
    },
    () => entry.now,
  );
}
