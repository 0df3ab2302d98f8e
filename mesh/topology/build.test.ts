import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../kube-types';
import { buildTopology, indexMesh } from './build';
import type { PromSample, TopologySamples } from './build';

function pod(namespace: string, name: string, labels: Record<string, string>, sidecar = true): KubeObject {
  const hash = 'abc12';
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { namespace, name: `${name}-${hash}-xyz`, labels: { ...labels, 'pod-template-hash': hash }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `${name}-${hash}`, uid: name, controller: true }] },
    spec: { containers: [{ name: 'app' }, ...(sidecar ? [{ name: 'istio-proxy' }] : [])] },
  };
}

function object(kind: string, apiVersion: string, namespace: string, name: string, spec: Record<string, unknown>): KubeObject {
  return { apiVersion, kind, metadata: { namespace, name }, spec };
}

const mesh = indexMesh({
  pods: [
    pod('istio-system', 'istio-ingressgateway', { app: 'istio-ingressgateway', istio: 'ingressgateway' }, false),
    pod('shop', 'web-v1', { app: 'web', version: 'v1' }),
    pod('shop', 'cart-v1', { app: 'cart', version: 'v1' }),
    pod('shop', 'cart-v2', { app: 'cart', version: 'v2' }, false),
    pod('shop', 'idle-v1', { app: 'idle', version: 'v1' }),
  ],
  services: [
    object('Service', 'v1', 'shop', 'web', { selector: { app: 'web' } }),
    object('Service', 'v1', 'shop', 'cart', { selector: { app: 'cart' } }),
  ],
  virtualServices: [
    object('VirtualService', 'networking.istio.io/v1', 'shop', 'cart', {
      hosts: ['cart'],
      http: [{ fault: { abort: { httpStatus: 503, percentage: { value: 10 } } }, route: [{ destination: { host: 'cart', subset: 'v1' }, weight: 80 }, { destination: { host: 'cart', subset: 'v2' }, weight: 20 }] }],
    }),
  ],
  destinationRules: [object('DestinationRule', 'networking.istio.io/v1', 'shop', 'cart', { host: 'cart', trafficPolicy: { outlierDetection: { consecutive5xxErrors: 5 } } })],
  serviceEntries: [object('ServiceEntry', 'networking.istio.io/v1', 'shop', 'payments', { hosts: ['api.payments.example'] })],
  gateways: [object('Gateway', 'networking.istio.io/v1', 'shop', 'shop-gw', { selector: { istio: 'ingressgateway' } })],
});

const BASE = { source_cluster: 'Kubernetes', destination_cluster: 'Kubernetes', request_protocol: 'http', response_flags: '-', grpc_response_status: '' };

function wl(side: 'source' | 'destination', namespace: string, workload: string, app: string, version: string): Record<string, string> {
  return {
    [`${side}_workload_namespace`]: namespace,
    [`${side}_workload`]: workload,
    [`${side}_canonical_service`]: app,
    [`${side}_canonical_revision`]: version,
  };
}

function to(service: string, namespace = 'shop'): Record<string, string> {
  return { destination_service: `${service}.${namespace}.svc.cluster.local`, destination_service_name: service, destination_service_namespace: namespace };
}

function sample(value: number, ...parts: Record<string, string>[]): PromSample {
  return { metric: Object.assign({}, BASE, ...parts), value };
}

const gateway = wl('source', 'istio-system', 'istio-ingressgateway', 'istio-ingressgateway', 'latest');
const webSrc = wl('source', 'shop', 'web-v1', 'web', 'v1');
const webDst = wl('destination', 'shop', 'web-v1', 'web', 'v1');
const cart1 = wl('destination', 'shop', 'cart-v1', 'cart', 'v1');
const cart2 = wl('destination', 'shop', 'cart-v2', 'cart', 'v2');
const nobody = wl('destination', 'unknown', 'unknown', 'unknown', 'unknown');
const unknownSource = wl('source', 'unknown', 'unknown', 'unknown', 'unknown');

const samples: TopologySamples = {
  requests: [
    // Gateway → web, reported by both proxies: counted once (the client's report).
    sample(10, { reporter: 'source', response_code: '200', connection_security_policy: 'unknown' }, gateway, to('web'), webDst),
    sample(10, { reporter: 'destination', response_code: '200', connection_security_policy: 'mutual_tls', source_principal: 'spiffe://cluster.local/ns/istio-system/sa/gw' }, gateway, to('web'), webDst),
    // web → cart v1: the client also saw injected faults the server never did.
    sample(7, { reporter: 'source', response_code: '200' }, webSrc, to('cart'), cart1),
    sample(1, { reporter: 'source', response_code: '503', response_flags: 'FI' }, webSrc, to('cart'), cart1),
    sample(7, { reporter: 'destination', response_code: '200', connection_security_policy: 'mutual_tls' }, webSrc, to('cart'), cart1),
    // web → cart v2 (no sidecar at the server: only the client reports).
    sample(2, { reporter: 'source', response_code: '200' }, webSrc, to('cart'), cart2),
    // An unknown caller reaches web: only the server reports, with plaintext.
    sample(1, { reporter: 'destination', response_code: '404', connection_security_policy: 'none' }, unknownSource, to('web'), webDst),
    // web → a ServiceEntry host, and → PassthroughCluster.
    sample(0.5, { reporter: 'source', response_code: '200', destination_service: 'api.payments.example', destination_service_name: 'api.payments.example', destination_service_namespace: 'shop' }, webSrc, nobody),
    sample(0.25, { reporter: 'source', response_code: '200', destination_service: 'PassthroughCluster', destination_service_name: 'PassthroughCluster', destination_service_namespace: 'unknown' }, webSrc, nobody),
  ],
  latencyP95: [sample(120, { reporter: 'source' }, webSrc, to('cart'), cart1), sample(40, { reporter: 'source' }, webSrc, to('cart'), cart2)],
  durationSum: [sample(700, { reporter: 'source' }, webSrc, to('cart'), cart1)],
  durationCount: [sample(8, { reporter: 'source' }, webSrc, to('cart'), cart1)],
  requestBytes: [sample(1000, { reporter: 'source' }, webSrc, to('cart'), cart1), sample(999, { reporter: 'destination' }, webSrc, to('cart'), cart1)],
};

const options = { namespaces: ['shop'], idleNodes: false, timestamp: 1_700_000_000_000, windowSeconds: 600 } as const;

describe('buildTopology', () => {
  const graph = buildTopology(samples, mesh, { ...options, graphType: 'workload' });
  const node = (id: string) => graph.nodes.find((n) => n.id === id);
  const edge = (id: string) => graph.edges.find((e) => e.id === id);

  it('makes workload nodes, the unknown source and external hosts', () => {
    expect(graph.nodes.map((n) => n.id)).toEqual([
      'external:PassthroughCluster',
      'external:api.payments.example',
      'unknown',
      'workload:istio-system/istio-ingressgateway',
      'workload:shop/cart-v1',
      'workload:shop/cart-v2',
      'workload:shop/web-v1',
    ]);
    expect(graph.boxes.map((b) => b.id)).toEqual(['box:namespace/istio-system', 'box:namespace/shop']);
    expect(node('external:api.payments.example')).toMatchObject({ kind: 'external', badges: ['serviceEntry'], box: 'box:namespace/shop' });
    expect(node('unknown')).toMatchObject({ kind: 'unknown' });
    expect(node('unknown')?.box).toBeUndefined();
  });

  it('counts each request once, preferring the client report, and takes mTLS from the server', () => {
    expect(edge('workload:istio-system/istio-ingressgateway->workload:shop/web-v1')).toMatchObject({ rps: 10, mtlsRatio: 1, principals: ['spiffe://cluster.local/ns/istio-system/sa/gw'] });
    const cart = edge('workload:shop/web-v1->workload:shop/cart-v1');
    expect(cart).toMatchObject({ rps: 8, errorRatio: 0.125, health: 'failure', responses: { '200': { '-': 7 }, '503': { FI: 1 } }, services: ['cart.shop.svc.cluster.local'] });
    expect(cart?.latency).toEqual({ avgMs: 87.5, p50Ms: undefined, p95Ms: 120, p99Ms: undefined });
    expect(cart?.throughputBps).toBe(1000);
    expect(edge('unknown->workload:shop/web-v1')).toMatchObject({ rps: 1, clientErrorRatio: 1, mtlsRatio: 0, health: 'failure' });
    expect(edge('workload:shop/web-v1->workload:shop/cart-v2')?.mtlsRatio).toBeUndefined();
  });

  it('puts badges and config from the live objects on the nodes', () => {
    expect(node('workload:shop/cart-v1')?.badges).toEqual(['circuitBreaker', 'faultInjection', 'trafficShifting', 'virtualService']);
    expect(node('workload:shop/cart-v1')?.config.map((c) => `${c.kind}/${c.name}`)).toEqual(['VirtualService/cart', 'DestinationRule/cart']);
    expect(node('workload:shop/cart-v2')?.badges).toContain('missingSidecar');
    expect(node('workload:istio-system/istio-ingressgateway')).toMatchObject({ isGateway: true, badges: ['gateway'] });
    expect(node('workload:istio-system/istio-ingressgateway')?.badges).not.toContain('missingSidecar');
  });

  it('sums node traffic and health from the edges', () => {
    expect(node('workload:shop/web-v1')?.traffic).toMatchObject({ inRps: 11, outRps: 10.75 });
    expect(node('workload:shop/cart-v1')?.health).toBe('failure');
  });

  it('adds idle workloads of the namespaces when asked', () => {
    const withIdle = buildTopology(samples, mesh, { ...options, graphType: 'workload', idleNodes: true });
    expect(withIdle.nodes.find((n) => n.id === 'workload:shop/idle-v1')).toMatchObject({ health: 'idle', traffic: { inRps: 0 } });
    expect(graph.nodes.some((n) => n.id === 'workload:shop/idle-v1')).toBe(false);
  });

  it('builds app, versioned app and service graphs', () => {
    const app = buildTopology(samples, mesh, { ...options, graphType: 'app' });
    expect(app.edges.find((e) => e.id === 'app:shop/web->app:shop/cart')).toMatchObject({ rps: 10, latency: { p95Ms: 120 } });
    const versioned = buildTopology(samples, mesh, { ...options, graphType: 'versionedApp' });
    expect(versioned.nodes.find((n) => n.id === 'versionedApp:shop/cart/v2')).toMatchObject({ box: 'box:app/shop/cart', version: 'v2' });
    expect(versioned.boxes.find((b) => b.id === 'box:app/shop/cart')).toMatchObject({ kind: 'app', parent: 'box:namespace/shop' });
    const service = buildTopology(samples, mesh, { ...options, graphType: 'service' });
    expect(service.edges.find((e) => e.id === 'service:shop/web->service:shop/cart')?.rps).toBe(10);
    // A caller with no service stays a workload.
    expect(service.nodes.some((n) => n.id === 'workload:istio-system/istio-ingressgateway')).toBe(true);
  });

  it('gives equal output for equal input', () => {
    expect(buildTopology(samples, mesh, { ...options, graphType: 'workload' })).toEqual(graph);
  });
});
