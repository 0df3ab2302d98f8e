import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../mesh/kube-types';
import { EXTERNAL_ORIGIN, serviceHost } from '../../model';
import { scenarioProblems } from '../consistency';
import { demoScenario } from './index';

const demo = demoScenario();

function find(kind: string, namespace: string | undefined, name: string): KubeObject {
  const found = demo.objects.find(
    (o) => o.kind === kind && o.metadata.namespace === namespace && o.metadata.name === name,
  );
  if (!found) throw new Error(`no ${kind} ${namespace}/${name}`);
  return found;
}

function pods(namespace: string, app: string): KubeObject[] {
  return demo.objects.filter(
    (o) => o.kind === 'Pod' && o.metadata.namespace === namespace && o.metadata.labels?.app === app,
  );
}

/** Reads a nested field for assertions, e.g. at(obj, 'spec', 'ports', 0, 'port'). */
function at(value: unknown, ...path: (string | number)[]): unknown {
  return path.reduce<unknown>(
    (current, key) => (current && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined),
    value,
  );
}

function containerNames(pod: KubeObject, field: 'containers' | 'initContainers' = 'containers'): string[] {
  return ((at(pod, 'spec', field) ?? []) as { name: string }[]).map((c) => c.name);
}

describe('demo scenario', () => {
  it('is sound', () => {
    expect(scenarioProblems(demo)).toEqual([]);
  });

  it('is the same every time, and moves its timestamps with `now`', () => {
    expect(demoScenario()).toEqual(demo);
    const later = demoScenario({ now: new Date('2030-01-01T00:00:00Z') });
    expect(later.objects.map((o) => o.metadata.name)).toEqual(demo.objects.map((o) => o.metadata.name));
    expect(later.objects[0]?.metadata.creationTimestamp?.startsWith('2029-12')).toBe(true);
  });

  it('creates namespaces first', () => {
    const firstOther = demo.objects.findIndex((o) => o.kind !== 'Namespace');
    expect(demo.objects.slice(firstOther).some((o) => o.kind === 'Namespace')).toBe(false);
    expect(demo.objects.slice(0, firstOther).map((o) => o.metadata.name)).toEqual([
      'istio-system',
      'bookinfo',
      'online-shop',
      'ambient-demo',
    ]);
  });

  describe('istio-system', () => {
    it('runs istiod, the gateways and the add-ons', () => {
      expect(find('Deployment', 'istio-system', 'istiod').metadata.labels?.['istio.io/rev']).toBe('default');
      const ingress = find('Service', 'istio-system', 'istio-ingressgateway');
      expect(at(ingress, 'spec', 'type')).toBe('LoadBalancer');
      expect(at(ingress, 'status', 'loadBalancer', 'ingress', 0, 'ip')).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
      for (const name of ['istio-ingressgateway', 'istio-egressgateway']) {
        const ports = at(find('Service', 'istio-system', name), 'spec', 'ports') as { port: number }[];
        expect(ports.map((p) => p.port)).toEqual(expect.arrayContaining([80, 443]));
      }
      expect(pods('istio-system', 'istio-ingressgateway')[0]?.metadata.labels?.istio).toBe('ingressgateway');
      expect(at(find('Service', 'istio-system', 'prometheus'), 'spec', 'ports', 0, 'port')).toBe(9090);
      expect(at(find('Service', 'istio-system', 'tracing'), 'spec', 'ports', 0)).toMatchObject({
        port: 80,
        targetPort: 16686,
      });
      expect(at(find('Service', 'istio-system', 'jaeger-query'), 'spec', 'ports', 0, 'port')).toBe(16686);
    });

    it('has the mesh config and a PERMISSIVE mesh-wide PeerAuthentication', () => {
      const mesh = String(at(find('ConfigMap', 'istio-system', 'istio'), 'data', 'mesh'));
      expect(mesh).toContain('accessLogFile: /dev/stdout');
      expect(mesh).toContain('rootNamespace: istio-system');
      expect(mesh).toContain('trustDomain: cluster.local');
      expect(mesh).toMatch(/tracing:\n\s+sampling: 100/);
      expect(at(find('PeerAuthentication', 'istio-system', 'default'), 'spec', 'mtls', 'mode')).toBe('PERMISSIVE');
    });

    it('runs a ztunnel pod on each node, owned by a DaemonSet', () => {
      const ztunnels = pods('istio-system', 'ztunnel');
      expect(ztunnels.map((p) => at(p, 'spec', 'nodeName')).sort()).toEqual(['node-1', 'node-2', 'node-3']);
      expect(ztunnels[0]?.metadata.name).toMatch(/^ztunnel-[a-z0-9]{5}$/);
      expect(ztunnels[0]?.metadata.ownerReferences?.[0]?.kind).toBe('DaemonSet');
    });
  });

  describe('bookinfo', () => {
    it('runs every version with a sidecar and realistic pod metadata', () => {
      expect(find('Namespace', undefined, 'bookinfo').metadata.labels?.['istio-injection']).toBe('enabled');
      for (const name of ['productpage-v1', 'details-v1', 'reviews-v1', 'reviews-v2', 'reviews-v3', 'ratings-v1']) {
        expect(find('Deployment', 'bookinfo', name).spec?.replicas).toBeGreaterThanOrEqual(1);
      }
      const [pod] = pods('bookinfo', 'reviews').filter((p) => p.metadata.labels?.version === 'v2');
      expect(pod?.metadata.name).toMatch(/^reviews-v2-[a-z0-9]{10}-[a-z0-9]{5}$/);
      expect(pod?.metadata.labels).toMatchObject({
        'service.istio.io/canonical-name': 'reviews',
        'service.istio.io/canonical-revision': 'v2',
        'security.istio.io/tlsMode': 'istio',
      });
      expect(JSON.parse(pod?.metadata.annotations?.['sidecar.istio.io/status'] ?? '{}')).toMatchObject({
        initContainers: ['istio-init'],
        containers: ['istio-proxy'],
      });
      expect(containerNames(pod as KubeObject)).toEqual(['reviews', 'istio-proxy']);
      expect(containerNames(pod as KubeObject, 'initContainers')).toEqual(['istio-init']);
      expect(at(pod, 'spec', 'serviceAccountName')).toBe('bookinfo-reviews');
      expect(at(pod, 'status', 'podIP')).toMatch(/^10\.244\.\d+\.\d+$/);
    });

    it('routes the gateway to productpage and splits reviews by weight', () => {
      const gateway = find('Gateway', 'bookinfo', 'bookinfo-gateway');
      expect(at(gateway, 'spec', 'selector')).toEqual({ istio: 'ingressgateway' });
      const bookinfo = find('VirtualService', 'bookinfo', 'bookinfo');
      expect(at(bookinfo, 'spec', 'gateways')).toEqual(['bookinfo-gateway']);
      expect(at(bookinfo, 'spec', 'http', 0, 'match', 0, 'uri')).toEqual({ exact: '/productpage' });
      const weights = (at(find('VirtualService', 'bookinfo', 'reviews'), 'spec', 'http', 0, 'route') as {
        weight: number;
      }[]).map((r) => r.weight);
      expect(weights.reduce((a, b) => a + b)).toBe(100);
      expect(at(find('DestinationRule', 'bookinfo', 'reviews'), 'spec', 'trafficPolicy', 'tls', 'mode')).toBe(
        'ISTIO_MUTUAL',
      );
      expect(at(find('AuthorizationPolicy', 'bookinfo', 'ratings-viewer'), 'spec', 'action')).toBe('ALLOW');
    });

    it('calls like the real Bookinfo', () => {
      const callers = (host: string) =>
        demo.calls.filter((c) => c.toHost === serviceHost(host, 'bookinfo')).map((c) => c.from);
      expect(callers('ratings').sort()).toEqual(['bookinfo/reviews-v2', 'bookinfo/reviews-v3']);
      expect(callers('reviews')).toEqual(['bookinfo/productpage-v1']);
      const ingressRps = demo.calls
        .filter((c) => c.from === EXTERNAL_ORIGIN && c.toHost.startsWith('istio-ingressgateway.'))
        .reduce((sum, c) => sum + (c.rps ?? 0), 0);
      expect(ingressRps).toBe(20);
    });
  });

  describe('online-shop', () => {
    it('uses the Gateway API at the edge and for weighted gRPC routing', () => {
      expect(find('GatewayClass', undefined, 'istio').spec?.controllerName).toBe('istio.io/gateway-controller');
      expect(at(find('Gateway', 'online-shop', 'shop-gateway'), 'spec', 'gatewayClassName')).toBe('istio');
      expect(at(find('HTTPRoute', 'online-shop', 'frontend'), 'spec', 'rules', 0, 'backendRefs', 0)).toEqual({
        name: 'frontend',
        port: 80,
      });
      const backends = at(find('GRPCRoute', 'online-shop', 'recommendationservice'), 'spec', 'rules', 0, 'backendRefs');
      expect((backends as { name: string }[]).map((b) => b.name)).toEqual([
        'recommendationservice-v1',
        'recommendationservice-v2',
      ]);
      find('Service', 'online-shop', 'recommendationservice-v1');
      find('Deployment', 'online-shop', 'shop-gateway-istio');
    });

    it('has the Istio resources the Gateway API lacks', () => {
      expect(at(find('DestinationRule', 'online-shop', 'currencyservice'), 'spec', 'trafficPolicy')).toHaveProperty(
        'outlierDetection',
      );
      expect(at(find('ServiceEntry', 'online-shop', 'stripe-api'), 'spec')).toMatchObject({
        hosts: ['api.stripe.com'],
        location: 'MESH_EXTERNAL',
      });
      find('Sidecar', 'online-shop', 'default');
      const patch = at(find('EnvoyFilter', 'online-shop', 'frontend-local-ratelimit'), 'spec', 'configPatches', 0);
      expect(at(patch, 'patch', 'value', 'name')).toBe('envoy.filters.http.local_ratelimit');
      expect(at(patch, 'patch', 'value', 'typed_config', 'value', 'token_bucket')).toEqual({
        max_tokens: 20,
        tokens_per_fill: 20,
        fill_interval: '3s',
      });
      find('RequestAuthentication', 'online-shop', 'frontend-jwt');
      expect(at(find('AuthorizationPolicy', 'online-shop', 'frontend-require-jwt'), 'spec', 'action')).toBe('DENY');
      expect(at(find('PeerAuthentication', 'online-shop', 'default'), 'spec', 'mtls', 'mode')).toBe('STRICT');
    });

    it('runs gRPC services, a TCP Redis and a load generator without a Service', () => {
      const protocolOf = (name: string) => demo.workloads.find((w) => w.name === name)?.protocol;
      expect(protocolOf('checkoutservice')).toBe('grpc');
      expect(protocolOf('redis-cart')).toBe('tcp');
      expect(at(find('Service', 'online-shop', 'redis-cart'), 'spec', 'ports', 0, 'name')).toBe('tcp-redis');
      expect(demo.objects.some((o) => o.kind === 'Service' && o.metadata.name === 'loadgenerator')).toBe(false);
      expect(demo.calls.some((c) => c.from === 'online-shop/paymentservice' && c.toHost === 'api.stripe.com')).toBe(
        true,
      );
    });
  });

  describe('ambient-demo', () => {
    it('runs pods without sidecars behind a waypoint', () => {
      expect(find('Namespace', undefined, 'ambient-demo').metadata.labels?.['istio.io/dataplane-mode']).toBe('ambient');
      expect(at(find('Gateway', 'ambient-demo', 'waypoint'), 'spec', 'gatewayClassName')).toBe('istio-waypoint');
      const httpbin = pods('ambient-demo', 'httpbin');
      expect(httpbin).toHaveLength(1);
      expect(containerNames(httpbin[0] as KubeObject)).toEqual(['httpbin']);
      const apps = demo.workloads.filter((w) => w.namespace === 'ambient-demo' && w.role === 'app');
      expect(apps.map((w) => w.sidecar)).toEqual(['ambient', 'ambient', 'ambient', 'ambient']);
    });
  });
});
