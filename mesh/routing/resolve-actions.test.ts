import { describe, expect, it } from 'vitest';
import { buildRoutingIndex } from './routing-index';
import { resolveRoute } from './resolve';
import { bookinfo } from './testing/bookinfo';
import { draws, request, service, virtualService } from './testing/objects';
import type { RouteRequest } from './types';

/** Resolves a request to ratings under a single ratings rule with extra fields. */
function ratings(rule: Record<string, unknown>, overrides: Partial<RouteRequest> = {}) {
  const vs = virtualService('ratings', 'bookinfo', { hosts: ['ratings'], http: [{ route: [{ destination: { host: 'ratings', subset: 'v1' } }], ...rule }] });
  return resolveRoute(buildRoutingIndex(bookinfo({ virtualServices: [vs] })), request('ratings', overrides));
}

describe('fault injection', () => {
  it('decides delay then abort from the random source', () => {
    const fault = { delay: { fixedDelay: '7s', percentage: { value: 50 } }, abort: { httpStatus: 500, percentage: { value: 10 } } };
    expect(ratings({ fault }, { rand: draws(0.2, 0.05) }).fault).toEqual({ delayMs: 7000, abort: { httpStatus: 500, grpcStatus: undefined } });
    expect(ratings({ fault }, { rand: draws(0.6, 0.5) }).fault).toEqual({ delayMs: undefined, abort: undefined });
  });

  it('does not draw for 100% and injects nothing without a percentage', () => {
    expect(ratings({ fault: { delay: { fixedDelay: '2s', percentage: { value: 100 } } } }).fault.delayMs).toBe(2000);
    expect(ratings({ fault: { delay: { fixedDelay: '2s' } } }).fault.delayMs).toBeUndefined();
    expect(ratings({ fault: { abort: { httpStatus: 503 } } }).fault.abort).toBeUndefined();
    expect(ratings({ fault: { delay: { fixedDelay: '2s', percent: 100 } } }).fault.delayMs).toBe(2000);
  });

  it('aborts gRPC with a gRPC status', () => {
    const d = ratings({ fault: { abort: { grpcStatus: 'UNAVAILABLE', percentage: { value: 100 } } } }, { protocol: 'grpc' });
    expect(d.fault.abort).toEqual({ grpcStatus: 'UNAVAILABLE', httpStatus: undefined });
  });
});

describe('retries and timeouts', () => {
  it('uses the written policy', () => {
    const d = ratings({ retries: { attempts: 3, perTryTimeout: '2s', retryOn: 'gateway-error,connect-failure,503' }, timeout: '10s' });
    expect(d.retries).toMatchObject({ attempts: 3, perTryTimeoutMs: 2000, retriableStatusCodes: [503], origin: 'route' });
    expect([...(d.retries?.retryOn ?? [])]).toEqual(['gateway-error', 'connect-failure', 'retriable-status-codes']);
    expect(d.timeoutMs).toBe(10_000);
  });

  it('disables retries with attempts 0 and treats timeout 0s as none', () => {
    const d = ratings({ retries: { attempts: 0 }, timeout: '0s' });
    expect(d.retries).toBeUndefined();
    expect(d.timeoutMs).toBeUndefined();
  });

  it('applies the default policy when none is written', () => {
    expect(ratings({}).retries?.origin).toBe('default');
  });
});

describe('mirroring', () => {
  it('mirrors 100% by default, decides partial mirrors, and drops explicit 0%', () => {
    expect(ratings({ mirror: { host: 'ratings', subset: 'v2' } }).mirrors).toEqual([
      { host: 'ratings.bookinfo.svc.cluster.local', port: 9080, subset: 'v2', subsetLabels: { version: 'v2' }, percentage: 100, mirrored: true },
    ]);
    expect(ratings({ mirror: { host: 'ratings', subset: 'v2' }, mirrorPercentage: { value: 30 } }, { rand: draws(0.5) }).mirrors[0]?.mirrored).toBe(false);
    expect(ratings({ mirror: { host: 'ratings' }, mirrorPercentage: { value: 0 } }).mirrors).toEqual([]);
    expect(ratings({ mirrors: [{ destination: { host: 'details' }, percentage: { value: 20 } }] }, { rand: draws(0.1) }).mirrors[0]).toMatchObject({ host: 'details.bookinfo.svc.cluster.local', mirrored: true });
  });
});

describe('redirect, direct response, rewrite and headers', () => {
  it('redirects with 301 by default and builds the Location', () => {
    const d = ratings({ redirect: { uri: '/v2/ratings', authority: 'ratings-v2' } }, { path: '/v1/ratings?x=1' });
    expect(d.outcome).toBe('redirect');
    expect(d.redirect).toEqual({ status: 301, location: 'http://ratings-v2/v2/ratings?x=1' });
    expect(ratings({ redirect: { scheme: 'https', redirectCode: 308, derivePort: 'FROM_REQUEST_PORT' } }, { path: '/a' }).redirect).toEqual({
      status: 308,
      location: 'https://ratings:9080/a',
    });
  });

  it('answers a direct response', () => {
    const d = ratings({ directResponse: { status: 503, body: { string: 'unavailable' } } });
    expect(d.outcome).toBe('directResponse');
    expect(d.directResponse).toEqual({ status: 503, body: 'unavailable' });
    expect(d.destination).toBeUndefined();
  });

  it('rewrites the matched prefix, or the whole path for an exact match, and the authority', () => {
    const prefix = ratings({ match: [{ uri: { prefix: '/v1' } }], rewrite: { uri: '/api', authority: 'ratings.internal' } }, { path: '/v1/ratings/0?q=1' });
    expect(prefix.rewrite).toEqual({ path: '/api/ratings/0?q=1', authority: 'ratings.internal' });
    const exact = ratings({ match: [{ uri: { exact: '/old' } }], rewrite: { uri: '/new' } }, { path: '/old' });
    expect(exact.rewrite?.path).toBe('/new');
    const regex = ratings({ rewrite: { uriRegexRewrite: { match: '^/service/([^/]+)(/.*)$', rewrite: '\\2/instance/\\1' } } }, { path: '/service/foo/v1/api' });
    expect(regex.rewrite?.path).toBe('/v1/api/instance/foo');
  });

  it('combines route and destination header operations; a Host header becomes an authority rewrite', () => {
    const d = ratings({
      headers: { request: { set: { 'x-route': 'a', host: 'ratings.example' }, remove: ['x-debug'] }, response: { add: { 'x-served-by': 'mesh' } } },
      route: [{ destination: { host: 'ratings' }, headers: { request: { set: { 'x-route': 'b' } } } }],
    });
    expect(d.requestHeaders).toEqual({ set: { 'x-route': 'b' }, add: {}, remove: ['x-debug'] });
    expect(d.responseHeaders).toEqual({ set: {}, add: { 'x-served-by': 'mesh' }, remove: [] });
    expect(d.rewrite?.authority).toBe('ratings.example');
  });
});

describe('TCP and TLS routes', () => {
  const mongo = service('mongodb', 'bookinfo', [27017]);
  const tcpVs = virtualService('mongodb', 'bookinfo', {
    hosts: ['mongodb'],
    tcp: [{ match: [{ port: 27017 }], route: [{ destination: { host: 'mongodb', subset: 'v1' }, weight: 80 }, { destination: { host: 'mongodb', subset: 'v2' }, weight: 20 }] }],
  });

  it('splits TCP traffic by weight; subsets without a DestinationRule have no cluster', () => {
    const idx = buildRoutingIndex(bookinfo({ services: [mongo], virtualServices: [tcpVs] }));
    const d = resolveRoute(idx, request('mongodb', { port: 27017, protocol: 'tcp', rand: draws(0.9) }));
    expect(d.matched).toMatchObject({ section: 'tcp', ruleIndex: 0, matchIndex: 0 });
    expect(d.destination?.subset).toBe('v2');
    expect(d.outcome).toBe('clusterNotFound');
    expect(d.retries).toBeUndefined();
  });

  it('routes TLS by SNI', () => {
    const web = service('web', 'bookinfo', [443]);
    const tlsVs = virtualService('web', 'bookinfo', {
      hosts: ['web'],
      tls: [{ match: [{ port: 443, sniHosts: ['web'] }], route: [{ destination: { host: 'web' } }] }],
    });
    const idx = buildRoutingIndex(bookinfo({ services: [web], virtualServices: [tlsVs] }));
    expect(resolveRoute(idx, request('web', { port: 443, protocol: 'tls' })).matched).toMatchObject({ section: 'tls', ruleIndex: 0 });
    expect(resolveRoute(idx, request('web', { port: 443, protocol: 'tls', sni: 'other.example' })).matched).toBe('default');
  });
});
