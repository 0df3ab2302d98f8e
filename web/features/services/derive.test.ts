import { describe, expect, it } from 'vitest';
import { findKind } from '../../../mesh/kinds';
import type { KubeObject, PodView, ServiceView } from '../../api';
import { deriveServices, formatPort, matchesService } from './derive';
import { serviceFqdn } from '../../../mesh/references';

const VS = findKind('networking.istio.io', 'VirtualService')!;
const DR = findKind('networking.istio.io', 'DestinationRule')!;
const AP = findKind('security.istio.io', 'AuthorizationPolicy')!;
const ROUTE = findKind('gateway.networking.k8s.io', 'HTTPRoute')!;

const service = (name: string, selector?: Record<string, string>, namespace = 'bookinfo'): ServiceView => ({
  name,
  namespace,
  labels: { app: name },
  type: 'ClusterIP',
  clusterIP: '10.96.0.10',
  ports: [{ name: 'http', port: 9080, protocol: 'TCP', targetPort: '9080' }],
  selector,
});

const pod = (name: string, labels: Record<string, string>, ready = true, namespace = 'bookinfo'): PodView => ({
  name,
  namespace,
  labels,
  annotations: {},
  phase: 'Running',
  status: 'Running',
  ready,
  containers: [],
  initContainerNames: [],
  restarts: 0,
});

const config = (name: string, spec: Record<string, unknown>, namespace = 'bookinfo'): KubeObject => ({
  apiVersion: 'x',
  kind: 'X',
  metadata: { name, namespace },
  spec,
});

describe('serviceFqdn', () => {
  it.each([
    ['reviews', 'bookinfo', 'reviews.bookinfo.svc.cluster.local'],
    ['reviews.other', 'bookinfo', 'reviews.other.svc.cluster.local'],
    ['reviews.other.svc', 'bookinfo', 'reviews.other.svc.cluster.local'],
    ['reviews.other.svc.cluster.local', 'bookinfo', 'reviews.other.svc.cluster.local'],
    ['bookinfo.example.com', 'bookinfo', undefined],
    ['*', 'bookinfo', undefined],
  ])('%s from %s is %s', (host, namespace, fqdn) => {
    expect(serviceFqdn(host, namespace)).toBe(fqdn);
  });
});

describe('deriveServices', () => {
  const pods = [
    pod('reviews-v1', { app: 'reviews', version: 'v1' }),
    pod('reviews-v2', { app: 'reviews', version: 'v2' }, false),
    pod('reviews-v10', { app: 'reviews', version: 'v10' }),
    pod('elsewhere', { app: 'reviews', version: 'v9' }, true, 'other'),
  ];
  const configs = [
    {
      kind: VS,
      items: [
        config('reviews', { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews', subset: 'v1' } }] }] }),
        config('gateway-routes', { hosts: ['bookinfo.example.com'], http: [{ route: [{ destination: { host: 'productpage.bookinfo.svc.cluster.local' } }] }] }),
      ],
    },
    { kind: DR, items: [config('reviews', { host: 'reviews.bookinfo.svc.cluster.local' }), config('all', { host: '*.bookinfo.svc.cluster.local' })] },
    {
      kind: AP,
      items: [
        config('reviews-viewer', { selector: { matchLabels: { app: 'reviews' } } }),
        config('other-ns', { selector: { matchLabels: { app: 'reviews' } } }, 'other'),
        config('ns-wide', {}),
      ],
    },
    { kind: ROUTE, items: [config('reviews-route', { parentRefs: [{ kind: 'Service', group: '', name: 'reviews' }], rules: [{ backendRefs: [{ name: 'reviews' }] }] })] },
  ];

  it('finds the pods behind a service, their readiness and versions in natural order', () => {
    const [row] = deriveServices([service('reviews', { app: 'reviews' })], pods, []);
    expect(row).toMatchObject({ readyPods: 2, versions: ['v1', 'v2', 'v10'] });
    expect(row?.pods).toHaveLength(3);
  });

  it('lists the config that points at a service by host, destination, backend, parent or selector', () => {
    const [reviews, productpage] = deriveServices(
      [service('reviews', { app: 'reviews' }), service('productpage', { app: 'productpage' })],
      pods,
      configs,
    );
    expect(reviews?.references.map((r) => `${r.kind.kind}/${r.name}:${r.via}`)).toEqual([
      'VirtualService/reviews:host',
      'DestinationRule/reviews:host',
      'HTTPRoute/reviews-route:backend',
      'DestinationRule/all:host',
      'AuthorizationPolicy/reviews-viewer:selector',
    ]);
    expect(productpage?.references.map((r) => `${r.kind.kind}/${r.name}:${r.via}`)).toEqual([
      'VirtualService/gateway-routes:destination',
      'DestinationRule/all:host',
    ]);
  });

  it('has no pods for a service without selector', () => {
    const [row] = deriveServices([service('external')], pods, []);
    expect(row?.pods).toHaveLength(0);
  });

  it('filters by name, port, version and referencing config', () => {
    const [row] = deriveServices([service('reviews', { app: 'reviews' })], pods, configs);
    expect(matchesService(row!, 'reviews 9080')).toBe(true);
    expect(matchesService(row!, 'v10')).toBe(true);
    expect(matchesService(row!, 'authorizationpolicy')).toBe(true);
    expect(matchesService(row!, 'grpc')).toBe(false);
  });
});

describe('formatPort', () => {
  it('prints ports like kubectl', () => {
    expect(formatPort({ port: 80, protocol: 'TCP', targetPort: '8080', nodePort: 30080 })).toBe('80:30080→8080/TCP');
    expect(formatPort({ port: 9080, protocol: 'TCP', targetPort: '9080' })).toBe('9080/TCP');
  });
});
