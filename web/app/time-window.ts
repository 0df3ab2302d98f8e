/**
 * The time window every telemetry screen queries: either live (the last `range`, moving with the
 * refresh interval) or absolute (`from`/`to` in the URL, set by zooming on a chart or by a link).
 */
import { useCallback, useMemo } from 'react';
import { useNow } from '../ui/use-now';
import { durationMs, useRefreshInterval, useTimeRange, useUrlParam } from './url-state';

export interface TimeWindow {
  readonly start: Date;
  readonly end: Date;
  /** Range-query step: about 240 points over the window, a multiple of 15 s. */
  readonly stepSeconds: number;
  /** True when the window follows the clock (no from/to in the URL). */
  readonly live: boolean;
}

export const TARGET_POINTS = 240;
const MIN_STEP_SECONDS = 15;
/** A live window's end moves at least this often even with refresh off, so "now" never goes stale for long. */
const LIVE_TICK_MS = 60_000;

/** Step for a window of `seconds`: ~240 points, rounded up to a multiple of 15 s. */
export function stepFor(seconds: number): number {
  return Math.max(MIN_STEP_SECONDS, Math.ceil(seconds / TARGET_POINTS / MIN_STEP_SECONDS) * MIN_STEP_SECONDS);
}

/** `from`/`to` are Unix seconds; anything else (or from >= to) means "live". */
export function parseAbsolute(from: string, to: string): { start: Date; end: Date } | undefined {
  if (!/^\d{9,11}$/.test(from) || !/^\d{9,11}$/.test(to)) return undefined;
  const start = Number(from) * 1000;
  const end = Number(to) * 1000;
  return start < end ? { start: new Date(start), end: new Date(end) } : undefined;
}

export function windowOf(now: number, rangeMs: number, absolute: { start: Date; end: Date } | undefined): TimeWindow {
  const start = absolute?.start ?? new Date(now - rangeMs);
  const end = absolute?.end ?? new Date(now);
  return { start, end, stepSeconds: stepFor((end.getTime() - start.getTime()) / 1000), live: !absolute };
}

export interface TimeWindowControls {
  readonly window: TimeWindow;
  /** Fix the window (zoom); pushes a history entry so Back undoes it. */
  setAbsolute(start: Date, end: Date): void;
  /** Back to the live window of the selected range. */
  goLive(): void;
}

export function useTimeWindow(): TimeWindowControls {
  const [range] = useTimeRange();
  const [refresh] = useRefreshInterval();
  const [from, setFrom] = useUrlParam('from');
  const [to, setTo] = useUrlParam('to');
  const now = useNow(durationMs(refresh) ?? LIVE_TICK_MS);
  const absolute = useMemo(() => parseAbsolute(from, to), [from, to]);
  const rangeMs = durationMs(range) ?? 3_600_000;
  // Live windows end on whole seconds so that query keys stay equal between ticks.
  const nowSeconds = Math.floor(now / 1000) * 1000;
  const window = useMemo(() => windowOf(nowSeconds, rangeMs, absolute), [nowSeconds, rangeMs, absolute]);
  const setAbsolute = useCallback(
    (start: Date, end: Date) => {
      setFrom(String(Math.floor(start.getTime() / 1000)));
      setTo(String(Math.ceil(end.getTime() / 1000)));
    },
    [setFrom, setTo],
  );
  const goLive = useCallback(() => {
    setFrom('');
    setTo('');
  }, [setFrom, setTo]);
  return { window, setAbsolute, goLive };
}
