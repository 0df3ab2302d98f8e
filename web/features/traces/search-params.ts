/** The trace search as it lives in the address bar, so that a search can be reloaded, shared and linked to. */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useUrlParam } from '../../app/url-state';
import { tagsFromUrl } from './tags';
import { TRACE_SORTS } from './trace-summary';
import type { TraceSort } from './trace-summary';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 1500;

export interface TraceSearchParams {
  readonly service: string;
  readonly operation: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly minDuration: string;
  readonly maxDuration: string;
  readonly limit: number;
}

const FIELDS = ['service', 'operation', 'tags', 'minDuration', 'maxDuration', 'limit'] as const;

export function parseLimit(text: string): number {
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? Math.min(value, MAX_LIMIT) : DEFAULT_LIMIT;
}

export function useTraceSearchParams(): {
  params: TraceSearchParams;
  /** Replaces the whole search in one history entry. */
  setParams(next: TraceSearchParams): void;
} {
  const [search, setSearch] = useSearchParams();
  const text = (name: (typeof FIELDS)[number]) => search.get(name) ?? '';
  const service = text('service');
  const operation = text('operation');
  const tags = text('tags');
  const minDuration = text('minDuration');
  const maxDuration = text('maxDuration');
  const limit = text('limit');
  const params = useMemo<TraceSearchParams>(
    () => ({ service, operation, tags: tagsFromUrl(tags), minDuration, maxDuration, limit: parseLimit(limit) }),
    [service, operation, tags, minDuration, maxDuration, limit],
  );
  const setParams = useCallback(
    (next: TraceSearchParams) =>
      setSearch((current) => {
        const updated = new URLSearchParams(current);
        const values: Record<(typeof FIELDS)[number], string> = {
          service: next.service,
          operation: next.operation,
          tags: Object.keys(next.tags).length ? JSON.stringify(next.tags) : '',
          minDuration: next.minDuration,
          maxDuration: next.maxDuration,
          limit: next.limit === DEFAULT_LIMIT ? '' : String(next.limit),
        };
        for (const name of FIELDS) {
          if (values[name]) updated.set(name, values[name]);
          else updated.delete(name);
        }
        return updated;
      }),
    [setSearch],
  );
  return { params, setParams };
}

export function useTraceSort(): [TraceSort, (sort: TraceSort) => void] {
  // Not `sort`: a detail page's other tabs may sort their own tables.
  const [text, setText] = useUrlParam('order');
  const sort = TRACE_SORTS.find((candidate) => candidate === text) ?? 'recent';
  return [sort, useCallback((next: TraceSort) => setText(next === 'recent' ? '' : next, { replace: true }), [setText])];
}
