import { describe, expect, it } from 'vitest';
import { described, withSpec } from './testing';
import { virtualServiceRule } from './virtual-service';

const dest = (host: string, weight?: number) => ({ destination: { host }, ...(weight === undefined ? {} : { weight }) });
const check = (spec: Record<string, unknown>) => described(virtualServiceRule(withSpec(spec)));

describe('VirtualService rules', () => {
  it('accepts a plain route and a weighted split that adds up to 100', () => {
    expect(check({ hosts: ['reviews'], http: [{ route: [dest('reviews')] }] })).toEqual([]);
    expect(check({ hosts: ['reviews'], http: [{ route: [dest('reviews', 80), dest('reviews', 20)], timeout: '1.5s' }] })).toEqual([]);
  });

  it('requires split weights to add up to 100', () => {
    expect(check({ hosts: ['r'], http: [{ route: [dest('r', 50), dest('r', 40)] }] })).toEqual([
      'spec.http[0].route: Invalid value: 90: total destination weight 90 != 100',
    ]);
    expect(check({ hosts: ['r'], tcp: [{ route: [dest('r', 30), dest('r', 30)] }] })).toEqual([
      'spec.tcp[0].route: Invalid value: 60: total destination weight 60 != 100',
    ]);
  });

  it('requires hosts, except on a delegate that only holds HTTP routes', () => {
    expect(check({ http: [{ route: [dest('r')] }] })).toEqual([]);
    expect(check({ gateways: ['istio-system/gw'], http: [{ route: [dest('r')] }] })[0]).toMatch(/^spec\.hosts: Required value: virtual service must have at least one host/);
    expect(check({ hosts: ['*'], http: [{ route: [dest('r')] }] })).toEqual([
      'spec.hosts[0]: Invalid value: "*": wildcard host * is not allowed for virtual services bound to the mesh gateway',
    ]);
  });

  it('requires an action on every HTTP rule, and a destination host on every route', () => {
    expect(check({ hosts: ['r'], http: [{ match: [{ uri: { prefix: '/' } }] }] })).toEqual([
      'spec.http[0].route: Required value: HTTP route, redirect or direct response is required',
    ]);
    expect(check({ hosts: ['r'], http: [{ route: [{ destination: { host: '' } }] }] })).toEqual(['spec.http[0].route[0].destination.host: Required value']);
    expect(check({ hosts: ['r'], http: [{ directResponse: { status: 503 } }, { redirect: { uri: '/new' } }, { delegate: { name: 'd' } }] })).toEqual([]);
    expect(check({ hosts: ['r'], http: [{ redirect: { uri: '/x' }, route: [dest('r')] }] })).toEqual([
      'spec.http[0]: Invalid value: "object": HTTP route cannot contain both route and redirect',
    ]);
  });

  it('checks faults, durations and retries', () => {
    const causes = check({
      hosts: ['r'],
      http: [
        {
          route: [dest('r')],
          timeout: '10',
          fault: { abort: { httpStatus: 700, percentage: { value: 120 } }, delay: { fixedDelay: '5ss' } },
          retries: { attempts: 3, perTryTimeout: '2s', retryOn: '5xx,bogus' },
        },
      ],
    });
    expect(causes).toEqual([
      'spec.http[0].fault.abort.percentage.value: Invalid value: 120: percentage 120 is neither 0.0, nor in range [0.0001, 100.0]',
      'spec.http[0].fault.abort.httpStatus: Invalid value: 700: HTTP status 700 is not in range 200-599',
      'spec.http[0].fault.delay.fixedDelay: Invalid value: "5ss": time: unknown unit "ss" in duration "5ss"',
      'spec.http[0].retries.retryOn: Invalid value: "5xx,bogus": "bogus" is not a valid retryOn policy',
      'spec.http[0].timeout: Invalid value: "10": time: missing unit in duration "10"',
    ]);
  });

  it('checks TLS routes and gateway names', () => {
    expect(check({ hosts: ['r'], gateways: ['bad/Name'], tls: [{ match: [{ sniHosts: [] }] }] })).toEqual([
      'spec.gateways[0]: Invalid value: "bad/Name": invalid value for gateway name: "Name"',
      'spec.tls[0].match[0].sniHosts: Required value: TLS match must have at least one SNI host',
      'spec.tls[0].route: Required value: TLS route is required',
    ]);
  });
});
