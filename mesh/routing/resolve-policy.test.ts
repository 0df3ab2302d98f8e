import { describe, expect, it } from 'vitest';
import { buildRoutingIndex } from './routing-index';
import { resolveRoute } from './resolve';
import { bookinfo, reviewsRule } from './testing/bookinfo';
import { destinationRule, draws, productpage, request, virtualService } from './testing/objects';

const jason = { headers: { 'end-user': 'jason' } };

describe('effective traffic policy', () => {
  it('takes subset parts over top-level parts, one part at a time', () => {
    const d = resolveRoute(buildRoutingIndex(bookinfo()), request('reviews', { rand: draws(0.9) }));
    expect(d.destination?.subset).toBe('v3');
    expect(d.trafficPolicy).toEqual({
      loadBalancer: { simple: 'RANDOM', consistentHash: undefined },
      connectionPool: {
        tcp: { maxConnections: 100, connectTimeoutMs: 30, idleTimeoutMs: undefined, maxConnectionDurationMs: undefined },
        http: { http1MaxPendingRequests: 10, http2MaxRequests: undefined, maxRequestsPerConnection: undefined, maxRetries: undefined, maxConcurrentStreams: undefined, idleTimeoutMs: undefined },
      },
      outlierDetection: expect.objectContaining({ consecutive5xxErrors: 7, intervalMs: 300_000, baseEjectionTimeMs: 900_000 }),
      tls: undefined,
      origins: { loadBalancer: 'subset', connectionPool: 'destination', outlierDetection: 'destination' },
    });
  });

  it('replaces all parts with a matching port-level setting, which inherits nothing', () => {
    const rule = destinationRule('reviews', 'bookinfo', {
      host: 'reviews',
      trafficPolicy: {
        loadBalancer: { simple: 'ROUND_ROBIN' },
        tls: { mode: 'ISTIO_MUTUAL' },
        portLevelSettings: [{ port: { number: 9080 }, loadBalancer: { simple: 'LEAST_REQUEST' } }],
      },
      subsets: [{ name: 'v2', labels: { version: 'v2' }, trafficPolicy: { connectionPool: { http: { http2MaxRequests: 5 } } } }],
    });
    const d = resolveRoute(buildRoutingIndex(bookinfo({ destinationRules: [rule] })), request('reviews', jason));
    expect(d.trafficPolicy?.loadBalancer?.simple).toBe('LEAST_REQUEST');
    expect(d.trafficPolicy?.tls).toBeUndefined();
    expect(d.trafficPolicy?.connectionPool?.http?.http2MaxRequests).toBe(5);
    expect(d.trafficPolicy?.origins).toEqual({ loadBalancer: 'destination-port', connectionPool: 'subset' });
  });

  it('returns no policy parts when no DestinationRule applies', () => {
    const d = resolveRoute(buildRoutingIndex(bookinfo()), request('details'));
    expect(d.trafficPolicy).toEqual({ origins: {} });
  });
});

describe('DestinationRule lookup', () => {
  const withLabel = (name: string, ns: string, host: string, marker: string, extra: Record<string, unknown> = {}) =>
    destinationRule(name, ns, { host, ...extra, trafficPolicy: { loadBalancer: { simple: marker } }, subsets: [{ name: 'v2', labels: { version: 'v2' } }] });
  const lbFor = (rules: ReturnType<typeof destinationRule>[], source = 'bookinfo') =>
    resolveRoute(buildRoutingIndex(bookinfo({ destinationRules: rules, virtualServices: [] })), request('reviews.bookinfo', { source: { ...productpage, namespace: source } })).trafficPolicy
      ?.loadBalancer?.simple;

  it('looks in the client namespace, then the service namespace, then the root namespace', () => {
    const fqdn = 'reviews.bookinfo.svc.cluster.local';
    const client = withLabel('client', 'shop', fqdn, 'RANDOM');
    const owner = withLabel('owner', 'bookinfo', fqdn, 'LEAST_REQUEST');
    const root = withLabel('root', 'istio-system', '*.svc.cluster.local', 'ROUND_ROBIN');
    expect(lbFor([root, owner, client], 'shop')).toBe('RANDOM');
    expect(lbFor([root, owner], 'shop')).toBe('LEAST_REQUEST');
    expect(lbFor([root], 'shop')).toBe('ROUND_ROBIN');
  });

  it('prefers the most specific host within a namespace', () => {
    const wide = withLabel('wide', 'bookinfo', '*.bookinfo.svc.cluster.local', 'RANDOM');
    const exact = withLabel('exact', 'bookinfo', 'reviews', 'LEAST_REQUEST');
    expect(lbFor([wide, exact])).toBe('LEAST_REQUEST');
  });

  it('does not use a rule exported away from the client', () => {
    const hidden = withLabel('hidden', 'bookinfo', 'reviews', 'RANDOM', { exportTo: ['.'] });
    expect(lbFor([hidden], 'bookinfo')).toBe('RANDOM');
    expect(lbFor([hidden], 'shop')).toBeUndefined();
  });

  it('merges rules for the same host in a namespace: subsets added, the oldest top-level policy kept', () => {
    const first = destinationRule('a', 'bookinfo', { host: 'reviews', trafficPolicy: { loadBalancer: { simple: 'RANDOM' } }, subsets: [{ name: 'v1', labels: { version: 'v1' } }] });
    const second = destinationRule('b', 'bookinfo', {
      host: 'reviews',
      trafficPolicy: { loadBalancer: { simple: 'LEAST_REQUEST' } },
      subsets: [{ name: 'v1', labels: { version: 'other' } }, { name: 'v2', labels: { version: 'v2' } }],
    });
    const idx = buildRoutingIndex(bookinfo({ destinationRules: [second, first] }));
    const d = resolveRoute(idx, request('reviews', jason));
    expect(d.destination?.subsetLabels).toEqual({ version: 'v2' });
    expect(d.trafficPolicy?.loadBalancer?.simple).toBe('RANDOM');
    expect(d.notes).toContain('DestinationRule bookinfo/a + bookinfo/b applies to reviews.bookinfo.svc.cluster.local');
  });

  it('prefers a rule whose workloadSelector matches the client', () => {
    const general = withLabel('general', 'bookinfo', 'reviews', 'RANDOM');
    const forProductpage = withLabel('pp', 'bookinfo', 'reviews', 'LEAST_REQUEST', { workloadSelector: { matchLabels: { app: 'productpage' } } });
    expect(lbFor([general, forProductpage])).toBe('LEAST_REQUEST');
  });

  it('answers 503 NC when the subset is not defined', () => {
    const idx = buildRoutingIndex(bookinfo({ destinationRules: [] }));
    const d = resolveRoute(idx, request('reviews', jason));
    expect(d.outcome).toBe('clusterNotFound');
    expect(d.localReply).toEqual({ status: 503, responseFlag: 'NC' });
    expect(d.retries).toBeUndefined();
    expect(d.destination?.subset).toBe('v2');
  });

  it('answers 503 NC for a destination host outside the registry', () => {
    const vs = virtualService('ratings', 'bookinfo', { hosts: ['ratings'], http: [{ route: [{ destination: { host: 'ratings.bookinfo' } }] }] });
    const d = resolveRoute(buildRoutingIndex(bookinfo({ virtualServices: [vs] })), request('ratings'));
    expect(d.outcome).toBe('clusterNotFound');
    expect(d.destination?.host).toBe('ratings.bookinfo');
  });

  it('keeps the reviews rule as written in the fixture', () => {
    expect(reviewsRule.spec?.host).toBe('reviews');
  });
});
