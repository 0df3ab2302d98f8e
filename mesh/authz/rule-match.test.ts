import { describe, expect, it } from 'vitest';
import { evaluateAuthorization } from './evaluate';
import { authorizationPolicy, reviewsRequest } from './testing';
import type { AuthzRequest } from './types';

/** Whether a DENY policy with this one rule denies the request. */
function matches(rule: Record<string, unknown>, request: AuthzRequest = reviewsRequest()): boolean {
  return !evaluateAuthorization([authorizationPolicy('p', 'bookinfo', { action: 'DENY', rules: [rule] })], request).allowed;
}
const plaintext = reviewsRequest({ source: { principal: undefined } });

describe('rule structure', () => {
  it('matches everything with an empty rule', () => {
    expect(matches({})).toBe(true);
  });

  it('ORs sources, ANDs the fields of one source, ORs the values of one field', () => {
    const rule = { from: [{ source: { namespaces: ['shop'], ipBlocks: ['10.1.0.0/16'] } }, { source: { principals: ['x', 'cluster.local/ns/bookinfo/sa/bookinfo-productpage'] } }] };
    expect(matches(rule)).toBe(true);
    expect(matches({ from: [{ source: { namespaces: ['bookinfo'], ipBlocks: ['192.168.0.0/16'] } }] })).toBe(false);
  });

  it('requires from, to and every when condition together', () => {
    const rule = { from: [{ source: { namespaces: ['bookinfo'] } }], to: [{ operation: { methods: ['GET'] } }], when: [{ key: 'request.headers[User-Agent]', values: ['curl/*'] }] };
    expect(matches(rule)).toBe(true);
    expect(matches({ ...rule, when: [...rule.when, { key: 'destination.port', values: ['8080'] }] })).toBe(false);
  });
});

describe('identity fields need mutual TLS', () => {
  it('never matches principals or namespaces for plaintext, and always matches their negations', () => {
    expect(matches({ from: [{ source: { principals: ['*'] } }] }, plaintext)).toBe(false);
    expect(matches({ from: [{ source: { namespaces: ['bookinfo'] } }] }, plaintext)).toBe(false);
    expect(matches({ from: [{ source: { notPrincipals: ['cluster.local/ns/bookinfo/sa/bookinfo-productpage'] } }] }, plaintext)).toBe(true);
    expect(matches({ from: [{ source: { notNamespaces: ['bookinfo'] } }] }, plaintext)).toBe(true);
  });

  it('reads the namespace and service account from the principal', () => {
    expect(matches({ from: [{ source: { namespaces: ['book*'] } }] })).toBe(true);
    expect(matches({ from: [{ source: { notNamespaces: ['bookinfo'] } }] })).toBe(false);
    expect(matches({ from: [{ source: { serviceAccounts: ['bookinfo-productpage'] } }] })).toBe(true);
    expect(matches({ from: [{ source: { serviceAccounts: ['shop/bookinfo-productpage'] } }] })).toBe(false);
    expect(matches({ from: [{ source: { principals: ['*/sa/bookinfo-productpage'] } }] })).toBe(true);
    expect(matches({ from: [{ source: { principals: ['*'] } }] }, reviewsRequest({ source: { principal: 'spiffe://cluster.local/ns/a/sa/b' } }))).toBe(true);
  });
});

describe('operation fields', () => {
  it('matches paths exactly, by prefix*, *suffix, * and templates, ignoring the query', () => {
    expect(matches({ to: [{ operation: { paths: ['/reviews/0'] } }] }, reviewsRequest({ request: { path: '/reviews/0?x=1' } }))).toBe(true);
    expect(matches({ to: [{ operation: { paths: ['/reviews/*'] } }] })).toBe(true);
    expect(matches({ to: [{ operation: { paths: ['*/0'] } }] })).toBe(true);
    expect(matches({ to: [{ operation: { paths: ['/reviews/{*}'] } }] })).toBe(true);
    expect(matches({ to: [{ operation: { paths: ['/{**}/0'] } }] })).toBe(true);
    expect(matches({ to: [{ operation: { paths: ['/ratings*'] } }] })).toBe(false);
    expect(matches({ to: [{ operation: { notPaths: ['/reviews/*'] } }] })).toBe(false);
  });

  it('compares hosts case-insensitively against the Host header as sent (port included)', () => {
    expect(matches({ to: [{ operation: { hosts: ['REVIEWS:9080'] } }] })).toBe(true);
    expect(matches({ to: [{ operation: { hosts: ['reviews'] } }] })).toBe(false);
    expect(matches({ to: [{ operation: { hosts: ['reviews*'] } }] })).toBe(true);
  });

  it('matches methods and ports, with negations', () => {
    expect(matches({ to: [{ operation: { methods: ['GET', 'HEAD'], ports: ['9080'] } }] })).toBe(true);
    expect(matches({ to: [{ operation: { notMethods: ['GET'] } }] })).toBe(false);
    expect(matches({ to: [{ operation: { notPorts: ['8080'] } }] })).toBe(true);
  });
});

describe('when conditions', () => {
  const jwt = reviewsRequest({
    requestPrincipal: 'https://accounts.example.com/user-1',
    requestAuth: { audiences: ['bookinfo'], presenter: 'web', claims: { groups: ['admins', 'dev'], org: { team: 'books' } } },
  });

  it('reads headers, IPs, ports, identities and JWT claims', () => {
    expect(matches({ when: [{ key: 'request.headers[user-agent]', values: ['curl*'] }] })).toBe(true);
    expect(matches({ when: [{ key: 'source.ip', values: ['10.1.0.0/24'] }] })).toBe(true);
    expect(matches({ when: [{ key: 'destination.ip', notValues: ['10.1.2.3'] }] })).toBe(false);
    expect(matches({ when: [{ key: 'source.namespace', values: ['bookinfo'] }] })).toBe(true);
    expect(matches({ when: [{ key: 'source.principal', values: ['cluster.local/ns/bookinfo/sa/*'] }] })).toBe(true);
    expect(matches({ when: [{ key: 'request.auth.claims[groups]', values: ['admins'] }] }, jwt)).toBe(true);
    expect(matches({ when: [{ key: 'request.auth.claims[org][team]', values: ['books'] }] }, jwt)).toBe(true);
    expect(matches({ when: [{ key: 'request.auth.audiences', values: ['bookinfo'] }, { key: 'request.auth.presenter', values: ['web'] }] }, jwt)).toBe(true);
    expect(matches({ when: [{ key: 'request.auth.principal', values: ['https://accounts.example.com/*'] }] }, jwt)).toBe(true);
  });

  it('treats an absent attribute as failing values and passing notValues', () => {
    expect(matches({ when: [{ key: 'request.headers[x-token]', values: ['*'] }] })).toBe(false);
    expect(matches({ when: [{ key: 'request.headers[x-token]', notValues: ['secret'] }] })).toBe(true);
  });

  it('does not match keys it cannot read, and says so', () => {
    const d = evaluateAuthorization([authorizationPolicy('p', 'bookinfo', { action: 'DENY', rules: [{ when: [{ key: 'experimental.envoy.filters.x[y]', values: ['z'] }] }] })], reviewsRequest());
    expect(d.allowed).toBe(true);
    expect(d.notes[0]).toContain('not modelled');
  });
});

describe('JWT request principals', () => {
  it('matches iss/sub with wildcards and needs a token', () => {
    const withToken = reviewsRequest({ requestPrincipal: 'https://issuer.example/alice' });
    expect(matches({ from: [{ source: { requestPrincipals: ['*'] } }] }, withToken)).toBe(true);
    expect(matches({ from: [{ source: { requestPrincipals: ['https://issuer.example/*'] } }] }, withToken)).toBe(true);
    expect(matches({ from: [{ source: { requestPrincipals: ['*/alice'] } }] }, withToken)).toBe(true);
    expect(matches({ from: [{ source: { requestPrincipals: ['*'] } }] })).toBe(false);
    expect(matches({ from: [{ source: { notRequestPrincipals: ['*'] } }] })).toBe(true);
  });
});

describe('TCP traffic', () => {
  const tcp = reviewsRequest({ request: { protocol: 'tcp', method: undefined, path: undefined, host: undefined } });

  it('ignores HTTP-only fields in DENY rules, which then match more', () => {
    expect(matches({ to: [{ operation: { methods: ['GET'], ports: ['9080'] } }] }, tcp)).toBe(true);
  });

  it('never matches ALLOW rules that use HTTP-only fields', () => {
    const allowGet = authorizationPolicy('allow-get', 'bookinfo', { rules: [{ to: [{ operation: { methods: ['GET'] } }] }] });
    const allowPort = authorizationPolicy('allow-port', 'bookinfo', { rules: [{ to: [{ operation: { ports: ['9080'] } }] }] });
    expect(evaluateAuthorization([allowGet], tcp).allowed).toBe(false);
    expect(evaluateAuthorization([allowGet, allowPort], tcp).allowed).toBe(true);
  });
});
