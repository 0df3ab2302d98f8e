import { describe, expect, it } from 'vitest';
import type { TopologyNode } from '../../../../mesh/topology/model';
import { edgeQuery, inboundQuery, sparklineQueries } from './telemetry-queries';

const base: TopologyNode = {
  id: 'workload:bookinfo/reviews-v2',
  kind: 'workload',
  cluster: 'Kubernetes',
  namespace: 'bookinfo',
  name: 'reviews-v2',
  workload: 'reviews-v2',
  app: 'reviews',
  version: 'v2',
  badges: [],
  config: [],
  health: 'healthy',
  traffic: { inRps: 1, outRps: 1, inErrorRatio: 0, outErrorRatio: 0, inTcpBps: 0, outTcpBps: 0 },
};

describe('side panel queries', () => {
  it('asks for a workload’s inbound requests as its own proxy reports them', () => {
    const q = sparklineQueries(inboundQuery(base));
    expect(q?.rps).toBe(
      'sum(rate(istio_requests_total{reporter="destination",destination_workload_namespace="bookinfo",destination_workload="reviews-v2"}[1m]))',
    );
    expect(q?.errors).toContain('response_code=~"5.."');
    expect(q?.p95).toMatch(/^histogram_quantile\(0\.95, /);
  });
  it('selects a service by its FQDN', () => {
    const service = { ...base, id: 'service:bookinfo/reviews', kind: 'service' as const, name: 'reviews', service: 'reviews' };
    expect(sparklineQueries(inboundQuery(service))?.rps).toContain('destination_service="reviews.bookinfo.svc.cluster.local"');
  });
  it('narrows an edge to requests from its source', () => {
    const source = { ...base, id: 'workload:bookinfo/productpage-v1', name: 'productpage-v1', workload: 'productpage-v1' };
    const rps = sparklineQueries(edgeQuery(source, base))?.rps ?? '';
    expect(rps).toContain('destination_workload="reviews-v2"');
    expect(rps).toContain('source_workload="productpage-v1"');
  });
  it('has nothing to ask for an aggregate', () => {
    expect(sparklineQueries(inboundQuery({ ...base, kind: 'aggregate' }))).toBeUndefined();
  });
});
