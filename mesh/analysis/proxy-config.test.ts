import { describe, expect, it } from 'vitest';
import { API, config, findings } from './testing';

describe('proxy configuration', () => {
  it('MD7003: a Sidecar egress host that matches nothing', () => {
    const sidecar = config(API.networking, 'Sidecar', 'shop', 'default', { egress: [{ hosts: ['./*', 'istio-system/*', 'payments/*', '*/api.example.com'] }] });
    const found = findings('MD7003', [sidecar]);
    expect(found.map((f) => f.path)).toEqual([
      ['spec', 'egress', 0, 'hosts', 1],
      ['spec', 'egress', 0, 'hosts', 2],
      ['spec', 'egress', 0, 'hosts', 3],
    ]);
    const se = config(API.networking, 'ServiceEntry', 'plain', 'api', { hosts: ['api.example.com'], ports: [{ number: 443, name: 'tls', protocol: 'TLS' }], resolution: 'DNS' });
    expect(findings('MD7003', [config(API.networking, 'Sidecar', 'shop', 'default', { egress: [{ hosts: ['./*', '*/api.example.com', '~/*'] }] }), se])).toEqual([]);
  });

  it('MD7004: an EnvoyFilter without selector in the root namespace', () => {
    const [f] = findings('MD7004', [config('networking.istio.io/v1alpha3', 'EnvoyFilter', 'istio-system', 'all', { configPatches: [] })]);
    expect(f?.path).toEqual(['spec']);
    expect(findings('MD7004', [config('networking.istio.io/v1alpha3', 'EnvoyFilter', 'istio-system', 'gw', { workloadSelector: { labels: { istio: 'ingressgateway' } }, configPatches: [] })])).toEqual([]);
    expect(findings('MD7004', [config('networking.istio.io/v1alpha3', 'EnvoyFilter', 'shop', 'ns', { configPatches: [] })])).toEqual([]);
  });

  it('MD6010: port-level mTLS on a port the workload does not expose', () => {
    const pa = (port: string) => config(API.security, 'PeerAuthentication', 'shop', 'reviews', { selector: { matchLabels: { app: 'reviews' } }, portLevelMtls: { [port]: { mode: 'DISABLE' } } });
    const [f] = findings('MD6010', [pa('80')]);
    expect(f?.path).toEqual(['spec', 'portLevelMtls', '80']);
    expect(f?.related.map((r) => r.name).sort()).toEqual(['reviews-v1', 'reviews-v2']);
    expect(findings('MD6010', [pa('9080')])).toEqual([]);
  });
});
