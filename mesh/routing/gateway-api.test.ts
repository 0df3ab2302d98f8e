import { describe, expect, it } from 'vitest';
import { buildRoutingIndex } from './routing-index';
import { resolveRoute } from './resolve';
import { bookinfo } from './testing/bookinfo';
import { draws, grpcRoute, httpRoute, k8sGateway, productpage, request } from './testing/objects';
import type { RouteRequest, RouteSource } from './types';

const gateway = k8sGateway('web', 'bookinfo', {
  gatewayClassName: 'istio',
  listeners: [
    { name: 'http', port: 80, protocol: 'HTTP', hostname: '*.example.com', allowedRoutes: { namespaces: { from: 'All' } } },
    { name: 'admin', port: 8081, protocol: 'HTTP' },
  ],
});

/** The proxy Istio deploys for the Gateway carries the gateway-name label. */
const webProxy: RouteSource = { namespace: 'bookinfo', labels: { 'gateway.networking.k8s.io/gateway-name': 'web' }, gateway: {} };

const atWeb = (path: string, overrides: Partial<RouteRequest> = {}): RouteRequest =>
  request('shop.example.com', { source: webProxy, port: 80, path, ...overrides });

const toService = (name: string, weight?: number) => ({ name, port: 9080, ...(weight === undefined ? {} : { weight }) });

describe('HTTPRoute on a Gateway', () => {
  it('orders rules by Gateway API precedence across routes', () => {
    const older = httpRoute('older', 'bookinfo', {
      parentRefs: [{ name: 'web' }],
      hostnames: ['shop.example.com'],
      rules: [
        { matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [toService('details')] },
        { matches: [{ path: { type: 'PathPrefix', value: '/api' } }], backendRefs: [toService('reviews')] },
      ],
    });
    const newer = httpRoute('newer', 'bookinfo', {
      parentRefs: [{ name: 'web' }],
      hostnames: ['shop.example.com'],
      rules: [
        { matches: [{ path: { type: 'Exact', value: '/api/health' } }], backendRefs: [toService('ratings')] },
        { matches: [{ path: { type: 'PathPrefix', value: '/api' }, headers: [{ name: 'X-Canary', value: 'yes' }] }], backendRefs: [toService('productpage')] },
      ],
    });
    const idx = buildRoutingIndex(bookinfo({ gateways: [gateway], httpRoutes: [newer, older] }));
    const hostOf = (path: string, headers?: Record<string, string>) => resolveRoute(idx, atWeb(path, { headers })).destination?.host.split('.')[0];
    expect(hostOf('/api/health')).toBe('ratings');
    expect(hostOf('/api/items', { 'x-canary': 'yes' })).toBe('productpage');
    expect(hostOf('/api/items')).toBe('reviews');
    expect(hostOf('/apiary')).toBe('details');
    expect(resolveRoute(idx, atWeb('/api/health')).matched).toEqual({ kind: 'HTTPRoute', namespace: 'bookinfo', name: 'newer', section: 'rules', ruleIndex: 0, ruleName: undefined, matchIndex: 0 });
  });

  it('gives a request to the routes with the most specific matching hostname', () => {
    const wildcard = httpRoute('wildcard', 'bookinfo', { parentRefs: [{ name: 'web' }], rules: [{ matches: [{ path: { type: 'Exact', value: '/x' } }], backendRefs: [toService('ratings')] }] });
    const exact = httpRoute('exact', 'bookinfo', { parentRefs: [{ name: 'web' }], hostnames: ['shop.example.com'], rules: [{ backendRefs: [toService('details')] }] });
    const idx = buildRoutingIndex(bookinfo({ gateways: [gateway], httpRoutes: [wildcard, exact] }));
    expect(resolveRoute(idx, atWeb('/x')).matched).toMatchObject({ name: 'exact' });
    expect(resolveRoute(idx, atWeb('/x', { authority: 'blog.example.com' })).matched).toMatchObject({ name: 'wildcard' });
  });

  it('weights backends relatively (default 1) and answers 500 when no backend has weight', () => {
    const route = httpRoute('split', 'bookinfo', {
      parentRefs: [{ name: 'web', sectionName: 'http' }],
      rules: [
        { matches: [{ path: { type: 'PathPrefix', value: '/split' } }], backendRefs: [toService('reviews', 3), toService('ratings')] },
        { matches: [{ path: { type: 'PathPrefix', value: '/none' } }], backendRefs: [toService('reviews', 0)] },
      ],
    });
    const idx = buildRoutingIndex(bookinfo({ gateways: [gateway], httpRoutes: [route] }));
    expect(resolveRoute(idx, atWeb('/split', { rand: draws(0.74) })).destination).toMatchObject({ host: 'reviews.bookinfo.svc.cluster.local', weight: 3 });
    expect(resolveRoute(idx, atWeb('/split', { rand: draws(0.75) })).destination).toMatchObject({ host: 'ratings.bookinfo.svc.cluster.local', weight: 1 });
    expect(resolveRoute(idx, atWeb('/none'))).toMatchObject({ outcome: 'directResponse', directResponse: { status: 500 } });
  });

  it('applies filters: redirect (302 by default), URL rewrite, mirror, timeouts and retry', () => {
    const route = httpRoute('filters', 'bookinfo', {
      parentRefs: [{ name: 'web' }],
      rules: [
        { matches: [{ path: { type: 'PathPrefix', value: '/old' } }], filters: [{ type: 'RequestRedirect', requestRedirect: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/new' } } }] },
        {
          matches: [{ path: { type: 'PathPrefix', value: '/store/' } }],
          filters: [
            { type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/' }, hostname: 'store.internal' } },
            { type: 'RequestMirror', requestMirror: { backendRef: { name: 'details', port: 9080 }, percent: 100 } },
            { type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'x-store', value: '1' }], remove: ['x-debug'] } },
          ],
          backendRefs: [toService('productpage')],
          timeouts: { request: '5s', backendRequest: '1s' },
          retry: { attempts: 4, codes: [503] },
        },
      ],
    });
    const idx = buildRoutingIndex(bookinfo({ gateways: [gateway], httpRoutes: [route] }));
    expect(resolveRoute(idx, atWeb('/old/page?x=1')).redirect).toEqual({ status: 302, location: 'http://shop.example.com/new/page?x=1' });
    const d = resolveRoute(idx, atWeb('/store/cart'));
    expect(d.rewrite).toEqual({ path: '/cart', authority: 'store.internal' });
    expect(d.mirrors).toEqual([{ host: 'details.bookinfo.svc.cluster.local', port: 9080, subset: undefined, percentage: 100, mirrored: true }]);
    expect(d.requestHeaders).toEqual({ set: { 'x-store': '1' }, add: {}, remove: ['x-debug'] });
    expect(d.timeoutMs).toBe(5000);
    expect(d.retries).toMatchObject({ attempts: 4, perTryTimeoutMs: 1000, retriableStatusCodes: [503], origin: 'route' });
    expect(resolveRoute(idx, atWeb('/storefront')).outcome).toBe('noRoute');
  });

  it('keeps listener hostnames, allowedRoutes and ports', () => {
    const sameOnly = httpRoute('admin', 'shop', { parentRefs: [{ name: 'web', namespace: 'bookinfo', sectionName: 'admin' }], rules: [{ backendRefs: [toService('details')] }] });
    const anyNs = httpRoute('public', 'shop', { parentRefs: [{ name: 'web', namespace: 'bookinfo', port: 80 }], rules: [{ backendRefs: [{ name: 'details', namespace: 'bookinfo', port: 9080 }] }] });
    const idx = buildRoutingIndex(bookinfo({ gateways: [gateway], httpRoutes: [sameOnly, anyNs] }));
    expect(resolveRoute(idx, atWeb('/', { port: 8081 })).outcome).toBe('noRoute');
    expect(resolveRoute(idx, atWeb('/')).matched).toMatchObject({ name: 'public' });
    expect(resolveRoute(idx, atWeb('/', { authority: 'other.org' })).outcome).toBe('noRoute');
    expect(resolveRoute(idx, atWeb('/', { port: 9999 })).outcome).toBe('blackhole');
  });
});

describe('GAMMA: routes attached to a Service', () => {
  const producer = httpRoute('reviews', 'bookinfo', {
    parentRefs: [{ group: '', kind: 'Service', name: 'reviews', port: 9080 }],
    rules: [{ backendRefs: [{ name: 'reviews', port: 9080, weight: 90 }, { name: 'ratings', port: 9080, weight: 10 }] }],
  });
  const consumer = httpRoute('reviews-for-shop', 'shop', {
    parentRefs: [{ kind: 'Service', name: 'reviews', namespace: 'bookinfo' }],
    rules: [{ backendRefs: [{ name: 'details', namespace: 'bookinfo', port: 9080 }] }],
  });
  const idx = buildRoutingIndex(bookinfo({ virtualServices: [], httpRoutes: [producer, consumer] }));

  it('applies a producer route to every client', () => {
    const d = resolveRoute(idx, request('reviews', { rand: draws(0.5) }));
    expect(d.matched).toMatchObject({ kind: 'HTTPRoute', name: 'reviews' });
    expect(d.destination?.host).toBe('reviews.bookinfo.svc.cluster.local');
  });

  it('lets a consumer route override it in the consumer namespace only', () => {
    const shop = { ...productpage, namespace: 'shop' };
    expect(resolveRoute(idx, request('reviews.bookinfo', { source: shop })).matched).toMatchObject({ name: 'reviews-for-shop' });
  });

  it('matches only the parent port', () => {
    const d = resolveRoute(buildRoutingIndex(bookinfo({ services: bookinfo().services, virtualServices: [], httpRoutes: [producer] })), request('reviews', { port: 9080, rand: draws(0.95) }));
    expect(d.destination?.host).toBe('ratings.bookinfo.svc.cluster.local');
  });
});

describe('GRPCRoute', () => {
  it('matches service and method as a path', () => {
    const route = grpcRoute('ratings', 'bookinfo', {
      parentRefs: [{ kind: 'Service', name: 'ratings' }],
      rules: [
        { matches: [{ method: { service: 'bookinfo.Ratings', method: 'Get' } }], backendRefs: [toService('ratings')] },
        { matches: [{ method: { service: 'bookinfo.Ratings' } }], backendRefs: [toService('details')] },
      ],
    });
    const idx = buildRoutingIndex(bookinfo({ virtualServices: [], grpcRoutes: [route] }));
    const grpc = (path: string) => resolveRoute(idx, request('ratings', { protocol: 'grpc', method: 'POST', path }));
    expect(grpc('/bookinfo.Ratings/Get').destination?.host).toBe('ratings.bookinfo.svc.cluster.local');
    expect(grpc('/bookinfo.Ratings/List').destination?.host).toBe('details.bookinfo.svc.cluster.local');
    expect(grpc('/other.Service/Get').outcome).toBe('noRoute');
    expect(grpc('/bookinfo.Ratings/Get').matched).toMatchObject({ kind: 'GRPCRoute', ruleIndex: 0, matchIndex: 0 });
  });
});
