import { parser } from '@prometheus-io/lezer-promql';
import { describe, expect, it } from 'vitest';
import { OVERVIEW_EDGE_LABELS, topologyOverviewLatencyQueries, topologyOverviewQueries } from './topology-overview-queries';

function parses(query: string): boolean {
  let error = false;
  parser.parse(query).iterate({
    enter: (node) => {
      if (node.type.isError) error = true;
    },
  });
  return !error;
}

describe('topology overview queries', () => {
  it('sums traffic by the namespaces at either end, keeping service labels only for unanswered requests', () => {
    const [members, requests] = topologyOverviewQueries({ namespaces: [], windowSeconds: 60 }, 'versionedApp');
    expect(members?.query).toBe(
      'count by (destination_workload_namespace) (sum by (destination_workload_namespace,destination_canonical_service,destination_canonical_revision) (rate(istio_requests_total{reporter="destination",destination_workload!="unknown"}[60s])) > 0)',
    );
    const by = OVERVIEW_EDGE_LABELS.join(',');
    expect(requests?.query).toBe(
      `(sum(rate(istio_requests_total{reporter=~"source|destination|waypoint",destination_workload!="unknown"}[60s])) by (${by},request_protocol,response_code,grpc_response_status,response_flags,connection_security_policy) > 0)` +
        ` or (sum(rate(istio_requests_total{reporter=~"source|destination|waypoint",destination_workload="unknown"}[60s])) by (${by},request_protocol,response_code,grpc_response_status,response_flags,connection_security_policy,destination_service,destination_service_name) > 0)`,
    );
    expect(OVERVIEW_EDGE_LABELS.some((l) => l.endsWith('_workload'))).toBe(false);
  });

  it('counts the members of the graph type, in the selected namespaces only', () => {
    const [members] = topologyOverviewQueries({ namespaces: ['shop', 'a-b'], windowSeconds: 300 }, 'workload');
    expect(members?.query).toContain('sum by (destination_workload_namespace,destination_workload)');
    expect(members?.query).toContain('destination_workload_namespace=~"a-b|shop"');
    expect(members?.query).toContain('[300s]');
  });

  it('writes PromQL that parses, for every kind and a namespace selection', () => {
    const options = { namespaces: ['shop', 'pay'], windowSeconds: 60 };
    const all = [...topologyOverviewQueries(options, 'service'), ...topologyOverviewLatencyQueries(options)];
    expect(all.map((q) => q.kind)).toEqual([
      'members',
      'requests',
      'tcpSent',
      'tcpReceived',
      'latencyP50',
      'latencyP95',
      'latencyP99',
      'durationSum',
      'durationCount',
      'requestBytes',
      'responseBytes',
    ]);
    for (const q of all) expect(parses(q.query), q.query).toBe(true);
    expect(topologyOverviewLatencyQueries(options)[0]?.query).toContain('histogram_quantile(0.5, sum(rate(istio_request_duration_milliseconds_bucket{');
  });
});
