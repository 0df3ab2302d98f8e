import { describe, expect, it } from 'vitest';
import { buildRoutingIndex } from './routing-index';
import { resolveRoute } from './resolve';
import { bookinfo, bookinfoServices, reviewsRoute } from './testing/bookinfo';
import { draws, productpage, request, service, serviceEntry, sidecar, virtualService } from './testing/objects';

const index = buildRoutingIndex(bookinfo());

describe('sidecar routing: bookinfo reviews', () => {
  it('sends end-user jason to v2 through the first rule', () => {
    const d = resolveRoute(index, request('reviews', { headers: { 'End-User': 'jason' } }));
    expect(d.outcome).toBe('forward');
    expect(d.matched).toEqual({ kind: 'VirtualService', namespace: 'bookinfo', name: 'reviews', section: 'http', ruleIndex: 0, ruleName: 'jason', matchIndex: 0 });
    expect(d.destination).toEqual({
      host: 'reviews.bookinfo.svc.cluster.local',
      port: 9080,
      subset: 'v2',
      subsetLabels: { version: 'v2' },
      serviceNamespace: 'bookinfo',
      weight: 100,
    });
  });

  it('splits everyone else 75/25 between v1 and v3 with the random source', () => {
    const v1 = resolveRoute(index, request('reviews', { rand: draws(0.74) }));
    const v3 = resolveRoute(index, request('reviews', { rand: draws(0.75) }));
    expect(v1.destination?.subset).toBe('v1');
    expect(v1.destination?.weight).toBe(75);
    expect(v3.destination?.subset).toBe('v3');
    expect(v3.matched).toMatchObject({ ruleIndex: 1, ruleName: 'split' });
    expect(v3.matched).toHaveProperty('matchIndex', undefined);
  });

  it('accepts every DNS form of the host the client may use', () => {
    for (const host of ['reviews', 'reviews:9080', 'reviews.bookinfo', 'reviews.bookinfo.svc', 'reviews.bookinfo.svc.cluster.local']) {
      const d = resolveRoute(index, request(host, { headers: { 'end-user': 'jason' } }));
      expect(d.destination?.subset, host).toBe('v2');
    }
  });

  it('uses the default route when no VirtualService applies: all endpoints, default retries, no timeout', () => {
    const d = resolveRoute(index, request('ratings'));
    expect(d.outcome).toBe('forward');
    expect(d.matched).toBe('default');
    expect(d.destination).toMatchObject({ host: 'ratings.bookinfo.svc.cluster.local', port: 9080, subset: undefined, subsetLabels: undefined });
    expect(d.retries?.attempts).toBe(2);
    expect(d.retries?.origin).toBe('default');
    expect(d.timeoutMs).toBeUndefined();
  });

  it('resolves a short name in the client namespace, so "reviews" from another namespace is unknown', () => {
    const d = resolveRoute(index, request('reviews', { source: { namespace: 'shop' } }));
    expect(d.outcome).toBe('passthrough');
    expect(resolveRoute(buildRoutingIndex(bookinfo({ outboundTrafficPolicy: 'REGISTRY_ONLY' })), request('reviews', { source: { namespace: 'shop' } }))).toMatchObject({
      outcome: 'blackhole',
      localReply: { status: 502 },
    });
  });

  it('indexes a plain snapshot on first use', () => {
    const snapshot = bookinfo();
    expect(resolveRoute(snapshot, request('reviews', { headers: { 'end-user': 'jason' } })).destination?.subset).toBe('v2');
  });
});

describe('which VirtualService applies', () => {
  const catchAll = (name: string, ns: string, hosts: string[], subset: string, extra: Record<string, unknown> = {}) =>
    virtualService(name, ns, { hosts, ...extra, http: [{ route: [{ destination: { host: 'reviews.bookinfo.svc.cluster.local', subset } }] }] });

  it('prefers an exact host over a wildcard, and a wildcard covers the rest', () => {
    const idx = buildRoutingIndex(bookinfo({ virtualServices: [catchAll('wild', 'bookinfo', ['*.bookinfo.svc.cluster.local'], 'v3'), catchAll('exact', 'bookinfo', ['reviews'], 'v1')] }));
    expect(resolveRoute(idx, request('reviews')).matched).toMatchObject({ name: 'exact' });
    expect(resolveRoute(idx, request('ratings')).matched).toMatchObject({ name: 'wild' });
  });

  it('gives a host to the oldest VirtualService; later ones are ignored at a sidecar', () => {
    const older = catchAll('older', 'bookinfo', ['reviews'], 'v1');
    const newer = catchAll('newer', 'bookinfo', ['reviews'], 'v2');
    const idx = buildRoutingIndex(bookinfo({ virtualServices: [newer, older] }));
    expect(resolveRoute(idx, request('reviews')).matched).toMatchObject({ name: 'older' });
  });

  it('prefers config private to the client namespace over public config', () => {
    const publicVs = catchAll('public', 'team-a', ['reviews.bookinfo.svc.cluster.local'], 'v1');
    const privateVs = catchAll('private', 'bookinfo', ['reviews'], 'v2', { exportTo: ['.'] });
    const idx = buildRoutingIndex(bookinfo({ virtualServices: [publicVs, privateVs] }));
    expect(resolveRoute(idx, request('reviews')).matched).toMatchObject({ name: 'private' });
    const other = resolveRoute(idx, request('reviews.bookinfo', { source: { namespace: 'shop' } }));
    expect(other.matched).toMatchObject({ name: 'public' });
  });

  it('hides a VirtualService exported elsewhere', () => {
    const idx = buildRoutingIndex(bookinfo({ virtualServices: [{ ...reviewsRoute, spec: { ...reviewsRoute.spec, exportTo: ['shop'] } }] }));
    expect(resolveRoute(idx, request('reviews')).matched).toBe('default');
    expect(resolveRoute(idx, request('reviews.bookinfo', { source: { namespace: 'shop' }, rand: draws(0) })).matched).toMatchObject({ name: 'reviews' });
  });

  it('skips a VirtualService bound only to gateways', () => {
    const idx = buildRoutingIndex(bookinfo({ virtualServices: [catchAll('edge', 'bookinfo', ['reviews'], 'v1', { gateways: ['bookinfo-gateway'] })] }));
    expect(resolveRoute(idx, request('reviews')).matched).toBe('default');
  });

  it('skips a VirtualService whose every match targets other sources, then the next one applies', () => {
    const forOthers = virtualService('others', 'bookinfo', {
      hosts: ['reviews'],
      http: [{ match: [{ sourceLabels: { app: 'details' } }], route: [{ destination: { host: 'reviews', subset: 'v3' } }] }],
    });
    const idx = buildRoutingIndex(bookinfo({ virtualServices: [forOthers, catchAll('fallback', 'bookinfo', ['reviews'], 'v1')] }));
    expect(resolveRoute(idx, request('reviews')).matched).toMatchObject({ name: 'fallback' });
    expect(resolveRoute(idx, request('reviews', { source: { namespace: 'bookinfo', labels: { app: 'details' } } })).matched).toMatchObject({ name: 'others' });
  });
});

describe('HTTP match conditions', () => {
  const matching = (match: unknown[]) =>
    buildRoutingIndex(
      bookinfo({
        virtualServices: [
          virtualService('ratings', 'bookinfo', {
            hosts: ['ratings'],
            http: [{ match, route: [{ destination: { host: 'ratings', subset: 'v2' } }] }, { route: [{ destination: { host: 'ratings', subset: 'v1' } }] }],
          }),
        ],
      }),
    );
  const subsetFor = (match: unknown[], overrides: Parameters<typeof request>[1]) => resolveRoute(matching(match), request('ratings', overrides)).destination?.subset;

  it('ORs match entries and ANDs the fields within one', () => {
    const match = [{ method: { exact: 'POST' }, uri: { prefix: '/ratings' } }, { queryParams: { debug: { exact: 'true' } } }];
    expect(subsetFor(match, { method: 'POST', path: '/ratings/0' })).toBe('v2');
    expect(subsetFor(match, { method: 'GET', path: '/ratings/0' })).toBe('v1');
    expect(subsetFor(match, { method: 'GET', path: '/x?debug=true' })).toBe('v2');
  });

  it('matches the path without its query string; regexes match the whole path', () => {
    expect(subsetFor([{ uri: { exact: '/ratings/0' } }], { path: '/ratings/0?x=1' })).toBe('v2');
    expect(subsetFor([{ uri: { regex: '/ratings/[0-9]+' } }], { path: '/ratings/12' })).toBe('v2');
    expect(subsetFor([{ uri: { regex: '/ratings/[0-9]+' } }], { path: '/ratings/12/x' })).toBe('v1');
  });

  it('applies ignoreUriCase to exact and prefix paths', () => {
    expect(subsetFor([{ uri: { prefix: '/Ratings' }, ignoreUriCase: true }], { path: '/RATINGS/1' })).toBe('v2');
    expect(subsetFor([{ uri: { prefix: '/Ratings' } }], { path: '/RATINGS/1' })).toBe('v1');
  });

  it('withoutHeaders matches when the header is absent or different', () => {
    const match = [{ withoutHeaders: { 'end-user': { exact: 'jason' } } }];
    expect(subsetFor(match, {})).toBe('v2');
    expect(subsetFor(match, { headers: { 'end-user': 'ann' } })).toBe('v2');
    expect(subsetFor(match, { headers: { 'end-user': 'jason' } })).toBe('v1');
    expect(subsetFor([{ withoutHeaders: { 'x-canary': {} } }], { headers: { 'x-canary': '1' } })).toBe('v1');
  });

  it('checks header presence, prefix and regex, authority and the listener port', () => {
    expect(subsetFor([{ headers: { 'x-canary': {} } }], { headers: { 'X-Canary': '' } })).toBe('v2');
    expect(subsetFor([{ headers: { cookie: { regex: '^(.*?;)?(user=jason)(;.*)?$' } } }], { headers: { cookie: 'a=1; user=jason' } })).toBe('v1');
    expect(subsetFor([{ headers: { cookie: { regex: '^(.*?;)?(user=jason)(;.*)?$' } } }], { headers: { cookie: 'a=1;user=jason' } })).toBe('v2');
    expect(subsetFor([{ authority: { prefix: 'ratings' } }], {})).toBe('v2');
    expect(subsetFor([{ port: 9081 }], {})).toBe('v1');
  });

  it('honours sourceNamespace and sourceLabels, and ignores them when match gateways are listed', () => {
    expect(subsetFor([{ sourceNamespace: 'bookinfo', sourceLabels: { app: 'productpage' } }], {})).toBe('v2');
    expect(subsetFor([{ sourceNamespace: 'shop' }], {})).toBe('v1');
    expect(subsetFor([{ gateways: ['mesh'], sourceNamespace: 'shop' }], {})).toBe('v2');
  });

  it('answers 404 NR when a VirtualService applies but no rule matches', () => {
    const idx = buildRoutingIndex(
      bookinfo({ virtualServices: [virtualService('ratings', 'bookinfo', { hosts: ['ratings'], http: [{ match: [{ uri: { prefix: '/v2' } }], route: [{ destination: { host: 'ratings' } }] }] })] }),
    );
    const d = resolveRoute(idx, request('ratings', { path: '/v1' }));
    expect(d.outcome).toBe('noRoute');
    expect(d.localReply).toEqual({ status: 404, responseFlag: 'NR' });
    expect(d.matched).toEqual({ kind: 'VirtualService', namespace: 'bookinfo', name: 'ratings', section: 'http' });
  });
});

describe('registry and Sidecar scoping', () => {
  it('routes to a ServiceEntry host, including wildcard hosts', () => {
    const se = serviceEntry('github', 'bookinfo', { hosts: ['api.github.com', '*.wikipedia.org'], ports: [{ number: 443, name: 'tls', protocol: 'TLS' }], location: 'MESH_EXTERNAL' });
    const idx = buildRoutingIndex(bookinfo({ serviceEntries: [se] }));
    expect(resolveRoute(idx, request('api.github.com', { port: 443, protocol: 'tls' })).destination).toMatchObject({ host: 'api.github.com', port: 443, serviceNamespace: 'bookinfo' });
    expect(resolveRoute(idx, request('en.wikipedia.org', { port: 443, protocol: 'tls' })).outcome).toBe('forward');
  });

  it('treats a port the service does not declare as unknown traffic', () => {
    expect(resolveRoute(index, request('reviews', { port: 8080 })).outcome).toBe('passthrough');
  });

  it('hides hosts a Sidecar does not import', () => {
    const scoped = sidecar('default', 'bookinfo', { egress: [{ hosts: ['./ratings.bookinfo.svc.cluster.local', 'istio-system/*'] }], outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' } });
    const idx = buildRoutingIndex(bookinfo({ sidecars: [scoped] }));
    expect(resolveRoute(idx, request('ratings')).outcome).toBe('forward');
    const hidden = resolveRoute(idx, request('reviews'));
    expect(hidden.outcome).toBe('blackhole');
    expect(hidden.notes.join('\n')).toContain('does not import');
  });

  it('ignores services exported away from the client', () => {
    const privateSvc = service('internal', 'bookinfo', [9080], { 'networking.istio.io/exportTo': '.' });
    const idx = buildRoutingIndex(bookinfo({ services: [...bookinfoServices, privateSvc] }));
    expect(resolveRoute(idx, request('internal')).outcome).toBe('forward');
    expect(resolveRoute(idx, request('internal.bookinfo', { source: { ...productpage, namespace: 'shop' } })).outcome).toBe('passthrough');
  });
});
