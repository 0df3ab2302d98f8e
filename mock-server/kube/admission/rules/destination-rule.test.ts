import { describe, expect, it } from 'vitest';
import { destinationRuleRule } from './destination-rule';
import { described, withSpec } from './testing';

const check = (spec: Record<string, unknown>) => described(destinationRuleRule(withSpec(spec)));

describe('DestinationRule rules', () => {
  it('accepts subsets with labels and a traffic policy', () => {
    expect(
      check({
        host: 'reviews.default.svc.cluster.local',
        trafficPolicy: { connectionPool: { tcp: { maxConnections: 100, connectTimeout: '30ms' } }, outlierDetection: { interval: '10s', maxEjectionPercent: 50 } },
        subsets: [{ name: 'v1', labels: { version: 'v1' } }, { name: 'v2', labels: { version: 'v2' }, trafficPolicy: { loadBalancer: { simple: 'RANDOM' } } }],
      }),
    ).toEqual([]);
  });

  it('requires a valid host', () => {
    expect(check({})).toEqual(['spec.host: Required value']);
    expect(check({ host: 'a..b' })).toEqual(['spec.host: Invalid value: "a..b": domain name "a..b" invalid (label "" invalid)']);
  });

  it('requires unique subset names that are DNS labels', () => {
    expect(check({ host: 'r', subsets: [{ name: 'v1' }, { name: 'v1' }, { name: 'V_2' }, { name: '' }] })).toEqual([
      'spec.subsets[1].name: Duplicate value: "v1"',
      'spec.subsets[2].name: Invalid value: "V_2": subset name is invalid: V_2',
      'spec.subsets[3].name: Required value: subset name cannot be empty',
    ]);
  });

  it('checks traffic policies everywhere they appear', () => {
    expect(
      check({
        host: 'r',
        trafficPolicy: {
          connectionPool: { http: { http2MaxRequests: -1 } },
          outlierDetection: { maxEjectionPercent: 150, baseEjectionTime: 'soon' },
          portLevelSettings: [{ port: { number: 99999 }, tls: { mode: 'MUTUAL' } }],
        },
        subsets: [{ name: 'v1', labels: { 'bad key': 'x' }, trafficPolicy: {} }],
      }),
    ).toEqual([
      'spec.trafficPolicy.connectionPool.http.http2MaxRequests: Invalid value: -1: http2 max requests must be non-negative',
      'spec.trafficPolicy.outlierDetection.baseEjectionTime: Invalid value: "soon": time: invalid duration "soon"',
      'spec.trafficPolicy.outlierDetection.maxEjectionPercent: Invalid value: 150: percentage 150 is not in range 0..100',
      'spec.trafficPolicy.portLevelSettings[0].port.number: Invalid value: 99999: port number 99999 must be in the range 1..65535',
      'spec.trafficPolicy.portLevelSettings[0].tls.clientCertificate: Required value: client certificate required for mutual tls',
      'spec.trafficPolicy.portLevelSettings[0].tls.privateKey: Required value: private key required for mutual tls',
      expect.stringMatching(/^spec\.subsets\[0\]\.labels: Invalid value: "bad key": name part must consist of/),
      'spec.subsets[0].trafficPolicy: Invalid value: "object": traffic policy must have at least one field',
    ]);
  });
});
