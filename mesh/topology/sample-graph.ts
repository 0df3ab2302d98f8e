/** A small bookinfo-like graph for tests and previews: four apps, three reviews versions, a gateway, an external host. */
import { trafficHealth } from './health';
import type { NodeBadge, TopologyEdge, TopologyGraph, TopologyNode } from './model';
import { trafficByNode } from './traffic';

function workload(namespace: string, name: string, app: string, version: string, badges: NodeBadge[] = [], extra: Partial<TopologyNode> = {}): TopologyNode {
  return {
    id: `workload:${namespace}/${name}`,
    kind: 'workload',
    cluster: 'Kubernetes',
    namespace,
    name,
    app,
    version,
    workload: name,
    badges,
    config: [],
    health: 'idle',
    traffic: { inRps: 0, outRps: 0, inErrorRatio: 0, outErrorRatio: 0, inTcpBps: 0, outTcpBps: 0 },
    box: `box:namespace/${namespace}`,
    ...extra,
  };
}

function edge(source: string, target: string, rps: number, errorRatio: number, p95Ms: number, extra: Partial<TopologyEdge> = {}): TopologyEdge {
  const protocol = extra.protocol ?? 'http';
  const id = protocol === 'tcp' ? `${source}->${target}#tcp` : `${source}->${target}`;
  const responses: Record<string, Record<string, number>> = { '200': { '-': rps * (1 - errorRatio) } };
  if (errorRatio > 0) responses['503'] = { UO: rps * errorRatio };
  return {
    id,
    source,
    target,
    protocol,
    rps,
    errorRatio,
    clientErrorRatio: 0,
    responses: protocol === 'tcp' ? {} : responses,
    latency: protocol === 'tcp' ? {} : { avgMs: p95Ms / 2, p50Ms: p95Ms / 3, p95Ms, p99Ms: p95Ms * 1.5 },
    throughputBps: rps * 2000,
    mtlsRatio: 1,
    principals: [],
    health: trafficHealth(rps, errorRatio, 0),
    services: [],
    ...extra,
  };
}

const W = (name: string) => `workload:bookinfo/${name}`;

/** Built by hand to look like what build.ts makes of the demo mesh's bookinfo namespace. */
export function sampleGraph(timestamp = Date.UTC(2026, 0, 1)): TopologyGraph {
  const nodes: TopologyNode[] = [
    workload('istio-system', 'istio-ingressgateway', 'istio-ingressgateway', 'latest', ['gateway'], { isGateway: true }),
    workload('bookinfo', 'productpage-v1', 'productpage', 'v1', ['virtualService']),
    workload('bookinfo', 'details-v1', 'details', 'v1', ['missingSidecar']),
    workload('bookinfo', 'reviews-v1', 'reviews', 'v1', ['virtualService', 'trafficShifting']),
    workload('bookinfo', 'reviews-v2', 'reviews', 'v2', ['virtualService', 'trafficShifting']),
    workload('bookinfo', 'reviews-v3', 'reviews', 'v3', ['virtualService', 'trafficShifting', 'faultInjection']),
    workload('bookinfo', 'ratings-v1', 'ratings', 'v1', ['circuitBreaker']),
    workload('bookinfo', 'mongodb-v1', 'mongodb', 'v1'),
    workload('bookinfo', 'legacy-v1', 'legacy', 'v1'),
    {
      ...workload('', 'api.payments.example', '', ''),
      id: 'external:api.payments.example',
      kind: 'external',
      name: 'api.payments.example',
      app: undefined,
      version: undefined,
      workload: undefined,
      badges: ['serviceEntry'],
      box: undefined,
      namespace: 'bookinfo',
    },
  ];
  const edges: TopologyEdge[] = [
    edge('workload:istio-system/istio-ingressgateway', W('productpage-v1'), 10, 0, 80, { services: ['productpage.bookinfo.svc.cluster.local'] }),
    edge(W('productpage-v1'), W('details-v1'), 10, 0, 20, { mtlsRatio: 0, services: ['details.bookinfo.svc.cluster.local'] }),
    edge(W('productpage-v1'), W('reviews-v1'), 3, 0, 40, { services: ['reviews.bookinfo.svc.cluster.local'] }),
    edge(W('productpage-v1'), W('reviews-v2'), 4, 0, 60, { services: ['reviews.bookinfo.svc.cluster.local'] }),
    edge(W('productpage-v1'), W('reviews-v3'), 3, 0.3, 700, { services: ['reviews.bookinfo.svc.cluster.local'] }),
    edge(W('reviews-v2'), W('ratings-v1'), 4, 0, 15, { services: ['ratings.bookinfo.svc.cluster.local'] }),
    edge(W('reviews-v3'), W('ratings-v1'), 2, 0.005, 15, { protocol: 'grpc', services: ['ratings.bookinfo.svc.cluster.local'] }),
    edge(W('ratings-v1'), W('mongodb-v1'), 0, 0, 0, { protocol: 'tcp', throughputBps: 5000, mtlsRatio: 0.5, health: 'healthy' }),
    edge(W('productpage-v1'), 'external:api.payments.example', 1, 0, 250, { mtlsRatio: 0, services: ['api.payments.example'] }),
  ];
  const traffic = trafficByNode(edges);
  return {
    type: 'workload',
    nodes: nodes.map((n) => {
      const t = traffic.get(n.id);
      return t ? { ...n, traffic: t.traffic, health: t.health } : n;
    }),
    edges,
    boxes: [
      { id: 'box:namespace/bookinfo', kind: 'namespace', label: 'bookinfo' },
      { id: 'box:namespace/istio-system', kind: 'namespace', label: 'istio-system' },
    ],
    timestamp,
    windowSeconds: 600,
  };
}
