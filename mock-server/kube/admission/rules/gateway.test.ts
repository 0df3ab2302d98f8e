import { describe, expect, it } from 'vitest';
import { gatewayRule } from './gateway';
import { described, withSpec } from './testing';

const check = (spec: Record<string, unknown>, name?: string) => described(gatewayRule(withSpec(spec, name)));
const server = (port: Record<string, unknown> | undefined, hosts: string[] = ['*.example.com'], tls?: object) => ({ port, hosts, ...(tls ? { tls } : {}) });

describe('Gateway rules', () => {
  it('accepts HTTP and HTTPS servers', () => {
    expect(
      check({
        selector: { istio: 'ingressgateway' },
        servers: [
          server({ number: 80, name: 'http', protocol: 'HTTP' }, ['*']),
          server({ number: 443, name: 'https', protocol: 'HTTPS' }, ['prod/shop.example.com'], { mode: 'SIMPLE', credentialName: 'shop-cert' }),
        ],
      }),
    ).toEqual([]);
  });

  it('requires servers, each with hosts and a valid port', () => {
    expect(check({})).toEqual(['spec.servers: Required value: gateway must have at least one server']);
    expect(check({ servers: [server(undefined, []), server({ number: 0, protocol: 'SMTP' })] })).toEqual([
      'spec.servers[0].hosts: Required value: server config must contain at least one host',
      'spec.servers[0].port: Required value: port is required',
      'spec.servers[1].port.number: Invalid value: 0: port number 0 must be in the range 1..65535',
      expect.stringMatching(/^spec\.servers\[1\]\.port\.protocol: Unsupported value: "SMTP": supported values: "HTTP", /),
    ]);
  });

  it('matches TLS settings to the protocol', () => {
    expect(check({ servers: [server({ number: 443, protocol: 'HTTPS' }), server({ number: 80, protocol: 'HTTP' }, undefined, { mode: 'SIMPLE' })] })).toEqual([
      'spec.servers[0].tls: Required value: server must have TLS settings for HTTPS/TLS protocols',
      'spec.servers[1].tls: Invalid value: "object": server cannot have TLS settings for plain text HTTP ports',
      'spec.servers[1].tls.serverCertificate: Required value: SIMPLE TLS requires a server certificate',
      'spec.servers[1].tls.privateKey: Required value: SIMPLE TLS requires a private key',
    ]);
  });

  it('requires a DNS label as the gateway name and namespace/host forms in hosts', () => {
    expect(check({ servers: [server({ number: 80, protocol: 'HTTP' }, ['Bad_NS/x.com', 'nodots'])] }, 'my.gateway')).toEqual([
      'metadata.name: Invalid value: "my.gateway": invalid gateway name: "my.gateway"',
      'spec.servers[0].hosts[0]: Invalid value: "Bad_NS/x.com": invalid namespace value "Bad_NS" in gateway',
      'spec.servers[0].hosts[1]: Invalid value: "nodots": short names (non FQDN) are not allowed',
    ]);
  });
});
