/**
 * What the topology's first request is made of, shared by the screen and by the route's prefetch
 * (prefetch.ts) so that both ask with the same key: the screen then finds the answer in flight or in
 * the cache instead of asking again.
 */
import { queryOptions } from '@tanstack/react-query';
import { topologyOverviewQueries } from '../../../../mesh/telemetry/topology-overview-queries';
import type { GraphType } from '../../../../mesh/topology/model';
import { PrometheusError } from '../../../api/telemetry-clients';
import type { PrometheusClient } from '../../../api/telemetry-clients';
import type { TimeWindow } from '../../../app/time-window';
import { fetchSamples } from './fetch-samples';

/** The instant and the scope every query of one graph is evaluated for. */
export interface GraphQueryScope {
  /** The namespaces asked for, sorted and unique; empty: the whole mesh. */
  readonly selection: readonly string[];
  readonly selectionKey: string;
  readonly graphType: GraphType;
  /** The rate window: the traffic window's length. */
  readonly windowSeconds: number;
  /** The evaluation instant: the traffic window's end. */
  readonly timeMs: number;
}

/** The namespaces as the queries take them: sorted, each once. */
export function normalizeSelection(namespaces: readonly string[]): readonly string[] {
  return [...new Set(namespaces)].sort();
}

/**
 * `selection` as normalizeSelection gives it (kept as given, so that its identity lasts);
 * `at`: evaluate at this instant rather than at the window's end (the rate window keeps the window's length).
 */
export function graphQueryScope(selection: readonly string[], graphType: GraphType, window: TimeWindow, at?: Date): GraphQueryScope {
  return {
    selection,
    selectionKey: `${selection.join(',')}|${graphType}`,
    graphType,
    windowSeconds: Math.max(1, Math.round((window.end.getTime() - window.start.getTime()) / 1000)),
    timeMs: (at ?? window.end).getTime(),
  };
}

/** The key every query of one graph starts with. */
export function graphQueryBase(prometheus: Pick<PrometheusClient, 'baseUrl'>, scope: GraphQueryScope) {
  return ['topology', prometheus.baseUrl, scope.windowSeconds, scope.timeMs] as const;
}

/** Bad queries are not worth repeating; the rest (unreachable, overloaded) are, twice. */
export function retryGraphQuery(failures: number, error: Error): boolean {
  if (error instanceof PrometheusError && (error.errorType === 'bad_data' || error.errorType === 'execution')) return false;
  return failures < 2;
}

/**
 * The namespace-level overview: always the first request (small on any mesh; its member counts
 * decide what is drawn at full detail). An answer for a fixed instant never goes stale: a new one is
 * asked for under a new key when the window moves, or by an explicit refetch.
 */
export function overviewQueryOptions(prometheus: Pick<PrometheusClient, 'baseUrl' | 'query'>, scope: GraphQueryScope) {
  return queryOptions({
    queryKey: [...graphQueryBase(prometheus, scope), 'overview', scope.selectionKey],
    queryFn: ({ signal }) =>
      fetchSamples(prometheus, topologyOverviewQueries({ namespaces: scope.selection, windowSeconds: scope.windowSeconds }, scope.graphType), new Date(scope.timeMs), signal),
    retry: retryGraphQuery,
    staleTime: Infinity,
  });
}
