/**
 * The topology graph of the selected namespaces and graph type: Prometheus traffic over the time
 * window (rate window = the window's length, evaluated at its end or at the replay time, as Kiali
 * does) joined with the live Kubernetes objects.
 *
 * Order of requests: the namespace-level overview first (small on any mesh; its member counts decide
 * whether the selection fits at full detail, see detail-scope.ts), then the workload-level traffic of
 * what is drawn at full detail, then latency (the histogram queries are by far the heaviest): the graph
 * shows as soon as traffic is in, and latency fills in afterwards without delaying it.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { topologyOverviewLatencyQueries } from '../../../../mesh/telemetry/topology-overview-queries';
import { topologyLatencyQueries, topologyQueries } from '../../../../mesh/telemetry/topology-queries';
import { buildTopology } from '../../../../mesh/topology/build';
import type { TopologySamples } from '../../../../mesh/topology/build';
import type { GraphType, TopologyGraph } from '../../../../mesh/topology/model';
import { memberCounts, mergeSamples, overviewOutside } from '../../../../mesh/topology/overview';
import { stabilizeGraph } from '../../../../mesh/topology/stabilize';
import { useTelemetryClients } from '../../../api/telemetry-clients';
import type { TimeWindow } from '../../../app/time-window';
import { MAX_DRAWN_NODES } from '../view/derive';
import { detailScope } from './detail-scope';
import type { DetailScope } from './detail-scope';
import { fetchSamples } from './fetch-samples';
import { graphQueryBase, graphQueryScope, normalizeSelection, overviewQueryOptions, retryGraphQuery } from './overview-query';
import { useMeshIndex } from './mesh-objects';

export interface TopologyGraphOptions {
  /** Empty: the whole mesh. */
  readonly namespaces: readonly string[];
  readonly graphType: GraphType;
  readonly window: TimeWindow;
  /** Replay: the graph as of this time (rate window = the window's length ending here). */
  readonly at?: Date;
  /** Show workloads without traffic in the window. */
  readonly idleNodes: boolean;
  /** Boxes the user expanded: in the overview, the namespaces among them are drawn at full detail. */
  readonly expandedBoxes: readonly string[];
  /**
   * Hold the latency queries back (e.g. until the graph is drawn): on a big mesh they are heavy
   * enough to delay whatever the same server answers next.
   */
  readonly deferLatency?: boolean;
  readonly refetchIntervalMs?: number;
}

export interface TopologyGraphResult {
  readonly graph?: TopologyGraph;
  readonly isLoading: boolean;
  /** Traffic or Kubernetes failures (Prometheus ones are the adapter's PrometheusError / ServiceUnreachableError). */
  readonly error?: Error;
  readonly isFetching: boolean;
  readonly refetch: () => void;
  /** Unix ms of the last successful load (0 before). */
  readonly dataUpdatedAt: number;
  /** True while latency figures are still on their way (edges show traffic without latency meanwhile). */
  readonly latencyPending: boolean;
  /** Latency queries failed; the graph shows without latency. */
  readonly latencyError?: Error;
  /** The graph is the overview: namespaces are single nodes, except the ones opened. */
  readonly overview: boolean;
}

/** Samples with the namespaces they were queried at full detail for (they may lag behind the scope while new ones load). */
interface ScopedSamples {
  readonly namespaces: readonly string[];
  readonly samples: TopologySamples;
}

/** The scope decided on the first overview of a selection stays while the selection does (no flipping on refresh). */
function useStickyScope(
  members: ReadonlyMap<string, number> | undefined,
  selection: readonly string[],
  selectionKey: string,
  expandedBoxes: readonly string[],
): DetailScope | undefined {
  const decided = useMemo(() => (members ? detailScope(members, selection, expandedBoxes, MAX_DRAWN_NODES) : undefined), [members, selection, expandedBoxes]);
  const [sticky, setSticky] = useState<{ key: string; overview: boolean } | undefined>(undefined);
  if (decided && sticky?.key !== selectionKey) setSticky({ key: selectionKey, overview: decided.overview });
  if (!decided || !members) return undefined;
  const overview = sticky?.key === selectionKey ? sticky.overview : decided.overview;
  if (overview === decided.overview) return decided;
  // The mesh crossed the threshold since: keep the mode the user has been looking at.
  return overview ? detailScope(members, selection, expandedBoxes, -1) : { overview: false, namespaces: selection };
}

export function useTopologyGraph(options: TopologyGraphOptions): TopologyGraphResult {
  const { prometheus } = useTelemetryClients();
  const selection = useMemo(() => normalizeSelection(options.namespaces), [options.namespaces]);
  const scopeNow = useMemo(() => graphQueryScope(selection, options.graphType, options.window, options.at), [selection, options.graphType, options.window, options.at]);
  const { timeMs, windowSeconds, selectionKey } = scopeNow;
  const time = useMemo(() => new Date(timeMs), [timeMs]);
  const common = { retry: retryGraphQuery, staleTime: Infinity, placeholderData: keepPreviousData, refetchInterval: options.refetchIntervalMs ?? false } as const;
  const base = graphQueryBase(prometheus, scopeNow);

  const overviewQuery = useQuery({ ...overviewQueryOptions(prometheus, scopeNow), ...common });
  const members = useMemo(() => (overviewQuery.data ? memberCounts(overviewQuery.data) : undefined), [overviewQuery.data]);
  const scope = useStickyScope(members, selection, selectionKey, options.expandedBoxes);
  const detailKey = scope?.namespaces.join(',') ?? '';
  const needDetail = scope !== undefined && (!scope.overview || scope.namespaces.length > 0);

  const detailQuery = useQuery({
    queryKey: [...base, 'traffic', detailKey],
    queryFn: async ({ signal }): Promise<ScopedSamples> => {
      const namespaces = scope?.namespaces ?? [];
      return { namespaces, samples: await fetchSamples(prometheus, topologyQueries({ namespaces, windowSeconds }), time, signal) };
    },
    enabled: needDetail,
    ...common,
  });
  const meshIndex = useMeshIndex(scope ? (scope.overview ? scope.namespaces : 'all') : undefined);
  const { mesh } = meshIndex;
  const detail = needDetail ? detailQuery.data : undefined;
  const trafficReady = Boolean(overviewQuery.data && mesh && (!needDetail || detail));
  const trafficSettled = trafficReady && !options.deferLatency && !overviewQuery.isFetching && !(needDetail && detailQuery.isFetching);

  const overviewLatencyQuery = useQuery({
    queryKey: [...base, 'overviewLatency', selectionKey],
    queryFn: ({ signal }) => fetchSamples(prometheus, topologyOverviewLatencyQueries({ namespaces: selection, windowSeconds }), time, signal),
    enabled: trafficSettled && scope?.overview === true,
    ...common,
  });
  const detailLatencyQuery = useQuery({
    queryKey: [...base, 'latency', detailKey],
    queryFn: async ({ signal }): Promise<ScopedSamples> => {
      const namespaces = scope?.namespaces ?? [];
      return { namespaces, samples: await fetchSamples(prometheus, topologyLatencyQueries({ namespaces, windowSeconds }), time, signal) };
    },
    enabled: trafficSettled && needDetail,
    ...common,
  });

  const overview = scope?.overview === true;
  const overviewData = overviewQuery.data;
  const overviewLatency = overview ? overviewLatencyQuery.data : undefined;
  const detailLatency = needDetail ? detailLatencyQuery.data : undefined;
  const built = useMemo(() => {
    if (!overviewData || !mesh || (needDetail && !detail)) return undefined;
    const detailNamespaces = detail?.namespaces ?? [];
    // Latency counts only when it was asked for the same namespaces as the traffic it goes with.
    const sameScope = detailLatency && detailLatency.namespaces.join(',') === detailNamespaces.join(',');
    const detailSamples = mergeSamples(detail?.samples ?? {}, sameScope ? detailLatency.samples : {});
    const samples = overview
      ? mergeSamples(detailSamples, overviewOutside(mergeSamples(overviewData, overviewLatency ?? {}), new Set(detailNamespaces)))
      : detailSamples;
    return buildTopology(samples, mesh, {
      graphType: options.graphType,
      namespaces: overview ? detailNamespaces : selection,
      idleNodes: options.idleNodes,
      timestamp: timeMs,
      windowSeconds,
      detailNamespaces: overview ? detailNamespaces : undefined,
    });
  }, [overviewData, mesh, needDetail, detail, detailLatency, overview, overviewLatency, options.graphType, selection, options.idleNodes, timeMs, windowSeconds]);
  // Unchanged content keeps its identity from one refresh to the next (derived state, updated in render).
  const [stable, setStable] = useState<{ built?: TopologyGraph; graph?: TopologyGraph }>({});
  let graph = stable.graph;
  if (built !== stable.built) {
    graph = built ? stabilizeGraph(stable.graph, built) : undefined;
    setStable({ built, graph });
  }

  const queries = [overviewQuery, detailQuery, overviewLatencyQuery, detailLatencyQuery];
  const { refetch: refetchOverview } = overviewQuery;
  const { refetch: refetchDetail } = detailQuery;
  const { refetch: refetchOverviewLatency } = overviewLatencyQuery;
  const { refetch: refetchDetailLatency } = detailLatencyQuery;
  // Traffic first: the latency requests queue behind it. (A refetch runs even a disabled query: hence the conditions.)
  const refetch = useCallback(() => {
    void refetchOverview();
    if (needDetail) void refetchDetail();
    if (overview) void refetchOverviewLatency();
    if (needDetail) void refetchDetailLatency();
  }, [refetchOverview, refetchDetail, refetchOverviewLatency, refetchDetailLatency, needDetail, overview]);
  const latency = overview ? overviewLatencyQuery : detailLatencyQuery;
  const trafficError = overviewQuery.error ?? (needDetail ? detailQuery.error : null);

  return {
    graph,
    isLoading: !graph && !trafficError && !meshIndex.error,
    error: trafficError ?? meshIndex.error,
    isFetching: queries.some((q) => q.isFetching),
    refetch,
    dataUpdatedAt: Math.max(overviewQuery.dataUpdatedAt, needDetail ? detailQuery.dataUpdatedAt : 0),
    latencyPending: !latency.error && (latency.isFetching || latency.isPending),
    latencyError: latency.error ?? undefined,
    overview,
  };
}
