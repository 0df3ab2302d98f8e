/**
 * The PromQL the topology graph needs, as few queries as possible whatever the number of namespaces:
 * each query covers every reporter (the graph prefers the client's report, see mesh/topology/build) and
 * every selected namespace at once (one regex; an empty selection means the whole mesh). A namespace
 * selection keeps traffic with either end in the namespaces: requests sent by their workloads, received
 * by them, or addressed to their services (also when no workload answered, as Kiali's
 * "incoming-unserviced" query does). Zero rates are dropped (Kiali's "> 0").
 *
 * Latency is a separate set (`topologyLatencyQueries`): the duration histogram has some twenty series
 * per request series, so at scale it is by far the slowest part; the console asks for it beside the
 * traffic queries and shows the graph before it arrives. Quantiles are computed by Prometheus per
 * caller→workload pair (shipping the buckets would mean hundreds of thousands of samples at 10k pods).
 */
import { KIALI_GRAPH_GROUP_BY } from './kiali-graph';
import type { IstioLabel } from './labels';
import {
  ISTIO_REQUESTS_TOTAL,
  ISTIO_REQUEST_BYTES,
  ISTIO_REQUEST_DURATION_MILLISECONDS,
  ISTIO_RESPONSE_BYTES,
  ISTIO_TCP_RECEIVED_BYTES_TOTAL,
  ISTIO_TCP_SENT_BYTES_TOTAL,
  histogramSeries,
} from './metrics';
import { promString, regexLiteral } from './promql';

export type TopologyQueryKind =
  | 'requests'
  | 'requestBytes'
  | 'responseBytes'
  | 'tcpSent'
  | 'tcpReceived'
  | 'latencyP50'
  | 'latencyP95'
  | 'latencyP99'
  | 'durationSum'
  | 'durationCount'
  /** Overview only: members (per graph type) with traffic in the window, counted per namespace. */
  | 'members';

export interface TopologyQuery {
  readonly kind: TopologyQueryKind;
  readonly query: string;
}

export interface TopologyQueryOptions {
  /** Namespaces to cover; empty for the whole mesh. */
  readonly namespaces: readonly string[];
  /** Rate window in whole seconds (the console uses the selected time range's length). */
  readonly windowSeconds: number;
  /** Keep series whose rate is 0 in the window (Kiali's idle edges). */
  readonly includeIdleEdges?: boolean;
}

const REPORTERS = 'reporter=~"source|destination|waypoint"';

/** Who called whom: the edge labels without response details. */
export const TOPOLOGY_EDGE_LABELS: readonly IstioLabel[] = KIALI_GRAPH_GROUP_BY.filter(
  (l) => l !== 'response_code' && l !== 'grpc_response_status' && l !== 'response_flags' && l !== 'request_protocol',
);

/** Kiali's request group-by plus mTLS and the peers' identities (one principal per workload, so cheap). */
export const TOPOLOGY_REQUEST_LABELS: readonly string[] = [
  'reporter',
  ...KIALI_GRAPH_GROUP_BY,
  'connection_security_policy',
  'source_principal',
  'destination_principal',
];

const EDGE_BY = ['reporter', ...TOPOLOGY_EDGE_LABELS];
const TCP_BY = [...EDGE_BY, 'connection_security_policy'];

/** Namespace sides a selection matches on: sender, receiving workload, addressed service. */
const NAMESPACE_LABELS: readonly IstioLabel[] = ['source_workload_namespace', 'destination_workload_namespace', 'destination_service_namespace'];

export function namespaceMatchers(namespaces: readonly string[]): string[] {
  if (namespaces.length === 0) return [''];
  const unique = [...new Set(namespaces)].sort();
  const value = unique.length === 1 ? `=${promString(unique[0] ?? '')}` : `=~${promString(unique.map(regexLiteral).join('|'))}`;
  return NAMESPACE_LABELS.map((label) => `,${label}${value}`);
}

export function rateWindow(windowSeconds: number): string {
  const seconds = Math.floor(windowSeconds);
  if (!(seconds >= 1)) throw new RangeError(`rate window must be at least 1 s, got ${windowSeconds}`);
  return `${seconds}s`;
}

/**
 * `sum(rate(<metric>{reporters<ns><extra>}[w])) by (…) > 0`, one term per namespace side joined with
 * `or`; `wrap` turns each sum into the term (e.g. a histogram_quantile around it); `extraMatchers`
 * (`,label="value"…`) narrow every term.
 */
export function sumRateBy(
  metric: string,
  options: TopologyQueryOptions,
  by: readonly string[],
  wrap: (sum: string) => string = (sum) => sum,
  extraMatchers = '',
): string {
  const window = rateWindow(options.windowSeconds);
  const idle = options.includeIdleEdges ? '' : ' > 0';
  return namespaceMatchers(options.namespaces)
    .map((ns) => `${wrap(`sum(rate(${metric}{${REPORTERS}${ns}${extraMatchers}}[${window}])) by (${by.join(',')})`)}${idle}`)
    .join(' or ');
}

/**
 * The traffic queries of one graph refresh. Each metric has its own query: summing two metrics in one
 * selector (`{__name__=~"a|b"}`) fails on a real Prometheus once rate() drops the names and label sets collide.
 */
export function topologyQueries(options: TopologyQueryOptions): TopologyQuery[] {
  return [
    { kind: 'requests', query: sumRateBy(ISTIO_REQUESTS_TOTAL, options, TOPOLOGY_REQUEST_LABELS) },
    { kind: 'requestBytes', query: sumRateBy(histogramSeries(ISTIO_REQUEST_BYTES).sum, options, EDGE_BY) },
    { kind: 'responseBytes', query: sumRateBy(histogramSeries(ISTIO_RESPONSE_BYTES).sum, options, EDGE_BY) },
    { kind: 'tcpSent', query: sumRateBy(ISTIO_TCP_SENT_BYTES_TOTAL, options, TCP_BY) },
    { kind: 'tcpReceived', query: sumRateBy(ISTIO_TCP_RECEIVED_BYTES_TOTAL, options, TCP_BY) },
  ];
}

export const QUANTILES: readonly [TopologyQueryKind, number][] = [
  ['latencyP50', 0.5],
  ['latencyP95', 0.95],
  ['latencyP99', 0.99],
];

/** Response time per caller→workload pair: p50, p95, p99 (ms), and the histogram's sum and count for the mean. */
export function topologyLatencyQueries(options: TopologyQueryOptions): TopologyQuery[] {
  const duration = histogramSeries(ISTIO_REQUEST_DURATION_MILLISECONDS);
  // A quantile of an empty histogram is NaN, which "> 0" drops; so the filter applies even for idle edges.
  const quantiles = QUANTILES.map(([kind, q]): TopologyQuery => ({
    kind,
    query: sumRateBy(duration.bucket, { ...options, includeIdleEdges: true }, ['le', ...EDGE_BY], (sum) => `histogram_quantile(${q}, ${sum}) > 0`),
  }));
  return [
    ...quantiles,
    { kind: 'durationSum', query: sumRateBy(duration.sum, options, EDGE_BY) },
    { kind: 'durationCount', query: sumRateBy(duration.count, options, EDGE_BY) },
  ];
}
