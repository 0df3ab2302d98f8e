import { describe, expect, it } from 'vitest';
import { API, config, findings } from './testing';

const gateway = (listeners: unknown[], ns = 'shop', name = 'gw') => config(API.gateway, 'Gateway', ns, name, { gatewayClassName: 'istio', listeners });
const listener = (name: string, port = 80, extra: Record<string, unknown> = {}) => ({ name, port, protocol: 'HTTP', ...extra });
const route = (parentRefs: unknown[], backendRefs: unknown[] = [{ name: 'reviews', port: 9080 }], ns = 'shop') =>
  config(API.gateway, 'HTTPRoute', ns, 'r', { parentRefs, rules: [{ backendRefs }] });

describe('Gateway API', () => {
  it('MD4001: a parentRef to a Gateway or Service that does not exist', () => {
    const [f] = findings('MD4001', [route([{ name: 'nope' }])]);
    expect(f?.path).toEqual(['spec', 'parentRefs', 0, 'name']);
    expect(findings('MD4001', [route([{ kind: 'Service', group: '', name: 'reviewz' }])])).toHaveLength(1);
    expect(findings('MD4001', [gateway([listener('http')]), route([{ name: 'gw' }, { kind: 'Service', group: '', name: 'reviews' }])])).toEqual([]);
  });

  it('MD4002: a sectionName or port the Gateway has no listener for', () => {
    const [f] = findings('MD4002', [gateway([listener('http')]), route([{ name: 'gw', sectionName: 'https' }])]);
    expect(f?.path).toEqual(['spec', 'parentRefs', 0, 'sectionName']);
    expect(f?.related[0]).toEqual({ kind: 'Gateway', group: 'gateway.networking.k8s.io', namespace: 'shop', name: 'gw' });
    expect(findings('MD4002', [gateway([listener('http')]), route([{ name: 'gw', port: 8080 }])])[0]?.path).toEqual(['spec', 'parentRefs', 0, 'port']);
    expect(findings('MD4002', [gateway([listener('http')]), route([{ name: 'gw', sectionName: 'http', port: 80 }])])).toEqual([]);
  });

  it('MD4003: a backendRef to a Service that does not exist', () => {
    const [f] = findings('MD4003', [gateway([listener('http')]), route([{ name: 'gw' }], [{ name: 'reviewz', port: 9080 }])]);
    expect(f?.path).toEqual(['spec', 'rules', 0, 'backendRefs', 0, 'name']);
    expect(findings('MD4003', [gateway([listener('http')]), route([{ name: 'gw' }])])).toEqual([]);
  });

  it('MD4004: a backendRef port that is missing or not exposed', () => {
    const [f] = findings('MD4004', [gateway([listener('http')]), route([{ name: 'gw' }], [{ name: 'reviews', port: 80 }])]);
    expect(f?.path).toEqual(['spec', 'rules', 0, 'backendRefs', 0, 'port']);
    expect(f?.related[0]?.name).toBe('reviews');
    const [missing] = findings('MD4004', [gateway([listener('http')]), route([{ name: 'gw' }], [{ name: 'reviews' }])]);
    expect(missing?.fix?.patch).toEqual([{ op: 'add', path: '/spec/rules/0/backendRefs/0/port', value: 9080 }]);
    expect(findings('MD4004', [gateway([listener('http')]), route([{ name: 'gw' }])])).toEqual([]);
  });

  it('MD4005: a cross-namespace backendRef without ReferenceGrant', () => {
    const gw = gateway([listener('http', 80, { allowedRoutes: { namespaces: { from: 'All' } } })]);
    const r = route([{ name: 'gw', namespace: 'shop' }], [{ name: 'reviews', namespace: 'shop', port: 9080 }], 'plain');
    const [f] = findings('MD4005', [gw, r]);
    expect(f?.path).toEqual(['spec', 'rules', 0, 'backendRefs', 0, 'namespace']);
    expect(f?.related[0]?.name).toBe('reviews');
    const grant = config('gateway.networking.k8s.io/v1beta1', 'ReferenceGrant', 'shop', 'from-plain', {
      from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'plain' }],
      to: [{ group: '', kind: 'Service' }],
    });
    expect(findings('MD4005', [gw, r, grant])).toEqual([]);
  });

  it('MD4006: listeners with the same port and hostname', () => {
    const [f] = findings('MD4006', [gateway([listener('a', 80, { hostname: 'x.example.com' }), listener('b', 80, { hostname: 'x.example.com' })])]);
    expect(f?.path).toEqual(['spec', 'listeners', 1, 'hostname']);
    expect(findings('MD4006', [gateway([listener('a', 80, { hostname: 'x.example.com' }), listener('b', 80, { hostname: 'y.example.com' })])])).toEqual([]);
  });

  it('MD4007: a route from a namespace the listener does not allow', () => {
    const [f] = findings('MD4007', [gateway([listener('http')]), route([{ name: 'gw', namespace: 'shop' }], [{ name: 'web', port: 80 }], 'plain')]);
    expect(f?.path).toEqual(['spec', 'parentRefs', 0]);
    const selectorListener = listener('http', 80, { allowedRoutes: { namespaces: { from: 'Selector', selector: { matchLabels: { 'istio-injection': 'enabled' } } } } });
    expect(findings('MD4007', [gateway([selectorListener], 'plain'), route([{ name: 'gw', namespace: 'plain' }])])).toEqual([]);
  });

  it('MD4008: route hostnames that no listener hostname matches', () => {
    const gw = gateway([listener('http', 80, { hostname: '*.example.com' })]);
    const withHosts = (hostnames: string[]) => config(API.gateway, 'HTTPRoute', 'shop', 'r', { parentRefs: [{ name: 'gw' }], hostnames, rules: [{ backendRefs: [{ name: 'reviews', port: 9080 }] }] });
    const [f] = findings('MD4008', [gw, withHosts(['shop.example.org'])]);
    expect(f?.path).toEqual(['spec', 'hostnames']);
    expect(f?.related[0]?.name).toBe('gw');
    expect(findings('MD4008', [gw, withHosts(['shop.example.org', 'shop.example.com'])])).toEqual([]);
    expect(findings('MD4008', [gateway([listener('http')]), withHosts(['anything.org'])])).toEqual([]);
  });
});
