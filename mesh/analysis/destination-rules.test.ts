import { describe, expect, it } from 'vitest';
import { API, config, dr, findings, reviewsDr } from './testing';

const pa = (ns: string, name: string, mode: string, selector?: Record<string, string>) =>
  config(API.security, 'PeerAuthentication', ns, name, { ...(selector ? { selector: { matchLabels: selector } } : {}), mtls: { mode } });

describe('DestinationRules', () => {
  it('MD2001: a host that matches nothing', () => {
    const [f] = findings('MD2001', [dr('x', { host: 'reviewz' })]);
    expect(f?.path).toEqual(['spec', 'host']);
    expect(findings('MD2001', [reviewsDr()])).toEqual([]);
  });

  it('MD2002: subset labels that select no pod', () => {
    const [f] = findings('MD2002', [dr('reviews', { host: 'reviews', subsets: [{ name: 'v1', labels: { version: 'v1' } }, { name: 'v3', labels: { version: 'v3' } }] })]);
    expect(f?.path).toEqual(['spec', 'subsets', 1, 'labels']);
    expect(f?.related).toEqual([{ kind: 'Service', group: '', namespace: 'shop', name: 'reviews' }]);
    expect(findings('MD2002', [reviewsDr()])).toEqual([]);
    expect(findings('MD2002', [dr('zone', { host: 'reviews', subsets: [{ name: 'a', labels: { version: 'v1', 'topology.kubernetes.io/zone': 'a' } }] })])).toEqual([]);
  });

  it('MD2003: two rules for one host with overlapping subsets', () => {
    const found = findings('MD2003', [reviewsDr(), dr('reviews-2', { host: 'reviews.shop.svc.cluster.local', subsets: [{ name: 'v1', labels: { version: 'v1' } }] })]);
    expect(found.map((f) => f.object.name).sort()).toEqual(['reviews', 'reviews-2']);
    expect(found[0]?.path).toEqual(['spec', 'host']);
    expect(found.find((f) => f.object.name === 'reviews')?.related[0]?.name).toBe('reviews-2');
  });

  it('MD2003: no conflict with a workloadSelector, disjoint exportTo or disjoint subsets', () => {
    expect(findings('MD2003', [reviewsDr(), dr('own', { host: 'reviews', workloadSelector: { matchLabels: { app: 'ratings' } }, subsets: [{ name: 'v1', labels: { version: 'v1' } }] })])).toEqual([]);
    expect(findings('MD2003', [dr('a', { host: 'reviews', exportTo: ['.'], subsets: [{ name: 'v1', labels: { version: 'v1' } }] }), dr('b', { host: 'reviews.shop.svc.cluster.local', exportTo: ['plain'], subsets: [{ name: 'v1', labels: { version: 'v1' } }] }, 'plain')])).toEqual([]);
    expect(findings('MD2003', [dr('a', { host: 'reviews', subsets: [{ name: 'v1', labels: { version: 'v1' } }] }), dr('b', { host: 'reviews', subsets: [{ name: 'v2', labels: { version: 'v2' } }] })])).toEqual([]);
    const policy = { trafficPolicy: { connectionPool: { tcp: { maxConnections: 10 } } } };
    expect(findings('MD2003', [dr('a', { host: 'reviews.shop.svc.cluster.local', ...policy }), dr('b', { host: 'reviews.shop.svc.cluster.local', ...policy }, 'plain')])).toEqual([]);
    expect(findings('MD2003', [dr('a', { host: 'reviews', ...policy }), dr('b', { host: 'reviews', ...policy })])).toHaveLength(2);
  });

  it('MD2004: plaintext towards STRICT workloads', () => {
    const rule = dr('reviews', { host: 'reviews', trafficPolicy: { tls: { mode: 'DISABLE' } } });
    const [f] = findings('MD2004', [pa('shop', 'default', 'STRICT'), rule]);
    expect(f?.path).toEqual(['spec', 'trafficPolicy', 'tls', 'mode']);
    expect(f?.related.map((r) => `${r.kind}/${r.name}`)).toEqual(['PeerAuthentication/default', 'Service/reviews']);
    expect(f?.fix?.patch).toEqual([{ op: 'replace', path: '/spec/trafficPolicy/tls/mode', value: 'ISTIO_MUTUAL' }]);
    expect(findings('MD2004', [pa('shop', 'default', 'PERMISSIVE'), rule])).toEqual([]);
    expect(findings('MD2004', [pa('shop', 'default', 'STRICT'), dr('reviews', { host: 'reviews', trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } } })])).toEqual([]);
  });

  it('MD2004: port-level SIMPLE towards a STRICT workload policy', () => {
    const rule = dr('reviews', { host: 'reviews', trafficPolicy: { portLevelSettings: [{ port: { number: 9080 }, tls: { mode: 'SIMPLE' } }] } });
    const [f] = findings('MD2004', [pa('shop', 'reviews', 'STRICT', { app: 'reviews' }), rule]);
    expect(f?.path).toEqual(['spec', 'trafficPolicy', 'portLevelSettings', 0, 'tls', 'mode']);
  });

  it('MD2005: ISTIO_MUTUAL towards workloads with mTLS disabled', () => {
    const rule = dr('reviews', { host: 'reviews', trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } } });
    const [f] = findings('MD2005', [pa('istio-system', 'default', 'DISABLE'), rule]);
    expect(f?.path).toEqual(['spec', 'trafficPolicy', 'tls', 'mode']);
    expect(f?.related[0]).toEqual({ kind: 'PeerAuthentication', group: 'security.istio.io', namespace: 'istio-system', name: 'default' });
    expect(findings('MD2005', [pa('istio-system', 'default', 'DISABLE'), pa('shop', 'default', 'PERMISSIVE'), rule])).toEqual([]);
  });
});
