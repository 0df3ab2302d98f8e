/**
 * UI state that belongs in the address bar, so that reload and share keep it: the namespaces,
 * time range and refresh interval the whole console uses, and each screen's filters and selection.
 */
import { useCallback, useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { NavigateFunction } from 'react-router';

export const TIME_RANGES = ['5m', '15m', '30m', '1h', '3h', '6h', '12h', '24h'] as const;
export type TimeRange = (typeof TIME_RANGES)[number];
export const DEFAULT_TIME_RANGE: TimeRange = '1h';

export const REFRESH_INTERVALS = ['off', '5s', '10s', '30s', '1m'] as const;
export type RefreshInterval = (typeof REFRESH_INTERVALS)[number];
export const DEFAULT_REFRESH: RefreshInterval = 'off';

/** Parameters that follow the user from screen to screen; all others belong to one screen. */
export const GLOBAL_PARAMS = ['ns', 'range', 'refresh', 'from', 'to'] as const;

export interface SetOptions {
  /** Replace the history entry instead of adding one (typing, cursor moves). */
  replace?: boolean;
}

/**
 * Changes made in the same tick (say, clearing two filters at once) are merged into one navigation
 * applied to the address bar as it is then, so that no change overwrites another with stale values.
 */
const pendingChanges: ((params: URLSearchParams) => void)[] = [];
let pendingReplace = true;

function changeSearch(navigate: NavigateFunction, change: (params: URLSearchParams) => void, replace: boolean) {
  pendingChanges.push(change);
  pendingReplace &&= replace;
  if (pendingChanges.length > 1) return;
  queueMicrotask(() => {
    const params = new URLSearchParams(window.location.search);
    for (const apply of pendingChanges.splice(0)) apply(params);
    const search = params.toString();
    void navigate({ pathname: window.location.pathname, search: search ? `?${search}` : '' }, { replace: pendingReplace });
    pendingReplace = true;
  });
}

/** One query parameter as a string ('' when absent); setting '' removes it. */
export function useUrlParam(name: string): [string, (value: string, options?: SetOptions) => void] {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const value = params.get(name) ?? '';
  const setValue = useCallback(
    (next: string, options: SetOptions = {}) =>
      changeSearch(
        navigate,
        (current) => {
          if (next) current.set(name, next);
          else current.delete(name);
        },
        options.replace ?? false,
      ),
    [name, navigate],
  );
  return [value, setValue];
}

/** A comma-separated list parameter, e.g. `?ns=bookinfo,online-shop`. */
export function useUrlList(name: string): [readonly string[], (values: readonly string[], options?: SetOptions) => void] {
  const [text, setText] = useUrlParam(name);
  const values = useMemo(() => parseList(text), [text]);
  const setValues = useCallback(
    (next: readonly string[], options?: SetOptions) => setText([...new Set(next)].join(','), options),
    [setText],
  );
  return [values, setValues];
}

export function parseList(text: string): readonly string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

function oneOf<T extends string>(allowed: readonly T[], value: string, fallback: T): T {
  return allowed.find((candidate) => candidate === value) ?? fallback;
}

/** The namespaces in view; empty means all of them. */
export function useNamespaces(): [readonly string[], (namespaces: readonly string[]) => void] {
  return useUrlList('ns');
}

export function useTimeRange(): [TimeRange, (range: TimeRange) => void] {
  const [text, setText] = useUrlParam('range');
  const range = oneOf(TIME_RANGES, text, DEFAULT_TIME_RANGE);
  return [range, useCallback((next: TimeRange) => setText(next === DEFAULT_TIME_RANGE ? '' : next), [setText])];
}

export function useRefreshInterval(): [RefreshInterval, (interval: RefreshInterval) => void] {
  const [text, setText] = useUrlParam('refresh');
  const interval = oneOf(REFRESH_INTERVALS, text, DEFAULT_REFRESH);
  return [interval, useCallback((next: RefreshInterval) => setText(next === DEFAULT_REFRESH ? '' : next), [setText])];
}

/** Milliseconds for "5m", "10s", "1h"; undefined for "off". */
export function durationMs(text: string): number | undefined {
  const match = /^(\d+)([smh])$/.exec(text);
  if (!match) return undefined;
  const unit = { s: 1_000, m: 60_000, h: 3_600_000 }[match[2] as 's' | 'm' | 'h'];
  return Number(match[1]) * unit;
}

/** The global part of a query string, for links to other screens: `?ns=bookinfo&range=3h`. */
export function carriedSearch(search: string): string {
  const current = new URLSearchParams(search);
  const kept = new URLSearchParams();
  for (const name of GLOBAL_PARAMS) {
    const value = current.get(name);
    if (value) kept.set(name, value);
  }
  const text = kept.toString();
  return text ? `?${text}` : '';
}

export function useCarriedSearch(): string {
  const [params] = useSearchParams();
  return carriedSearch(params.toString());
}
