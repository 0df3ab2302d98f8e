import { describe, expect, it } from 'vitest';
import { serviceEntryRule } from './service-entry';
import { described, withSpec } from './testing';

const check = (spec: Record<string, unknown>) => described(serviceEntryRule(withSpec(spec)));
const https = { number: 443, name: 'https', protocol: 'TLS' };

describe('ServiceEntry rules', () => {
  it('accepts external DNS services and static endpoints', () => {
    expect(check({ hosts: ['api.example.com'], ports: [https], resolution: 'DNS', location: 'MESH_EXTERNAL' })).toEqual([]);
    expect(check({ hosts: ['db.internal'], ports: [{ number: 5432, name: 'tcp', protocol: 'TCP' }], resolution: 'STATIC', endpoints: [{ address: '10.0.0.5' }] })).toEqual([]);
  });

  it('requires hosts, and no bare wildcard', () => {
    expect(check({ ports: [https] })).toEqual(['spec.hosts: Required value: service entry must have at least one host']);
    expect(check({ hosts: ['*'], ports: [https] })).toEqual(['spec.hosts[0]: Invalid value: "*": invalid host *']);
  });

  it('matches endpoints to the resolution mode', () => {
    expect(check({ hosts: ['a.com'], ports: [https], resolution: 'NONE', endpoints: [{ address: '1.2.3.4' }] })).toEqual([
      'spec.endpoints: Invalid value: "array": no endpoints should be provided for resolution type none',
    ]);
    expect(check({ hosts: ['a.com'], ports: [https], resolution: 'STATIC' })).toEqual([
      'spec.endpoints: Required value: endpoints must be provided if service entry discovery mode is static',
    ]);
    expect(check({ hosts: ['a.com'], ports: [https], resolution: 'STATIC', endpoints: [{ address: 'db.local', ports: { grpc: 9000 } }] })).toEqual([
      'spec.endpoints[0].address: Invalid value: "db.local": db.local is not a valid IP',
      'spec.endpoints[0].ports[grpc]: Invalid value: 9000: endpoint port 9000 is not defined by the service entry',
    ]);
    expect(check({ hosts: ['*.a.com'], ports: [https], resolution: 'DNS' })).toEqual([
      'spec.hosts[0]: Invalid value: "*.a.com": hosts must be FQDN if no endpoints are provided for resolution mode DNS',
    ]);
    expect(check({ hosts: ['a.com'], ports: [https], workloadSelector: { labels: { app: 'a' } }, endpoints: [] })[0]).toContain('only one of WorkloadSelector or Endpoints');
  });

  it('checks ports and addresses', () => {
    expect(
      check({
        hosts: ['a.com', 'b.com'],
        addresses: ['10.0.0.0/24'],
        resolution: 'DNS',
        ports: [{ number: 9000, name: 'tcp', protocol: 'TCP' }, { number: 9000, name: 'tcp' }],
      }),
    ).toEqual([
      'spec.addresses: Invalid value: "10.0.0.0/24": CIDR addresses are allowed only for NONE/STATIC resolution types',
      'spec.ports[1].name: Duplicate value: "tcp"',
      'spec.ports[1].number: Duplicate value: 9000',
      'spec.hosts: Invalid value: "a.com,b.com": multiple hosts provided with non-HTTP, non-TLS ports',
    ]);
  });
});
