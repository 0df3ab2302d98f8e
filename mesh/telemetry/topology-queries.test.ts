import { describe, expect, it } from 'vitest';
import { KIALI_GRAPH_GROUP_BY } from './kiali-graph';
import { TOPOLOGY_EDGE_LABELS, topologyLatencyQueries, topologyQueries } from './topology-queries';

const EDGE =
  'source_cluster,source_workload_namespace,source_workload,source_canonical_service,source_canonical_revision,destination_cluster,destination_service_namespace,destination_service,destination_service_name,destination_workload_namespace,destination_workload,destination_canonical_service,destination_canonical_revision';
const REQUEST_BY = `reporter,${EDGE.replace('destination_canonical_revision', 'destination_canonical_revision,request_protocol,response_code,grpc_response_status,response_flags')},connection_security_policy,source_principal,destination_principal`;

describe('topologyQueries', () => {
  it('queries the whole mesh with one term per metric', () => {
    const queries = topologyQueries({ namespaces: [], windowSeconds: 600 });
    expect(queries.map((q) => q.kind)).toEqual(['requests', 'requestBytes', 'responseBytes', 'tcpSent', 'tcpReceived']);
    expect(queries[0]?.query).toBe(`sum(rate(istio_requests_total{reporter=~"source|destination|waypoint"}[600s])) by (${REQUEST_BY}) > 0`);
    expect(queries[1]?.query).toBe(`sum(rate(istio_request_bytes_sum{reporter=~"source|destination|waypoint"}[600s])) by (reporter,${EDGE}) > 0`);
    expect(queries[2]?.query).toBe(`sum(rate(istio_response_bytes_sum{reporter=~"source|destination|waypoint"}[600s])) by (reporter,${EDGE}) > 0`);
    expect(queries[3]?.query).toBe(`sum(rate(istio_tcp_sent_bytes_total{reporter=~"source|destination|waypoint"}[600s])) by (reporter,${EDGE},connection_security_policy) > 0`);
    expect(queries[4]?.query).toBe(`sum(rate(istio_tcp_received_bytes_total{reporter=~"source|destination|waypoint"}[600s])) by (reporter,${EDGE},connection_security_policy) > 0`);
  });

  it('asks for latency quantiles per pair, and the histogram sum and count for the mean', () => {
    const queries = topologyLatencyQueries({ namespaces: [], windowSeconds: 600 });
    expect(queries.map((q) => q.kind)).toEqual(['latencyP50', 'latencyP95', 'latencyP99', 'durationSum', 'durationCount']);
    expect(queries[1]?.query).toBe(
      `histogram_quantile(0.95, sum(rate(istio_request_duration_milliseconds_bucket{reporter=~"source|destination|waypoint"}[600s])) by (le,reporter,${EDGE})) > 0`,
    );
    expect(queries[3]?.query).toBe(`sum(rate(istio_request_duration_milliseconds_sum{reporter=~"source|destination|waypoint"}[600s])) by (reporter,${EDGE}) > 0`);
    expect(queries[4]?.query).toBe(`sum(rate(istio_request_duration_milliseconds_count{reporter=~"source|destination|waypoint"}[600s])) by (reporter,${EDGE}) > 0`);
    const scoped = topologyLatencyQueries({ namespaces: ['bookinfo'], windowSeconds: 60 })[0]?.query ?? '';
    expect(scoped.split(' or ')).toHaveLength(3);
    expect(scoped.split(' or ').every((term) => term.startsWith('histogram_quantile(0.5, sum(rate(') && term.endsWith(')) > 0'))).toBe(true);
  });

  it('covers one namespace from each side in a single query', () => {
    const [requests] = topologyQueries({ namespaces: ['bookinfo'], windowSeconds: 60 });
    const term = (label: string) => `sum(rate(istio_requests_total{reporter=~"source|destination|waypoint",${label}="bookinfo"}[60s])) by (${REQUEST_BY}) > 0`;
    expect(requests?.query).toBe([term('source_workload_namespace'), term('destination_workload_namespace'), term('destination_service_namespace')].join(' or '));
  });

  it('covers many namespaces with one escaped regex, sorted and without repeats', () => {
    const [, durationSum] = topologyQueries({ namespaces: ['shop', 'a.b', 'bookinfo', 'shop'], windowSeconds: 3600 });
    const query = durationSum?.query ?? '';
    expect(query.split(' or ')).toHaveLength(3);
    expect(query).toContain('source_workload_namespace=~"a\\\\.b|bookinfo|shop"');
    expect(query).toContain('[3600s]');
  });

  it('keeps idle series when asked and rounds the window down to whole seconds', () => {
    const [requests] = topologyQueries({ namespaces: [], windowSeconds: 90.7, includeIdleEdges: true });
    expect(requests?.query.endsWith(`by (${REQUEST_BY})`)).toBe(true);
    expect(requests?.query).toContain('[90s]');
  });

  it('refuses a window under a second', () => {
    expect(() => topologyQueries({ namespaces: [], windowSeconds: 0.5 })).toThrow('rate window must be at least 1 s');
  });

  it('groups edges by Kiali labels without the response details', () => {
    expect(TOPOLOGY_EDGE_LABELS.join(',')).toBe(EDGE);
    expect(KIALI_GRAPH_GROUP_BY.filter((l) => !TOPOLOGY_EDGE_LABELS.includes(l))).toEqual(['request_protocol', 'response_code', 'grpc_response_status', 'response_flags']);
  });
});
