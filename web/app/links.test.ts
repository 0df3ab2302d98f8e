import { describe, expect, it } from 'vitest';
import { findKind } from '../../mesh/kinds';
import { configPath } from './links';

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
