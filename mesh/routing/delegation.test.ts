import { describe, expect, it } from 'vitest';
import { buildRoutingIndex } from './routing-index';
import { resolveRoute } from './resolve';
import { bookinfo } from './testing/bookinfo';
import { ingress, request, virtualService } from './testing/objects';

const root = virtualService('bookinfo', 'bookinfo', {
  hosts: ['bookinfo.example.com'],
  gateways: ['bookinfo-gateway'],
  http: [
    { match: [{ uri: { prefix: '/reviews' } }], delegate: { name: 'reviews-delegate', namespace: 'team-reviews' } },
    { route: [{ destination: { host: 'productpage' } }] },
  ],
});
const delegate = virtualService('reviews-delegate', 'team-reviews', {
  http: [
    { match: [{ uri: { prefix: '/reviews/v2' } }], route: [{ destination: { host: 'reviews.bookinfo.svc.cluster.local', subset: 'v2' } }] },
    { match: [{ headers: { 'end-user': { exact: 'jason' } } }], route: [{ destination: { host: 'reviews.bookinfo.svc.cluster.local', subset: 'v3' } }] },
    { route: [{ destination: { host: 'reviews.bookinfo.svc.cluster.local', subset: 'v1' } }] },
  ],
});

describe('VirtualService delegation', () => {
  const idx = buildRoutingIndex(bookinfo({ virtualServices: [root, delegate] }));
  const at = (path: string, headers?: Record<string, string>) =>
    resolveRoute(idx, request('bookinfo.example.com', { source: ingress, port: 8080, path, headers }));

  it("routes by the delegate's rules within the root match", () => {
    expect(at('/reviews/v2/1').destination?.subset).toBe('v2');
    expect(at('/reviews/1', { 'end-user': 'jason' }).destination?.subset).toBe('v3');
    expect(at('/reviews/1').matched).toMatchObject({ kind: 'VirtualService', namespace: 'team-reviews', name: 'reviews-delegate', ruleIndex: 2 });
  });

  it('keeps requests outside the root match away from the delegate', () => {
    expect(at('/other', { 'end-user': 'jason' }).destination?.host).toBe('productpage.bookinfo.svc.cluster.local');
  });

  it('drops the rule when the delegate is not exported to the root namespace', () => {
    const hidden = { ...delegate, spec: { ...delegate.spec, exportTo: ['.'] } };
    const d = resolveRoute(buildRoutingIndex(bookinfo({ virtualServices: [root, hidden] })), request('bookinfo.example.com', { source: ingress, port: 8080, path: '/reviews/1' }));
    expect(d.destination?.host).toBe('productpage.bookinfo.svc.cluster.local');
  });
});
