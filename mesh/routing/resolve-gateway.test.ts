import { describe, expect, it } from 'vitest';
import { buildRoutingIndex } from './routing-index';
import { resolveRoute } from './resolve';
import { bookinfo, bookinfoGateway, bookinfoIngressRoute } from './testing/bookinfo';
import { ingress, istioGateway, request, virtualService } from './testing/objects';
import type { RouteRequest } from './types';

const atIngress = (path: string, overrides: Partial<RouteRequest> = {}): RouteRequest =>
  request('bookinfo.example.com', { source: ingress, port: 8080, path, ...overrides });

describe('ingress through an Istio Gateway', () => {
  const index = buildRoutingIndex(bookinfo());

  it('finds the Gateway by selector and routes /productpage to the productpage service', () => {
    const d = resolveRoute(index, atIngress('/productpage'));
    expect(d.outcome).toBe('forward');
    expect(d.matched).toEqual({ kind: 'VirtualService', namespace: 'bookinfo', name: 'bookinfo', section: 'http', ruleIndex: 0, matchIndex: 0 });
    expect(d.destination).toMatchObject({ host: 'productpage.bookinfo.svc.cluster.local', port: 9080 });
    expect(d.notes).toContain('Gateway bookinfo/bookinfo-gateway serves port 8080');
  });

  it('reports which match entry matched', () => {
    expect(resolveRoute(index, atIngress('/api/v1/products/1')).matched).toMatchObject({ matchIndex: 4 });
  });

  it('answers 404 NR for paths no rule matches', () => {
    const d = resolveRoute(index, atIngress('/admin'));
    expect(d.outcome).toBe('noRoute');
    expect(d.localReply).toEqual({ status: 404, responseFlag: 'NR' });
  });

  it('refuses ports no server listens on', () => {
    expect(resolveRoute(index, atIngress('/productpage', { port: 443 })).outcome).toBe('blackhole');
  });

  it('binds explicitly listed Gateways, resolved relative to the proxy namespace', () => {
    const explicit = { ...ingress, labels: {}, gateway: { istioGateways: ['bookinfo/bookinfo-gateway'] } };
    expect(resolveRoute(index, atIngress('/productpage', { source: explicit })).outcome).toBe('forward');
    const none = { ...ingress, labels: {}, gateway: { istioGateways: ['other'] } };
    expect(resolveRoute(index, atIngress('/productpage', { source: none })).outcome).toBe('blackhole');
  });

  it('only exposes hosts the server lists, with namespace restrictions', () => {
    const gw = istioGateway('bookinfo-gateway', 'bookinfo', {
      selector: { istio: 'ingressgateway' },
      servers: [{ port: { number: 8080, protocol: 'HTTP' }, hosts: ['bookinfo/bookinfo.example.com', 'shop/*'] }],
    });
    const idx = buildRoutingIndex(bookinfo({ gateways: [gw] }));
    expect(resolveRoute(idx, atIngress('/productpage')).outcome).toBe('forward');
    expect(resolveRoute(idx, atIngress('/productpage', { authority: 'other.example.com' })).outcome).toBe('noRoute');
  });

  it('merges VirtualServices for the same host and moves catch-all routes last', () => {
    const catchAll = virtualService('fallback', 'bookinfo', {
      hosts: ['bookinfo.example.com'],
      gateways: ['bookinfo/bookinfo-gateway'],
      http: [{ route: [{ destination: { host: 'details' } }] }],
    });
    const api = virtualService('api', 'bookinfo', {
      hosts: ['bookinfo.example.com'],
      gateways: ['bookinfo-gateway'],
      http: [{ match: [{ uri: { prefix: '/api' } }], route: [{ destination: { host: 'reviews' } }] }],
    });
    const idx = buildRoutingIndex(bookinfo({ virtualServices: [catchAll, api] }));
    expect(resolveRoute(idx, atIngress('/api/x')).matched).toMatchObject({ name: 'api' });
    expect(resolveRoute(idx, atIngress('/index.html')).matched).toMatchObject({ name: 'fallback' });
  });

  it('prefers the most specific virtual host', () => {
    const specific = virtualService('specific', 'bookinfo', {
      hosts: ['bookinfo.example.com'],
      gateways: ['bookinfo-gateway'],
      http: [{ route: [{ destination: { host: 'details' } }] }],
    });
    const idx = buildRoutingIndex(bookinfo({ virtualServices: [bookinfoIngressRoute, specific] }));
    expect(resolveRoute(idx, atIngress('/productpage')).matched).toMatchObject({ name: 'specific' });
    expect(resolveRoute(idx, atIngress('/productpage', { authority: 'other.example.com:8080' })).matched).toMatchObject({ name: 'bookinfo' });
  });

  it('applies match-level gateways and looks DestinationRules up from the gateway namespace', () => {
    const vs = virtualService('reviews', 'bookinfo', {
      hosts: ['reviews', 'bookinfo.example.com'],
      gateways: ['mesh', 'bookinfo-gateway'],
      http: [
        { match: [{ gateways: ['bookinfo-gateway'] }], route: [{ destination: { host: 'reviews', subset: 'v3' } }] },
        { route: [{ destination: { host: 'reviews', subset: 'v1' } }] },
      ],
    });
    const idx = buildRoutingIndex(bookinfo({ virtualServices: [vs], gateways: [bookinfoGateway] }));
    const edge = resolveRoute(idx, atIngress('/'));
    expect(edge.destination).toMatchObject({ subset: 'v3', subsetLabels: { version: 'v3' } });
    expect(edge.trafficPolicy?.loadBalancer?.simple).toBe('RANDOM');
    expect(resolveRoute(idx, request('reviews')).destination?.subset).toBe('v1');
  });
});
