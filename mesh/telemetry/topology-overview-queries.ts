/**
 * The namespace-level PromQL of the topology's overview: what a big mesh's graph opens with, one node
 * per namespace. The same metrics as topology-queries.ts, summed by the namespaces at either end
 * instead of the workloads, so that the answer has a few hundred samples whatever the mesh's size.
 * Requests no workload answered keep their service labels: they become external or service nodes.
 * `members` counts, per namespace, the graph nodes with inbound traffic in the window: how big each
 * namespace would be opened, and whether the whole mesh fits at full detail.
 */
import type { GraphType } from '../topology/model';
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
import type { TopologyQuery, TopologyQueryOptions } from './topology-queries';
import { QUANTILES, rateWindow, sumRateBy } from './topology-queries';

/** The ends of an edge at namespace level. */
export const OVERVIEW_EDGE_LABELS: readonly string[] = [
  'reporter',
  'source_cluster',
  'source_workload_namespace',
  'destination_cluster',
  'destination_workload_namespace',
  'destination_service_namespace',
];

const RESPONSE_LABELS = ['request_protocol', 'response_code', 'grpc_response_status', 'response_flags', 'connection_security_policy'];
const UNANSWERED_LABELS = ['destination_service', 'destination_service_name'];
const ANSWERED = ',destination_workload!="unknown"';
const UNANSWERED = ',destination_workload="unknown"';

/** Answered requests by namespaces, `or` unanswered ones by namespaces and service. */
function overviewSum(metric: string, options: TopologyQueryOptions, extra: readonly string[], wrap?: (sum: string) => string): string {
  const answered = sumRateBy(metric, options, [...OVERVIEW_EDGE_LABELS, ...extra], wrap, ANSWERED);
  const unanswered = sumRateBy(metric, options, [...OVERVIEW_EDGE_LABELS, ...extra, ...UNANSWERED_LABELS], wrap, UNANSWERED);
  return `(${answered}) or (${unanswered})`;
}

/** What makes one node of each graph type, on the answering side. */
const MEMBER_LABELS: Readonly<Record<GraphType, readonly string[]>> = {
  workload: ['destination_workload'],
  app: ['destination_canonical_service'],
  versionedApp: ['destination_canonical_service', 'destination_canonical_revision'],
  service: ['destination_service_name'],
};

function membersQuery(options: TopologyQueryOptions, graphType: GraphType): string {
  const namespaces = [...new Set(options.namespaces)].sort();
  const selection =
    namespaces.length === 0 ? '' : `,destination_workload_namespace=~${promString(namespaces.map(regexLiteral).join('|'))}`;
  const by = ['destination_workload_namespace', ...MEMBER_LABELS[graphType]].join(',');
  const window = rateWindow(options.windowSeconds);
  return `count by (destination_workload_namespace) (sum by (${by}) (rate(${ISTIO_REQUESTS_TOTAL}{reporter="destination"${ANSWERED}${selection}}[${window}])) > 0)`;
}

/** What the first drawing needs: requests and TCP traffic at namespace level, and the member counts. */
export function topologyOverviewQueries(options: TopologyQueryOptions, graphType: GraphType): TopologyQuery[] {
  return [
    { kind: 'members', query: membersQuery(options, graphType) },
    { kind: 'requests', query: overviewSum(ISTIO_REQUESTS_TOTAL, options, RESPONSE_LABELS) },
    { kind: 'tcpSent', query: overviewSum(ISTIO_TCP_SENT_BYTES_TOTAL, options, ['connection_security_policy']) },
    { kind: 'tcpReceived', query: overviewSum(ISTIO_TCP_RECEIVED_BYTES_TOTAL, options, ['connection_security_policy']) },
  ];
}

/**
 * What fills in after the first drawing: response times per namespace pair (p50, p95, p99 in ms, and
 * the histogram's sum and count for the mean) and HTTP throughput.
 */
export function topologyOverviewLatencyQueries(options: TopologyQueryOptions): TopologyQuery[] {
  const duration = histogramSeries(ISTIO_REQUEST_DURATION_MILLISECONDS);
  const quantiles = QUANTILES.map(([kind, q]): TopologyQuery => ({
    kind,
    query: overviewSum(duration.bucket, { ...options, includeIdleEdges: true }, ['le'], (sum) => `histogram_quantile(${q}, ${sum}) > 0`),
  }));
  return [
    ...quantiles,
    { kind: 'durationSum', query: overviewSum(duration.sum, options, []) },
    { kind: 'durationCount', query: overviewSum(duration.count, options, []) },
    { kind: 'requestBytes', query: overviewSum(histogramSeries(ISTIO_REQUEST_BYTES).sum, options, []) },
    { kind: 'responseBytes', query: overviewSum(histogramSeries(ISTIO_RESPONSE_BYTES).sum, options, []) },
  ];
}
