import { describe, expect, it } from 'vitest';
import { findKind } from '../../mesh/kinds';
import { configPath, detailPath, topologyPath, tracePath, tracesPath } from './links';

describe('configPath', () => {
  it('links to detail pages, without a namespace for cluster-scoped kinds', () => {
    expect(configPath(findKind('networking.istio.io', 'VirtualService')!, 'bookinfo', 'reviews')).toBe(
      '/config/virtualservices.networking.istio.io/bookinfo/reviews',
    );
    expect(configPath(findKind('gateway.networking.k8s.io', 'GatewayClass')!, undefined, 'istio')).toBe(
      '/config/gatewayclasses.gateway.networking.k8s.io/istio',
    );
  });
});

describe('links between telemetry screens', () => {
  it('opens a detail page on a tab with its parameters, escaping names', () => {
    expect(detailPath('workload', 'bookinfo', 'reviews-v1')).toBe('/workloads/bookinfo/reviews-v1');
    expect(detailPath('workload', 'bookinfo', 'reviews-v1', { tab: 'logs', params: { q: 'a b&c', pod: '' } })).toBe(
      '/workloads/bookinfo/reviews-v1?tab=logs&q=a+b%26c',
    );
    expect(detailPath('service', 'ns', 'a/b', { tab: 'overview' })).toBe('/services/ns/a%2Fb');
  });

  it('fills the trace search in from a scope and a time', () => {
    const start = new Date(1764090000_500);
    const end = new Date(1764090060_500);
    const path = tracesPath({ service: 'productpage.bookinfo', tags: { 'guid:x-request-id': 'r1' }, minDuration: '100ms', start, end });
    const query = new URLSearchParams(path.split('?')[1]);
    expect(path.startsWith('/traces?')).toBe(true);
    expect(query.get('service')).toBe('productpage.bookinfo');
    expect(JSON.parse(query.get('tags') ?? '')).toEqual({ 'guid:x-request-id': 'r1' });
    expect([query.get('from'), query.get('to')]).toEqual(['1764090000', '1764090061']);
    expect(tracesPath()).toBe('/traces');
    expect(tracePath('abc', 's1')).toBe('/traces/abc?span=s1');
    expect(topologyPath({ focus: 'workload:bookinfo/reviews-v1', namespaces: ['bookinfo'] })).toBe(
      '/topology?ns=bookinfo&focus=workload%3Abookinfo%2Freviews-v1',
    );
  });
});
