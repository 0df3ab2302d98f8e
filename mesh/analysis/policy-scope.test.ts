import { describe, expect, it } from 'vitest';
import { API, config, dr, findings } from './testing';

const selectorFor: Record<string, (labels: Record<string, string>) => Record<string, unknown>> = {
  AuthorizationPolicy: (l) => ({ selector: { matchLabels: l } }),
  PeerAuthentication: (l) => ({ selector: { matchLabels: l } }),
  RequestAuthentication: (l) => ({ selector: { matchLabels: l } }),
  Telemetry: (l) => ({ selector: { matchLabels: l } }),
  Sidecar: (l) => ({ workloadSelector: { labels: l } }),
  EnvoyFilter: (l) => ({ workloadSelector: { labels: l } }),
};
const apiOf = (kind: string) => (['Sidecar', 'EnvoyFilter'].includes(kind) ? API.networking : kind === 'Telemetry' ? API.telemetry : API.security);

describe('policy selectors', () => {
  for (const [kind, spec] of Object.entries(selectorFor)) {
    it(`MD6008: a ${kind} selector that matches no workload`, () => {
      const [f] = findings('MD6008', [config(apiOf(kind), kind, 'shop', 'x', spec({ app: 'reviewz' }))]);
      expect(f?.object.kind).toBe(kind);
      expect(f?.path).toEqual(['spec', ...Object.keys(spec({})), kind === 'Sidecar' || kind === 'EnvoyFilter' ? 'labels' : 'matchLabels']);
      expect(findings('MD6008', [config(apiOf(kind), kind, 'shop', 'x', spec({ app: 'reviews' }))])).toEqual([]);
    });
  }

  it('MD6008: a DestinationRule workloadSelector, scoped to its namespace', () => {
    const [f] = findings('MD6008', [dr('r', { host: 'reviews', workloadSelector: { matchLabels: { app: 'reviews' } } }, 'plain')]);
    expect(f?.path).toEqual(['spec', 'workloadSelector', 'matchLabels']);
    expect(findings('MD6008', [dr('r', { host: 'reviews', workloadSelector: { matchLabels: { app: 'reviews' } } })])).toEqual([]);
  });

  const namespaceWide: Array<[string, string, string]> = [
    ['MD6009', 'PeerAuthentication', API.security],
    ['MD6011', 'RequestAuthentication', API.security],
    ['MD7001', 'Sidecar', API.networking],
    ['MD7002', 'Telemetry', API.telemetry],
  ];
  for (const [code, kind, api] of namespaceWide) {
    it(`${code}: several ${kind}s without selector in one namespace`, () => {
      const found = findings(code, [config(api, kind, 'shop', 'a', {}), config(api, kind, 'shop', 'b', {})]);
      expect(found.map((f) => f.object.name).sort()).toEqual(['a', 'b']);
      expect(found[0]?.path).toEqual([]);
      expect(found.find((f) => f.object.name === 'a')?.related).toEqual([{ kind, group: api.split('/')[0], namespace: 'shop', name: 'b' }]);
      const selected = config(api, kind, 'shop', 'b', selectorFor[kind]?.({ app: 'reviews' }) ?? {});
      expect(findings(code, [config(api, kind, 'shop', 'a', {}), selected])).toEqual([]);
      expect(findings(code, [config(api, kind, 'shop', 'a', {}), config(api, kind, 'plain', 'b', {})])).toEqual([]);
    });
  }

  it('MD7005: Sidecars whose selectors pick the same workload', () => {
    const sidecar = (name: string, labels: Record<string, string>) => config(API.networking, 'Sidecar', 'shop', name, { workloadSelector: { labels } });
    const found = findings('MD7005', [sidecar('reviews', { app: 'reviews' }), sidecar('v1', { version: 'v1' })]);
    expect(found.map((f) => f.object.name).sort()).toEqual(['reviews', 'v1']);
    expect(found[0]?.path).toEqual(['spec', 'workloadSelector', 'labels']);
    expect(found.find((f) => f.object.name === 'reviews')?.related).toEqual([{ kind: 'Sidecar', group: 'networking.istio.io', namespace: 'shop', name: 'v1' }]);
    expect(findings('MD7005', [sidecar('reviews', { app: 'reviews' }), sidecar('ratings', { app: 'ratings' })])).toEqual([]);
  });
});
