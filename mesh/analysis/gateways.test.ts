import { describe, expect, it } from 'vitest';
import { API, config, findings } from './testing';

const gw = (name: string, servers: unknown[], selector: Record<string, string> = { istio: 'ingressgateway' }, ns = 'shop') =>
  config(API.networking, 'Gateway', ns, name, { selector, servers });
const http = (hosts: string[], number = 80) => ({ port: { number, name: 'http', protocol: 'HTTP' }, hosts });

describe('Istio Gateways', () => {
  it('MD3001: two gateways on the same proxies serve one host and port', () => {
    const found = findings('MD3001', [gw('a', [http(['shop.example.com'])]), gw('b', [http(['*.example.com'])])]);
    expect(found.map((f) => f.object.name).sort()).toEqual(['a', 'b']);
    expect(found[0]?.path).toEqual(['spec', 'servers', 0, 'hosts', 0]);
    expect(found.find((f) => f.object.name === 'a')?.related[0]?.name).toBe('b');
  });

  it('MD3001: different ports, hosts or proxies do not conflict', () => {
    expect(findings('MD3001', [gw('a', [http(['shop.example.com'])]), gw('b', [http(['shop.example.com'], 8080)])])).toEqual([]);
    expect(findings('MD3001', [gw('a', [http(['a.example.com'])]), gw('b', [http(['b.example.com'])])])).toEqual([]);
    expect(findings('MD3001', [gw('a', [http(['a.example.com'])]), gw('b', [http(['a.example.com'])], { istio: 'other' })])).toEqual([]);
  });

  it('MD3002: a selector that matches no gateway pod', () => {
    const [f] = findings('MD3002', [gw('a', [http(['*'])], { istio: 'egressgateway' })]);
    expect(f?.path).toEqual(['spec', 'selector']);
    expect(f?.message).toContain('istio=egressgateway');
    expect(findings('MD3002', [gw('a', [http(['*'])])])).toEqual([]);
  });

  it('MD3003: an HTTPS server without credentialName', () => {
    const https = { port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: ['*'], tls: { mode: 'SIMPLE' } };
    const [f] = findings('MD3003', [gw('a', [http(['*']), https])]);
    expect(f?.path).toEqual(['spec', 'servers', 1, 'tls']);
    expect(findings('MD3003', [gw('a', [{ ...https, tls: { mode: 'SIMPLE', credentialName: 'shop-cert' } }])])).toEqual([]);
    expect(findings('MD3003', [gw('a', [{ ...https, tls: { mode: 'PASSTHROUGH' } }])])).toEqual([]);
  });
});
