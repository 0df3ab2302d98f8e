import { describe, expect, it } from 'vitest';
import { API, config, findings } from './testing';

const ap = (spec: Record<string, unknown>, ns = 'shop', name = 'p') => config(API.security, 'AuthorizationPolicy', ns, name, spec);
const pa = (ns: string, mode: string) => config(API.security, 'PeerAuthentication', ns, 'default', { mtls: { mode } });
const from = (source: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ selector: { matchLabels: { app: 'ratings' } }, rules: [{ from: [{ source }] }], ...extra });

describe('AuthorizationPolicies', () => {
  it('MD6001: an unknown namespace', () => {
    const [f] = findings('MD6001', [ap(from({ namespaces: ['shop', 'nowhere'] }))]);
    expect(f?.path).toEqual(['spec', 'rules', 0, 'from', 0, 'source', 'namespaces', 1]);
    expect(findings('MD6001', [ap(from({ namespaces: ['shop', 'prod-*'] }))])).toEqual([]);
  });

  it('MD6002: a principal naming an unknown service account', () => {
    const [f] = findings('MD6002', [ap(from({ principals: ['cluster.local/ns/shop/sa/reveiws'] }))]);
    expect(f?.path).toEqual(['spec', 'rules', 0, 'from', 0, 'source', 'principals', 0]);
    expect(f?.message).toContain('shop/reveiws');
    expect(findings('MD6002', [ap(from({ principals: ['cluster.local/ns/shop/sa/reviews'], serviceAccounts: ['productpage'] }))])).toEqual([]);
    expect(findings('MD6002', [ap(from({ serviceAccounts: ['nobody'] }))])).toHaveLength(1);
  });

  it('MD6003: mTLS-only fields where mTLS is disabled', () => {
    const policy = ap(from({ principals: ['cluster.local/ns/shop/sa/reviews'] }));
    const [f] = findings('MD6003', [pa('shop', 'DISABLE'), policy]);
    expect(f?.path).toEqual(['spec', 'rules', 0, 'from', 0, 'source', 'principals']);
    expect(f?.related[0]).toEqual({ kind: 'PeerAuthentication', group: 'security.istio.io', namespace: 'shop', name: 'default' });
    expect(findings('MD6003', [pa('shop', 'STRICT'), policy])).toEqual([]);
  });

  it('MD6004: DENY on a positive identity list with PERMISSIVE mTLS', () => {
    const policy = ap(from({ namespaces: ['plain'] }, { action: 'DENY' }));
    const [f] = findings('MD6004', [pa('shop', 'PERMISSIVE'), policy]);
    expect(f?.path).toEqual(['spec', 'rules', 0, 'from', 0, 'source', 'namespaces']);
    expect(findings('MD6004', [pa('shop', 'STRICT'), policy])).toEqual([]);
    expect(findings('MD6004', [pa('shop', 'PERMISSIVE'), ap(from({ namespaces: ['plain'] }))])).toEqual([]);
  });

  it('MD6004: ALLOW on a negative identity list with PERMISSIVE mTLS', () => {
    const [f] = findings('MD6004', [pa('shop', 'PERMISSIVE'), ap(from({ notNamespaces: ['plain'] }))]);
    expect(f?.path).toEqual(['spec', 'rules', 0, 'from', 0, 'source', 'notNamespaces']);
    expect(findings('MD6004', [pa('shop', 'PERMISSIVE'), ap(from({ notPrincipals: ['cluster.local/ns/plain/sa/x'] }, { action: 'DENY' }))])).toEqual([]);
    expect(findings('MD6004', [pa('shop', 'PERMISSIVE'), ap({ selector: { matchLabels: { app: 'ratings' } }, action: 'DENY', rules: [{ when: [{ key: 'source.namespace', notValues: ['shop'] }] }] })])).toEqual([]);
  });

  it('MD6005: ALLOW without rules denies everything', () => {
    const [f] = findings('MD6005', [ap({ selector: { matchLabels: { app: 'ratings' } } })]);
    expect(f?.path).toEqual(['spec']);
    expect(f?.fix?.patch).toEqual([{ op: 'add', path: '/spec/rules', value: [{}] }]);
    expect(findings('MD6005', [ap({ selector: { matchLabels: { app: 'ratings' } }, rules: [{}] })])).toEqual([]);
  });

  it('MD6006: DENY without rules never matches', () => {
    const [f] = findings('MD6006', [ap({ action: 'DENY' })]);
    expect(f?.path).toEqual(['spec']);
    expect(findings('MD6006', [ap({ action: 'DENY', rules: [{ to: [{ operation: { paths: ['/admin'] } }] }] })])).toEqual([]);
  });

  it('MD6007: an unknown condition key', () => {
    const [f] = findings('MD6007', [ap({ rules: [{ when: [{ key: 'request.header[x-user]', values: ['a'] }, { key: 'request.headers[x-user]', values: ['a'] }] }] })]);
    expect(f?.path).toEqual(['spec', 'rules', 0, 'when', 0, 'key']);
    expect(findings('MD6007', [ap({ rules: [{ when: [{ key: 'source.ip', values: ['10.0.0.0/8'] }, { key: 'request.auth.claims[groups]', values: ['a'] }] }] })])).toEqual([]);
  });
});
