import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api';
import { summarizeConfig } from './summary';

const object = (spec: Record<string, unknown>, namespace = 'bookinfo'): KubeObject => ({
  apiVersion: 'x/v1',
  kind: 'X',
  metadata: { name: 'n', namespace },
  spec,
});

describe('summarizeConfig', () => {
  it('shows a VirtualService hosts, gateways and routes', () => {
    const vs = object({ hosts: ['reviews'], gateways: ['bookinfo-gateway'], http: [{}, {}] });
    expect(summarizeConfig('virtualservices.networking.istio.io', vs)).toEqual({
      text: 'reviews · via bookinfo-gateway · 2 http routes',
    });
  });

  it('shows a DestinationRule host, subsets and TLS mode', () => {
    const dr = object({ host: 'reviews', trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } }, subsets: [{ name: 'v1' }, { name: 'v2' }] });
    expect(summarizeConfig('destinationrules.networking.istio.io', dr).text).toBe('reviews · subsets v1, v2 · tls ISTIO_MUTUAL');
  });

  it('shows an Istio Gateway listeners', () => {
    const gw = object({ selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 80 }, hosts: ['*'] }] });
    expect(summarizeConfig('gateways.networking.istio.io', gw).text).toBe('*:80');
  });

  it('shows an AuthorizationPolicy action as a badge, and calls out ALLOW without rules', () => {
    const deny = object({ action: 'DENY', selector: { matchLabels: { app: 'ratings' } }, rules: [{}] });
    expect(summarizeConfig('authorizationpolicies.security.istio.io', deny)).toEqual({
      badge: { label: 'DENY', tone: 'danger' },
      text: 'app=ratings · 1 rule',
    });
    const allowNothing = object({});
    expect(summarizeConfig('authorizationpolicies.security.istio.io', allowNothing)).toEqual({
      badge: { label: 'ALLOW', tone: 'ok' },
      text: 'whole namespace · no rules: denies all',
    });
  });

  it('shows a PeerAuthentication mode, mesh-wide in istio-system', () => {
    const pa = object({ mtls: { mode: 'STRICT' } }, 'istio-system');
    expect(summarizeConfig('peerauthentications.security.istio.io', pa)).toEqual({
      badge: { label: 'STRICT', tone: 'ok' },
      text: 'mesh-wide',
    });
  });

  it('shows route parents, hostnames and backends', () => {
    const route = object({
      parentRefs: [{ name: 'gateway', sectionName: 'http' }, { name: 'other', namespace: 'infra' }],
      hostnames: ['shop.example.com'],
      rules: [{ backendRefs: [{ name: 'frontend', port: 80 }] }, { backendRefs: [{ name: 'frontend' }] }],
    });
    expect(summarizeConfig('httproutes.gateway.networking.k8s.io', route).text).toBe(
      'parents gateway:http, infra/other · shop.example.com · → frontend',
    );
  });

  it('shows a GAMMA route attached to a Service', () => {
    const route = object({ parentRefs: [{ kind: 'Service', group: '', name: 'reviews' }] });
    expect(summarizeConfig('grpcroutes.gateway.networking.k8s.io', route).text).toBe('parents Service/reviews');
  });

  it('survives malformed specs', () => {
    const weird = object({ hosts: 'not-a-list', http: 5, subsets: [null], servers: [{ port: 'x' }] });
    for (const id of ['virtualservices.networking.istio.io', 'destinationrules.networking.istio.io', 'gateways.networking.istio.io']) {
      expect(() => summarizeConfig(id, weird)).not.toThrow();
    }
    expect(summarizeConfig('unknown.kind', weird)).toEqual({ text: '' });
  });
});
