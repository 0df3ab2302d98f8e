/** The bookinfo sample as users deploy it: services, subsets, the reviews/ratings routes and an ingress. */

import type { MeshConfigSnapshot } from '../types';
import { destinationRule, istioGateway, service, virtualService } from './objects';

export const bookinfoServices = ['productpage', 'reviews', 'ratings', 'details'].map((name) => service(name, 'bookinfo'));

const versions = (n: number): Array<{ name: string; labels: Record<string, string> }> =>
  Array.from({ length: n }, (_, i) => ({ name: `v${i + 1}`, labels: { version: `v${i + 1}` } }));

export const reviewsRule = destinationRule('reviews', 'bookinfo', {
  host: 'reviews',
  trafficPolicy: {
    connectionPool: { tcp: { maxConnections: 100, connectTimeout: '30ms' }, http: { http1MaxPendingRequests: 10 } },
    outlierDetection: { consecutive5xxErrors: 7, interval: '5m', baseEjectionTime: '15m' },
  },
  subsets: [
    ...versions(2),
    { name: 'v3', labels: { version: 'v3' }, trafficPolicy: { loadBalancer: { simple: 'RANDOM' } } },
  ],
});

export const ratingsRule = destinationRule('ratings', 'bookinfo', { host: 'ratings', subsets: versions(2) });

export const reviewsRoute = virtualService('reviews', 'bookinfo', {
  hosts: ['reviews'],
  http: [
    { name: 'jason', match: [{ headers: { 'end-user': { exact: 'jason' } } }], route: [{ destination: { host: 'reviews', subset: 'v2' } }] },
    {
      name: 'split',
      route: [
        { destination: { host: 'reviews', subset: 'v1' }, weight: 75 },
        { destination: { host: 'reviews', subset: 'v3' }, weight: 25 },
      ],
    },
  ],
});

export const bookinfoGateway = istioGateway('bookinfo-gateway', 'bookinfo', {
  selector: { istio: 'ingressgateway' },
  servers: [{ port: { number: 8080, name: 'http', protocol: 'HTTP' }, hosts: ['*'] }],
});

export const bookinfoIngressRoute = virtualService('bookinfo', 'bookinfo', {
  hosts: ['*'],
  gateways: ['bookinfo-gateway'],
  http: [
    {
      match: [
        { uri: { exact: '/productpage' } },
        { uri: { prefix: '/static' } },
        { uri: { exact: '/login' } },
        { uri: { exact: '/logout' } },
        { uri: { prefix: '/api/v1/products' } },
      ],
      route: [{ destination: { host: 'productpage', port: { number: 9080 } } }],
    },
  ],
});

export function bookinfo(extra: Partial<MeshConfigSnapshot> = {}): MeshConfigSnapshot {
  return {
    services: bookinfoServices,
    destinationRules: [reviewsRule, ratingsRule],
    virtualServices: [reviewsRoute, bookinfoIngressRoute],
    gateways: [bookinfoGateway],
    ...extra,
  };
}
