import { describe, expect, it } from 'vitest';
import { sidecarRule } from './sidecar';
import { described, withSpec } from './testing';

const check = (spec: Record<string, unknown>) => described(sidecarRule(withSpec(spec)));

describe('Sidecar rules', () => {
  it('accepts a namespace-wide egress restriction', () => {
    expect(check({ egress: [{ hosts: ['./*', 'istio-system/*'] }] })).toEqual([]);
    expect(check({ outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' } })).toEqual([]);
  });

  it('rejects an empty configuration', () => {
    expect(check({})).toEqual(['spec: Invalid value: "object": sidecar: empty configuration provided']);
  });

  it('checks egress hosts and the catch-all listener', () => {
    expect(check({ egress: [{ hosts: [] }, { hosts: ['reviews.com'] }, { port: { number: 80, protocol: 'HTTP' }, hosts: ['*/x.com'] }] })).toEqual([
      'spec.egress[0]: Invalid value: "object": sidecar: the egress listener with empty port should be the last listener in the list',
      'spec.egress[0].hosts: Required value: sidecar: egress listener must contain at least one host',
      'spec.egress[1]: Invalid value: "object": sidecar: the egress listener with empty port should be the last listener in the list',
      'spec.egress[1].hosts[0]: Invalid value: "reviews.com": host must be of form namespace/dnsName',
    ]);
  });

  it('checks ingress listeners', () => {
    expect(check({ ingress: [{ defaultEndpoint: '127.0.0.1:8080' }, { port: { number: 9080, protocol: 'HTTP' }, defaultEndpoint: 'localhost:8080' }] })).toEqual([
      'spec.ingress[0].port: Required value: sidecar: port is required for ingress listeners',
      expect.stringMatching(/^spec\.ingress\[1\]\.defaultEndpoint: Invalid value: "localhost:8080": sidecar: defaultEndpoint must be of form/),
    ]);
  });
});
