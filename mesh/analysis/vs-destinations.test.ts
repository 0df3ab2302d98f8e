import { describe, expect, it } from 'vitest';
import { dr, findings, reviewsDr, service, vs } from './testing';

const route = (...destinations: Array<Record<string, unknown>>) => ({ hosts: ['reviews'], http: [{ route: destinations }] });

describe('VirtualService destinations', () => {
  it('MD1001: a destination host that matches nothing', () => {
    const [f, ...rest] = findings('MD1001', [vs('r', route({ destination: { host: 'reviewz' } }))]);
    expect(rest).toHaveLength(0);
    expect(f?.path).toEqual(['spec', 'http', 0, 'route', 0, 'destination', 'host']);
    expect(f?.message).toContain('reviewz.shop.svc.cluster.local');
    expect(findings('MD1001', [vs('r', route({ destination: { host: 'reviews' } }))])).toEqual([]);
  });

  it('MD1001: explains that dotted names are not expanded', () => {
    const [f] = findings('MD1001', [vs('r', route({ destination: { host: 'reviews.shop' } }))]);
    expect(f?.message).toContain('Names with a dot are not expanded');
  });

  it('MD1002: a subset no DestinationRule defines, with a suggestion', () => {
    const [f] = findings('MD1002', [reviewsDr(), vs('r', route({ destination: { host: 'reviews', subset: 'v3' } }))]);
    expect(f?.path).toEqual(['spec', 'http', 0, 'route', 0, 'destination', 'subset']);
    expect(f?.related).toEqual([{ kind: 'DestinationRule', group: 'networking.istio.io', namespace: 'shop', name: 'reviews' }]);
    expect(f?.fix?.patch).toEqual([{ op: 'replace', path: '/spec/http/0/route/0/destination/subset', value: 'v1' }]);
    expect(findings('MD1002', [reviewsDr(), vs('r', route({ destination: { host: 'reviews', subset: 'v2' } }))])).toEqual([]);
  });

  it('MD1002: a subset without any DestinationRule for the host', () => {
    const [f] = findings('MD1002', [vs('r', route({ destination: { host: 'reviews', subset: 'v1' } }))]);
    expect(f?.message).toContain('no DestinationRule');
    expect(f?.related).toEqual([]);
  });

  it('MD1006: weights that do not add up to 100, with a normalising fix', () => {
    const spec = route({ destination: { host: 'reviews', subset: 'v1' }, weight: 60 }, { destination: { host: 'reviews', subset: 'v2' }, weight: 60 });
    const [f] = findings('MD1006', [reviewsDr(), vs('r', spec)]);
    expect(f?.path).toEqual(['spec', 'http', 0, 'route']);
    expect(f?.message).toContain('120');
    expect(f?.fix?.patch).toEqual([
      { op: 'add', path: '/spec/http/0/route/0/weight', value: 50 },
      { op: 'add', path: '/spec/http/0/route/1/weight', value: 50 },
    ]);
    const ok = route({ destination: { host: 'reviews', subset: 'v1' }, weight: 75 }, { destination: { host: 'reviews', subset: 'v2' }, weight: 25 });
    expect(findings('MD1006', [reviewsDr(), vs('r', ok)])).toEqual([]);
  });

  it('MD1007: a single destination with a weight other than 100', () => {
    const [f] = findings('MD1007', [vs('r', route({ destination: { host: 'reviews' }, weight: 50 }))]);
    expect(f?.path).toEqual(['spec', 'http', 0, 'route', 0, 'weight']);
    expect(f?.fix?.patch).toEqual([{ op: 'remove', path: '/spec/http/0/route/0/weight' }]);
    expect(findings('MD1007', [vs('r', route({ destination: { host: 'reviews' }, weight: 100 }))])).toEqual([]);
    expect(findings('MD1007', [vs('r', route({ destination: { host: 'reviews' } }))])).toEqual([]);
  });

  it('MD1011: a port the service does not expose', () => {
    const [f] = findings('MD1011', [vs('r', route({ destination: { host: 'reviews', port: { number: 8080 } } }))]);
    expect(f?.path).toEqual(['spec', 'http', 0, 'route', 0, 'destination', 'port', 'number']);
    expect(f?.related).toEqual([{ kind: 'Service', group: '', namespace: 'shop', name: 'reviews' }]);
    expect(f?.fix?.patch).toEqual([{ op: 'replace', path: '/spec/http/0/route/0/destination/port/number', value: 9080 }]);
    expect(findings('MD1011', [vs('r', route({ destination: { host: 'reviews', port: { number: 9080 } } }))])).toEqual([]);
  });

  it('MD1012: a multi-port service without a port', () => {
    const multi = service('shop', 'multi', { app: 'reviews' }, [{ name: 'http', port: 80 }, { name: 'http-admin', port: 8080 }]);
    const [f] = findings('MD1012', [multi, vs('m', { hosts: ['multi'], http: [{ route: [{ destination: { host: 'multi' } }] }] })]);
    expect(f?.path).toEqual(['spec', 'http', 0, 'route', 0, 'destination']);
    expect(f?.related[0]?.name).toBe('multi');
    expect(findings('MD1012', [multi, vs('m', { hosts: ['multi'], http: [{ route: [{ destination: { host: 'multi', port: { number: 80 } } }] }] })])).toEqual([]);
  });

  it('ignores a DestinationRule exported away from the VirtualService namespace for subsets', () => {
    const hidden = dr('reviews', { host: 'reviews', exportTo: ['other'], subsets: [{ name: 'v1', labels: { version: 'v1' } }] });
    expect(findings('MD1002', [hidden, vs('r', route({ destination: { host: 'reviews', subset: 'v1' } }))])).toHaveLength(1);
  });
});
