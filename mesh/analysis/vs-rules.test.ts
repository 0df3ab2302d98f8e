import { describe, expect, it } from 'vitest';
import { API, config, findings, vs } from './testing';

const to = (host = 'reviews') => [{ destination: { host } }];

describe('VirtualService rules', () => {
  it('MD1005: a rule after a catch-all rule, with a move fix', () => {
    const spec = { hosts: ['reviews'], http: [{ route: to() }, { match: [{ uri: { prefix: '/api' } }], route: to() }] };
    const [f] = findings('MD1005', [vs('r', spec)]);
    expect(f?.path).toEqual(['spec', 'http', 1]);
    expect(f?.fix?.patch).toEqual([{ op: 'move', from: '/spec/http/1', path: '/spec/http/0' }]);
  });

  it('MD1005: a rule whose every match repeats earlier matches', () => {
    const spec = { hosts: ['reviews'], http: [{ match: [{ uri: { prefix: '/a' } }], route: to() }, { match: [{ uri: { prefix: '/a' }, name: 'again' }], route: to() }] };
    const [f] = findings('MD1005', [vs('r', spec)]);
    expect(f?.path).toEqual(['spec', 'http', 1]);
    expect(findings('MD1014', [vs('r', spec)])).toEqual([]);
  });

  it('MD1014: a match identical to an earlier one', () => {
    const spec = { hosts: ['reviews'], http: [{ match: [{ uri: { prefix: '/a' } }], route: to() }, { match: [{ headers: { x: { exact: '1' } } }, { uri: { prefix: '/a' }, name: 'dup' }], route: to() }] };
    const [f, ...rest] = findings('MD1014', [vs('r', spec)]);
    expect(rest).toEqual([]);
    expect(f?.path).toEqual(['spec', 'http', 1, 'match', 1]);
    expect(findings('MD1005', [vs('r', spec)])).toEqual([]);
    const distinct = { hosts: ['reviews'], http: [{ match: [{ uri: { prefix: '/a' } }], route: to() }, { match: [{ uri: { prefix: '/a' }, ignoreUriCase: true }], route: to() }] };
    expect(findings('MD1014', [vs('r', distinct)])).toEqual([]);
  });

  it('MD1005 and MD1014: specific rules before the catch-all are fine', () => {
    const spec = { hosts: ['reviews'], http: [{ match: [{ uri: { prefix: '/api' } }], route: to() }, { match: [{ uri: { prefix: '/' } }], route: to() }] };
    expect(findings('MD1005', [vs('r', spec)])).toEqual([]);
    expect(findings('MD1014', [vs('r', spec)])).toEqual([]);
  });

  it('MD1009: retries that cannot finish within the timeout', () => {
    const spec = { hosts: ['reviews'], http: [{ route: to(), timeout: '2s', retries: { attempts: 3, perTryTimeout: '1s' } }] };
    const [f] = findings('MD1009', [vs('r', spec)]);
    expect(f?.path).toEqual(['spec', 'http', 0, 'retries', 'perTryTimeout']);
    expect(f?.fix?.patch).toEqual([{ op: 'replace', path: '/spec/http/0/retries/perTryTimeout', value: '666ms' }]);
    const ok = { hosts: ['reviews'], http: [{ route: to(), timeout: '3s', retries: { attempts: 2, perTryTimeout: '1s' } }] };
    expect(findings('MD1009', [vs('r', ok)])).toEqual([]);
  });

  it('MD1010: JWT-claim routing on a gateway without RequestAuthentication', () => {
    const gateway = config(API.networking, 'Gateway', 'shop', 'web', { selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['*'] }] });
    const spec = { hosts: ['shop.example.com'], gateways: ['web'], http: [{ match: [{ headers: { '@request.auth.claims.group': { exact: 'admin' } } }], route: to() }] };
    const [f] = findings('MD1010', [gateway, vs('r', spec)]);
    expect(f?.path).toEqual(['spec', 'http', 0, 'match', 0, 'headers', '@request.auth.claims.group']);
    const ra = config(API.security, 'RequestAuthentication', 'istio-system', 'jwt', { selector: { matchLabels: { istio: 'ingressgateway' } }, jwtRules: [{ issuer: 'me' }] });
    expect(findings('MD1010', [gateway, ra, vs('r', spec)])).toEqual([]);
  });
});
