/**
 * The queries the console sends, built with the same mesh/telemetry builders it uses, over the
 * namespaces and workloads of the synthetic history: Kiali's namespace graph queries and the
 * metric-dashboard queries (rates, errors, latency quantiles and averages, TCP throughput).
 */
import {
  errorRate,
  errorRatio,
  latencyAverage,
  latencyQuantile,
  namespaceGraphQueries,
  requestRate,
  tcpByteRate,
  type TrafficQuery,
} from '../../../mesh/telemetry';

const NAMESPACES = ['bookinfo', 'shop', 'istio-system'];

const graphQueries = [
  ...namespaceGraphQueries(NAMESPACES, '1m'),
  ...namespaceGraphQueries(['bookinfo'], '5m', { round: true }),
  ...namespaceGraphQueries(['bookinfo'], '2m', { includeIdleEdges: true }),
].map((q) => q.query);

/** The scopes a dashboard asks about: a namespace, a workload, a service, each way. */
const scopes: TrafficQuery[] = [
  { namespace: 'bookinfo' },
  { namespace: 'bookinfo', by: ['destination_workload', 'response_code'] },
  { direction: 'outbound', namespace: 'bookinfo', workload: 'productpage-v1', by: ['destination_service'] },
  { app: 'reviews', by: ['destination_version'], window: '5m' },
  { service: 'ratings.bookinfo.svc.cluster.local', reporter: ['source', 'destination'], by: ['reporter'] },
  { namespace: 'shop', workload: 'cart-v1', window: '2m' },
];

const dashboardQueries = scopes.flatMap((q) => [
  requestRate(q),
  errorRate(q),
  errorRate({ ...q, includeClientErrors: true }),
  errorRatio(q),
  latencyQuantile(0.5, q),
  latencyQuantile(0.95, q),
  latencyQuantile(0.99, q),
  latencyAverage(q),
]);

export const CONSOLE_QUERIES: readonly string[] = [
  ...graphQueries,
  ...dashboardQueries,
  tcpByteRate('sent', { namespace: 'bookinfo' }),
  tcpByteRate('received', { direction: 'outbound', namespace: 'bookinfo' }),
];
