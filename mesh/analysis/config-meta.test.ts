import { describe, expect, it } from 'vitest';
import { config, dr, findings, service, vs } from './testing';

describe('config metadata', () => {
  it('MD9001: an invalid exportTo value or combination', () => {
    const found = findings('MD9001', [vs('a', { hosts: ['reviews'], exportTo: ['Bad_NS'], http: [] }), dr('b', { host: 'reviews', exportTo: ['~', '.'] })]);
    expect(found.map((f) => [f.object.name, f.path])).toEqual([
      ['a', ['spec', 'exportTo', 0]],
      ['b', ['spec', 'exportTo', 0]],
    ]);
    expect(found[1]?.fix?.patch).toEqual([{ op: 'replace', path: '/spec/exportTo', value: ['~'] }]);
    expect(findings('MD9001', [vs('a', { hosts: ['reviews'], exportTo: ['.', 'plain'], http: [] })])).toEqual([]);
  });

  it('MD9002: exportTo hides a Service a VirtualService routes to', () => {
    const hidden = { ...service('plain', 'legacy', { app: 'legacy' }), metadata: { name: 'legacy', namespace: 'plain', annotations: { 'networking.istio.io/exportTo': '.' } } };
    const route = vs('r', { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'legacy.plain.svc.cluster.local' } }] }] });
    const [f] = findings('MD9002', [hidden, route]);
    expect(f?.object).toEqual({ kind: 'Service', group: '', namespace: 'plain', name: 'legacy' });
    expect(f?.path).toEqual(['metadata', 'annotations', 'networking.istio.io/exportTo']);
    expect(f?.related[0]?.name).toBe('r');
    expect(findings('MD1001', [hidden, route])[0]?.message).toContain('not exported');
    expect(findings('MD9002', [service('plain', 'legacy', { app: 'legacy' }), route])).toEqual([]);
  });

  it('MD9003: an older API version', () => {
    const [f] = findings('MD9003', [config('networking.istio.io/v1alpha3', 'DestinationRule', 'shop', 'r', { host: 'reviews' })]);
    expect(f?.path).toEqual(['apiVersion']);
    expect(f?.fix?.patch).toEqual([{ op: 'replace', path: '/apiVersion', value: 'networking.istio.io/v1' }]);
    expect(findings('MD9003', [config('networking.istio.io/v1alpha3', 'EnvoyFilter', 'shop', 'e', {}), dr('r', { host: 'reviews' })])).toEqual([]);
  });

  it('MD9004: exportTo names a namespace that does not exist', () => {
    const [f] = findings('MD9004', [dr('r', { host: 'reviews', exportTo: ['.', 'payments'] })]);
    expect(f?.path).toEqual(['spec', 'exportTo', 1]);
    expect(findings('MD9004', [dr('r', { host: 'reviews', exportTo: ['.', 'plain'] })])).toEqual([]);
  });
});
