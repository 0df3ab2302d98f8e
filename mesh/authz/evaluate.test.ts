import { describe, expect, it } from 'vitest';
import { authorizationPoliciesFor, evaluateAuthorization } from './evaluate';
import { authorizationPolicy, reviewsRequest } from './testing';

const allowProductpage = authorizationPolicy('reviews-viewer', 'bookinfo', {
  selector: { matchLabels: { app: 'reviews' } },
  action: 'ALLOW',
  rules: [{ from: [{ source: { principals: ['cluster.local/ns/bookinfo/sa/bookinfo-productpage'] } }], to: [{ operation: { methods: ['GET'] } }] }],
});
const denyDelete = authorizationPolicy('deny-delete', 'bookinfo', { action: 'DENY', rules: [{ to: [{ operation: { methods: ['DELETE'] } }] }] });
const allowNothing = authorizationPolicy('allow-nothing', 'bookinfo', {});

describe('evaluation order', () => {
  it('allows when no policy applies', () => {
    const d = evaluateAuthorization([], reviewsRequest());
    expect(d).toMatchObject({ allowed: true, reason: 'allowed: no ALLOW policy applies to the workload' });
    expect(d.decidingPolicy).toBeUndefined();
  });

  it('allows a request an ALLOW rule matches and reports the rule', () => {
    const d = evaluateAuthorization([allowProductpage], reviewsRequest());
    expect(d).toMatchObject({ allowed: true, decidingPolicy: { namespace: 'bookinfo', name: 'reviews-viewer', action: 'ALLOW' }, ruleIndex: 0 });
  });

  it('denies when ALLOW policies apply but none matches', () => {
    const d = evaluateAuthorization([allowProductpage], reviewsRequest({ request: { method: 'POST' } }));
    expect(d.allowed).toBe(false);
    expect(d.decidingPolicy).toBeUndefined();
    expect(d.reason).toBe('denied: 1 ALLOW policy applies but none matches the request');
  });

  it('denies before allowing: any matching DENY wins over a matching ALLOW', () => {
    const allowAll = authorizationPolicy('allow-all', 'bookinfo', { rules: [{}] });
    const d = evaluateAuthorization([allowAll, denyDelete], reviewsRequest({ request: { method: 'DELETE' } }));
    expect(d).toMatchObject({ allowed: false, decidingPolicy: { name: 'deny-delete', action: 'DENY' }, ruleIndex: 0 });
    expect(evaluateAuthorization([allowAll, denyDelete], reviewsRequest()).allowed).toBe(true);
  });

  it('treats an ALLOW policy without rules as allow-nothing, and spec: {} as one', () => {
    const d = evaluateAuthorization([allowNothing], reviewsRequest());
    expect(d.allowed).toBe(false);
    expect(d.notes).toContain('ALLOW policy bookinfo/allow-nothing has no rules: it allows nothing');
    expect(evaluateAuthorization([allowNothing, allowProductpage], reviewsRequest()).allowed).toBe(true);
  });

  it('treats a DENY policy without rules as denying nothing', () => {
    expect(evaluateAuthorization([authorizationPolicy('deny-none', 'bookinfo', { action: 'DENY' })], reviewsRequest()).allowed).toBe(true);
  });

  it('asks CUSTOM providers first; unknown results are assumed to allow', () => {
    const custom = authorizationPolicy('ext-authz', 'bookinfo', { action: 'CUSTOM', provider: { name: 'opa' }, rules: [{ to: [{ operation: { paths: ['/reviews/*'] } }] }] });
    const denied = evaluateAuthorization([custom, allowProductpage], reviewsRequest(), { customProviders: { opa: 'deny' } });
    expect(denied).toMatchObject({ allowed: false, decidingPolicy: { name: 'ext-authz', action: 'CUSTOM' } });
    const assumed = evaluateAuthorization([custom], reviewsRequest());
    expect(assumed.allowed).toBe(true);
    expect(assumed.notes[0]).toContain('assumed to allow');
    expect(evaluateAuthorization([custom, denyDelete], reviewsRequest({ request: { method: 'DELETE' } }), { customProviders: { opa: 'allow' } }).allowed).toBe(false);
  });

  it('never enforces AUDIT or dry-run policies but reports them', () => {
    const audit = authorizationPolicy('audit', 'bookinfo', { action: 'AUDIT', rules: [{}] });
    const dryDeny = authorizationPolicy('dry-deny', 'bookinfo', { action: 'DENY', rules: [{}] }, { 'istio.io/dry-run': 'true' });
    const dryAllow = authorizationPolicy('dry-allow', 'bookinfo', { rules: [{ to: [{ operation: { methods: ['PUT'] } }] }] }, { 'istio.io/dry-run': 'true' });
    const d = evaluateAuthorization([audit, dryDeny, dryAllow], reviewsRequest());
    expect(d.allowed).toBe(true);
    expect(d.reason).toBe('allowed: no ALLOW policy applies to the workload');
    expect(d.observedOnly).toEqual([
      { namespace: 'bookinfo', name: 'audit', action: 'AUDIT', ruleIndex: 0, dryRun: false },
      { namespace: 'bookinfo', name: 'dry-deny', action: 'DENY', ruleIndex: 0, dryRun: true },
    ]);
  });

  it('reports the oldest deciding policy', () => {
    const second = authorizationPolicy('second-deny', 'bookinfo', { action: 'DENY', rules: [{}] });
    expect(evaluateAuthorization([second, denyDelete], reviewsRequest({ request: { method: 'DELETE' } })).decidingPolicy?.name).toBe('deny-delete');
  });
});

describe('which policies apply', () => {
  it('applies root-namespace policies mesh-wide and namespace policies to their namespace only', () => {
    const meshDeny = authorizationPolicy('mesh-deny', 'istio-system', { action: 'DENY', rules: [{ to: [{ operation: { paths: ['/admin*'] } }] }] });
    const otherNs = authorizationPolicy('shop-nothing', 'shop', {});
    const admin = reviewsRequest({ request: { path: '/admin/x' } });
    expect(evaluateAuthorization([meshDeny, otherNs], admin).allowed).toBe(false);
    expect(evaluateAuthorization([meshDeny, otherNs], reviewsRequest()).allowed).toBe(true);
    expect(evaluateAuthorization([meshDeny], admin, { rootNamespace: 'mesh-config' }).allowed).toBe(true);
  });

  it('applies selector policies to matching workloads, including root-namespace selectors in any namespace', () => {
    const forRatings = authorizationPolicy('ratings-nothing', 'bookinfo', { selector: { matchLabels: { app: 'ratings' } } });
    const rootForReviews = authorizationPolicy('reviews-nothing', 'istio-system', { selector: { matchLabels: { app: 'reviews' } } });
    expect(evaluateAuthorization([forRatings], reviewsRequest()).allowed).toBe(true);
    expect(evaluateAuthorization([rootForReviews], reviewsRequest()).allowed).toBe(false);
  });

  it('applies targetRefs to the named Gateway or waypoint Service, and ignores selector plus targetRefs', () => {
    const gw = authorizationPolicy('gw', 'bookinfo', { targetRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'web' }] });
    const svc = authorizationPolicy('svc', 'bookinfo', { targetRefs: [{ kind: 'Service', name: 'reviews' }] });
    const both = authorizationPolicy('both', 'bookinfo', { selector: { matchLabels: { app: 'reviews' } }, targetRef: { kind: 'Service', name: 'reviews' } });
    expect(evaluateAuthorization([gw, svc, both], reviewsRequest()).allowed).toBe(true);
    const gatewayPod = reviewsRequest({ destination: { namespace: 'bookinfo', labels: { 'gateway.networking.k8s.io/gateway-name': 'web' } } });
    expect(evaluateAuthorization([gw], gatewayPod).allowed).toBe(false);
    expect(evaluateAuthorization([svc], reviewsRequest({ destination: { namespace: 'bookinfo', labels: {}, serviceNames: ['reviews'] } })).allowed).toBe(false);
    expect(authorizationPoliciesFor([gw, svc, both, allowProductpage], { namespace: 'bookinfo', labels: { app: 'reviews' } }).map((p) => p.metadata.name)).toEqual(['reviews-viewer']);
  });
});
