import { describe, expect, it } from 'vitest';
import { peerAuthenticationRule } from './peer-authentication';
import { described, withSpec } from './testing';

const check = (spec: Record<string, unknown>) => described(peerAuthenticationRule(withSpec(spec)));

describe('PeerAuthentication rules', () => {
  it('accepts namespace-wide STRICT and per-port modes on selected workloads', () => {
    expect(check({ mtls: { mode: 'STRICT' } })).toEqual([]);
    expect(check({ selector: { matchLabels: { app: 'web' } }, portLevelMtls: { '8080': { mode: 'DISABLE' } } })).toEqual([]);
  });

  it('allows port-level mTLS only with a selector', () => {
    expect(check({ portLevelMtls: { '8080': { mode: 'DISABLE' } } })).toEqual([
      'spec.portLevelMtls: Invalid value: "object": mesh/namespace peer authentication cannot have port level mTLS',
    ]);
  });

  it('checks the ports', () => {
    expect(check({ selector: { matchLabels: { app: 'web' } }, portLevelMtls: { '0': {}, '70000': {}, http: {} } })).toEqual([
      'spec.portLevelMtls[0]: Invalid value: 0: port cannot be 0',
      'spec.portLevelMtls[70000]: Invalid value: 70000: port number 70000 must be in the range 1..65535',
      'spec.portLevelMtls[http]: Invalid value: "http": port must be a number',
    ]);
    expect(check({ selector: { matchLabels: { app: 'web' } }, portLevelMtls: {} })).toEqual([
      'spec.portLevelMtls: Invalid value: "object": port level mTLS, if defined, must have at least one element',
    ]);
  });
});
