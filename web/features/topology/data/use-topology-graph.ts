/**
 * The topology graph of the selected namespaces and graph type: Prometheus traffic over the time
 * window (rate window = the window's length, evaluated at its end or at the replay time, as Kiali
 * does) joined with the live Kubernetes objects. Traffic and latency are separate requests: the graph
 * shows as soon as traffic is in, and latency fills in when its (much heavier) queries answer.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { topologyLatencyQueries, topologyQueries } from '../../../../mesh/telemetry/topology-queries';
import { buildTopology } from '../../../../mesh/topology/build';
import type { TopologySamples } from '../../../../mesh/topology/build';
import type { GraphType, TopologyGraph } from '../../../../mesh/topology/model';
import { stabilizeGraph } from '../../../../mesh/topology/stabilize';
import { PrometheusError, useTelemetryClients } from '../../../api/telemetry-clients';
import type { TimeWindow } from '../../../app/time-window';
import { fetchSamples } from './fetch-samples';
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
}

function retry(failures: number, error: Error): boolean {
  if (error instanceof PrometheusError && (error.errorType === 'bad_data' || error.errorType === 'execution')) return false;
  return failures < 2;
}

export function useTopologyGraph(options: TopologyGraphOptions): TopologyGraphResult {
  const { prometheus } = useTelemetryClients();
  const meshIndex = useMeshIndex();
  const timeMs = (options.at ?? options.window.end).getTime();
  const windowSeconds = Math.max(1, Math.round((options.window.end.getTime() - options.window.start.getTime()) / 1000));
  const namespaces = useMemo(() => [...new Set(options.namespaces)].sort(), [options.namespaces]);
  const namespaceKey = namespaces.join(',');

  const common = {
    retry,
    placeholderData: keepPreviousData,
    refetchInterval: options.refetchIntervalMs ?? false,
  } as const;
  const traffic = useQuery({
    queryKey: ['topology', 'traffic', prometheus.baseUrl, namespaceKey, windowSeconds, timeMs],
    queryFn: ({ signal }) => fetchSamples(prometheus, topologyQueries({ namespaces, windowSeconds }), new Date(timeMs), signal),
    ...common,
  });
  const latency = useQuery({
    queryKey: ['topology', 'latency', prometheus.baseUrl, namespaceKey, windowSeconds, timeMs],
    queryFn: ({ signal }) => fetchSamples(prometheus, topologyLatencyQueries({ namespaces, windowSeconds }), new Date(timeMs), signal),
    ...common,
  });

  const { mesh } = meshIndex;
  const built = useMemo(() => {
    if (!traffic.data || !mesh) return undefined;
    const samples: TopologySamples = { ...traffic.data, ...(latency.data ?? {}) };
    return buildTopology(samples, mesh, {
      graphType: options.graphType,
      namespaces,
      idleNodes: options.idleNodes,
      timestamp: timeMs,
      windowSeconds,
    });
  }, [traffic.data, latency.data, mesh, options.graphType, namespaces, options.idleNodes, timeMs, windowSeconds]);
  // Unchanged content keeps its identity from one refresh to the next (derived state, updated in render).
  const [stable, setStable] = useState<{ built?: TopologyGraph; graph?: TopologyGraph }>({});
  let graph = stable.graph;
  if (built !== stable.built) {
    graph = built ? stabilizeGraph(stable.graph, built) : undefined;
    setStable({ built, graph });
  }

  const { refetch: refetchTraffic } = traffic;
  const { refetch: refetchLatency } = latency;
  const refetch = useCallback(() => {
    void refetchTraffic();
    void refetchLatency();
  }, [refetchTraffic, refetchLatency]);

  return {
    graph,
    isLoading: !graph && (traffic.isPending || meshIndex.isLoading) && !traffic.error && !meshIndex.error,
    error: traffic.error ?? meshIndex.error,
    isFetching: traffic.isFetching || latency.isFetching,
    refetch,
    dataUpdatedAt: traffic.dataUpdatedAt,
    latencyPending: latency.isFetching || (latency.isPending && !latency.error),
    latencyError: latency.error ?? undefined,
  };
}
