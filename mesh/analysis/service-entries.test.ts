import { describe, expect, it } from 'vitest';
import { API, config, findings } from './testing';

const se = (name: string, spec: Record<string, unknown>, ns = 'shop') => config(API.networking, 'ServiceEntry', ns, name, spec);
const external = (name: string, protocol: string, extra: Record<string, unknown> = {}) =>
  se(name, { hosts: ['api.example.com'], ports: [{ number: 443, name: 'p', protocol }], resolution: 'DNS', location: 'MESH_EXTERNAL', ...extra });

describe('ServiceEntries', () => {
  it('MD5001: different protocols for one host and port', () => {
    const found = findings('MD5001', [external('a', 'TLS'), external('b', 'HTTPS')]);
    expect(found.map((f) => f.object.name).sort()).toEqual(['a', 'b']);
    expect(found[0]?.path).toEqual(['spec', 'ports', 0, 'protocol']);
    expect(found.find((f) => f.object.name === 'a')?.related[0]?.name).toBe('b');
    expect(findings('MD5001', [external('a', 'TLS'), external('b', 'TLS')])).toEqual([]);
  });

  it('MD5002: STATIC without endpoints, DNS with a wildcard host', () => {
    const [f] = findings('MD5002', [se('s', { hosts: ['db.internal'], ports: [{ number: 5432, name: 'tcp', protocol: 'TCP' }], resolution: 'STATIC' })]);
    expect(f?.path).toEqual(['spec', 'resolution']);
    const [w] = findings('MD5002', [se('w', { hosts: ['*.example.com'], ports: [{ number: 443, name: 'tls', protocol: 'TLS' }], resolution: 'DNS' })]);
    expect(w?.path).toEqual(['spec', 'hosts', 0]);
    expect(findings('MD5002', [se('s', { hosts: ['db.internal'], ports: [{ number: 5432, name: 'tcp', protocol: 'TCP' }], resolution: 'STATIC', endpoints: [{ address: '10.0.0.1' }] })])).toEqual([]);
    expect(findings('MD5002', [se('w', { hosts: ['*.example.com'], ports: [{ number: 443, name: 'tls', protocol: 'TLS' }], resolution: 'NONE' })])).toEqual([]);
  });

  it('MD5003: the same host in several ServiceEntries', () => {
    const found = findings('MD5003', [external('a', 'TLS'), external('b', 'TLS')]);
    expect(found).toHaveLength(2);
    expect(found[0]?.path).toEqual(['spec', 'hosts', 0]);
    const privateCopy = se('b', { hosts: ['api.example.com'], ports: [{ number: 443, name: 'p', protocol: 'TLS' }], resolution: 'DNS', exportTo: ['.'] }, 'plain');
    expect(findings('MD5003', [external('a', 'TLS', { exportTo: ['.'] }), privateCopy])).toEqual([]);
  });
});
