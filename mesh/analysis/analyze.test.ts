import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../kube-types';
import { ANALYSIS_CHECKS, ISTIO_SUPPRESS_ANNOTATION, SUPPRESS_ANNOTATION, analyzeMesh, refOf } from './index';
import { API, baseMesh, config, findings, reviewsDr, vs } from './testing';

const typo = (annotations?: Record<string, string>) =>
  vs('r', { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews', subset: 'v9' } }] }] }, 'shop', annotations ? { annotations } : {});

describe('analyzeMesh', () => {
  it('finds nothing in the clean base mesh', () => {
    expect(analyzeMesh({ objects: [...baseMesh(), reviewsDr()] })).toEqual([]);
  });

  it('has a catalog of unique codes, each with a title and kinds', () => {
    const codes = ANALYSIS_CHECKS.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.length).toBeGreaterThanOrEqual(32);
    for (const check of ANALYSIS_CHECKS) {
      expect(check.code).toMatch(/^MD\d{4}$/);
      expect(check.title.length).toBeGreaterThan(10);
      expect(check.kinds.length).toBeGreaterThan(0);
      if (check.istioCode) expect(check.istioCode).toMatch(/^IST\d{4}$/);
    }
  });

  it('silences chosen codes with the suppress annotation', () => {
    expect(findings('MD1002', [reviewsDr(), typo({ [SUPPRESS_ANNOTATION]: 'MD1002' })])).toEqual([]);
    expect(findings('MD1002', [reviewsDr(), typo({ [SUPPRESS_ANNOTATION]: '*' })])).toEqual([]);
    expect(findings('MD1002', [reviewsDr(), typo({ [SUPPRESS_ANNOTATION]: 'MD1001, MD1006' })])).toHaveLength(1);
  });

  it("honours Istio's suppress annotation through the check's Istio code", () => {
    expect(findings('MD1002', [reviewsDr(), typo({ [ISTIO_SUPPRESS_ANNOTATION]: 'IST0101' })])).toEqual([]);
    expect(findings('MD1006', [typo({ [ISTIO_SUPPRESS_ANNOTATION]: 'IST0101' })])).toEqual([]);
    expect(findings('MD1002', [reviewsDr(), typo({ [ISTIO_SUPPRESS_ANNOTATION]: 'IST0109' })])).toHaveLength(1);
  });

  it("surfaces Istio's status.validationMessages with source 'istio'", () => {
    const withStatus = {
      ...vs('r', { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews' } }] }] }),
      status: {
        validationMessages: [
          { type: { code: 'IST0101', name: 'ReferencedResourceNotFound' }, level: 'ERROR', description: 'Referenced gateway not found: "bogus"' },
          { type: { code: 'IST0131', name: 'VirtualServiceIneffectiveMatch' }, level: 12 },
        ],
      },
    };
    const found = analyzeMesh({ objects: [...baseMesh(), withStatus] }).filter((f) => f.source === 'istio');
    expect(found).toEqual([
      { code: 'IST0101', severity: 'error', message: 'Referenced gateway not found: "bogus"', object: refOf(withStatus), path: [], related: [], source: 'istio' },
      { code: 'IST0131', severity: 'info', message: 'VirtualServiceIneffectiveMatch', object: refOf(withStatus), path: [], related: [], source: 'istio' },
    ]);
    const suppressed = { ...withStatus, metadata: { ...withStatus.metadata, annotations: { [ISTIO_SUPPRESS_ANNOTATION]: 'IST0131' } } };
    expect(analyzeMesh({ objects: [...baseMesh(), suppressed] }).map((f) => f.code)).toEqual(['IST0101']);
  });

  it('restricts findings to the objects passed as only', () => {
    const bad = typo();
    const other = vs('s', { hosts: ['ratings'], http: [{ route: [{ destination: { host: 'ratingz' } }] }] });
    const all = analyzeMesh({ objects: [...baseMesh(), reviewsDr(), bad, other] });
    expect(all.map((f) => f.code).sort()).toEqual(['MD1001', 'MD1002']);
    const only = analyzeMesh({ objects: [...baseMesh(), reviewsDr(), bad, other] }, { only: [refOf(bad)] });
    expect(only.map((f) => f.code)).toEqual(['MD1002']);
  });

  it('sorts errors before warnings before info', () => {
    const weights = vs('w', { hosts: ['ratings'], http: [{ route: [{ destination: { host: 'ratings' }, weight: 10 }] }] });
    const order = analyzeMesh({ objects: [...baseMesh(), reviewsDr(), typo(), weights, { apiVersion: 'networking.istio.io/v1beta1', kind: 'Gateway', metadata: { name: 'g', namespace: 'shop' }, spec: { selector: { istio: 'ingressgateway' }, servers: [] } }] }).map((f) => f.severity);
    expect(order).toEqual([...order].sort((a, b) => ['error', 'warning', 'info'].indexOf(a) - ['error', 'warning', 'info'].indexOf(b)));
    expect(new Set(order)).toEqual(new Set(['error', 'warning', 'info']));
  });

  it('does not call selectors empty when the snapshot carries no workloads at all', () => {
    const configOnly = [
      config(API.security, 'AuthorizationPolicy', 'shop', 'p', { selector: { matchLabels: { app: 'x' } }, rules: [{ from: [{ source: { principals: ['cluster.local/ns/shop/sa/x'] } }] }] }),
      config(API.networking, 'Gateway', 'shop', 'g', { selector: { istio: 'ingressgateway' }, servers: [] }),
    ];
    expect(analyzeMesh({ objects: configOnly })).toEqual([]);
  });

  it('treats the bare request.auth.claims header form like the @ form', () => {
    const spec = { hosts: ['reviews'], http: [{ match: [{ headers: { 'request.auth.claims.group': { exact: 'a' } } }], route: [{ destination: { host: 'reviews' } }] }] };
    expect(findings('MD1010', [vs('r', spec)])).toHaveLength(1);
    const ra = config(API.security, 'RequestAuthentication', 'shop', 'jwt', { jwtRules: [{ issuer: 'me' }] });
    expect(findings('MD1010', [vs('r', spec), ra])).toEqual([]);
  });

  it('survives malformed objects', () => {
    const weird = [
      { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'a', namespace: 'shop' }, spec: { hosts: 'reviews', http: [null, 3, { route: 'x' }, { match: [null], route: [{ destination: null }] }] } },
      { apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', metadata: { name: 'b', namespace: 'shop', annotations: null }, spec: { host: 7, subsets: [{}] } },
      { apiVersion: 'security.istio.io/v1', kind: 'AuthorizationPolicy', metadata: { name: 'c', namespace: 'shop', labels: { a: 1 } }, spec: { rules: [{ from: [{ source: { principals: 'x' } }], when: [{}] }] } },
      { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'd', namespace: 'shop' }, spec: { parentRefs: [{}], rules: [{ backendRefs: [null] }] } },
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'shop' }, spec: { containers: 'no' } },
      { apiVersion: 'networking.istio.io/v1', kind: 'Gateway', metadata: { name: 'e', namespace: 'shop' }, spec: null, status: { validationMessages: [null, { type: null }] } },
    ] as unknown as KubeObject[];
    expect(() => analyzeMesh({ objects: [...baseMesh(), ...weird] })).not.toThrow();
  });
});
