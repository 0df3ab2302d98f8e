/**
 * What the URL says about which graph to query (graph type, traffic window, replay time), read the
 * same way by the screen's view state and by the route's prefetch, which runs before the screen's
 * code has loaded.
 */
import { GRAPH_TYPES } from '../../../mesh/topology/model';
import type { GraphType } from '../../../mesh/topology/model';
import type { TimeWindow } from '../../app/time-window';
import { durationMs } from '../../app/url-state';

export const DEFAULT_GRAPH_TYPE: GraphType = 'versionedApp';

/**
 * How much traffic each edge's figures average over, ending at the replay time (as Kiali's graph
 * duration): the last minute by default, so the graph shows what happens now and stays cheap to query
 * on a large mesh; "range" takes the whole global window.
 */
export const TRAFFIC_WINDOW_OPTIONS = [
  { value: '1m', label: 'Traffic: last 1m' },
  { value: '5m', label: 'Traffic: last 5m' },
  { value: '15m', label: 'Traffic: last 15m' },
  { value: '1h', label: 'Traffic: last 1h' },
  { value: 'range', label: 'Traffic: whole range' },
] as const;
export type TrafficWindow = (typeof TRAFFIC_WINDOW_OPTIONS)[number]['value'];
export const DEFAULT_TRAFFIC_WINDOW: TrafficWindow = '1m';

export function oneOf<T extends string>(values: readonly T[], text: string, fallback: T): T {
  return values.find((v) => v === text) ?? fallback;
}

export function parseGraphType(text: string): GraphType {
  return oneOf(GRAPH_TYPES, text, DEFAULT_GRAPH_TYPE);
}

export function parseTrafficWindow(text: string): TrafficWindow {
  return oneOf(
    TRAFFIC_WINDOW_OPTIONS.map((o) => o.value),
    text,
    DEFAULT_TRAFFIC_WINDOW,
  );
}

/** `at` is Unix seconds within the window; anything else means "the window's end". */
export function parseAt(text: string, start: Date, end: Date): Date | undefined {
  if (!/^\d{9,11}$/.test(text)) return undefined;
  const ms = Number(text) * 1000;
  return ms > start.getTime() && ms < end.getTime() ? new Date(ms) : undefined;
}

/** The window the graph's rates are taken over: `traffic` long (at most the global window), ending at `at` or the window's end. */
export function trafficWindowOf(window: TimeWindow, at: Date | undefined, traffic: TrafficWindow): TimeWindow {
  const end = at ?? window.end;
  const whole = window.end.getTime() - window.start.getTime();
  const length = traffic === 'range' ? whole : Math.min(whole, durationMs(traffic) ?? whole);
  return { ...window, start: new Date(end.getTime() - length), end };
}
