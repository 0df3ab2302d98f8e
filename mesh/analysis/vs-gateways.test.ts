import { describe, expect, it } from 'vitest';
import { API, config, findings, vs } from './testing';

const gateway = (name = 'web', ns = 'shop', hosts = ['*.example.com']) =>
  config(API.networking, 'Gateway', ns, name, { selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts }] });
const dest = [{ route: [{ destination: { host: 'reviews' } }] }];

describe('VirtualServices and gateways', () => {
  it('MD1003: a gateway that does not exist, with a fix when it lives in another namespace', () => {
    const [f] = findings('MD1003', [gateway('web', 'istio-system'), vs('r', { hosts: ['a.example.com'], gateways: ['web'], http: dest })]);
    expect(f?.path).toEqual(['spec', 'gateways', 0]);
    expect(f?.related).toEqual([{ kind: 'Gateway', group: 'networking.istio.io', namespace: 'istio-system', name: 'web' }]);
    expect(f?.fix?.patch).toEqual([{ op: 'replace', path: '/spec/gateways/0', value: 'istio-system/web' }]);
    expect(findings('MD1003', [gateway('web', 'istio-system'), vs('r', { hosts: ['a.example.com'], gateways: ['istio-system/web'], http: dest })])).toEqual([]);
  });

  it('MD1003: "mesh" is a keyword, and match gateways are checked too', () => {
    const spec = { hosts: ['reviews'], gateways: ['mesh'], http: [{ match: [{ gateways: ['nope'] }], route: [{ destination: { host: 'reviews' } }] }] };
    const found = findings('MD1003', [vs('r', spec)]);
    expect(found.map((f) => f.path)).toEqual([['spec', 'http', 0, 'match', 0, 'gateways', 0]]);
  });

  it('MD1004: two VirtualServices for one host on the same gateways', () => {
    const found = findings('MD1004', [vs('a', { hosts: ['reviews'], http: dest }), vs('b', { hosts: ['reviews.shop.svc.cluster.local'], http: dest })]);
    expect(found).toHaveLength(2);
    expect(found[0]?.path).toEqual(['spec', 'hosts', 0]);
    expect(found.find((f) => f.object.name === 'a')?.related).toEqual([{ kind: 'VirtualService', group: 'networking.istio.io', namespace: 'shop', name: 'b' }]);
  });

  it('MD1004: no conflict on different gateways or disjoint exportTo', () => {
    expect(findings('MD1004', [gateway(), vs('a', { hosts: ['reviews'], http: dest }), vs('b', { hosts: ['reviews'], gateways: ['web'], http: dest })])).toEqual([]);
    expect(findings('MD1004', [vs('a', { hosts: ['reviews'], exportTo: ['.'], http: dest }), vs('b', { hosts: ['reviews'], exportTo: ['plain'], http: dest }, 'plain')])).toEqual([]);
  });

  it('MD1008: the host "*" on the mesh', () => {
    const [f] = findings('MD1008', [vs('all', { hosts: ['*'], http: dest })]);
    expect(f?.path).toEqual(['spec', 'hosts', 0]);
    expect(findings('MD1008', [gateway('web', 'shop', ['*']), vs('all', { hosts: ['*'], gateways: ['web'], http: dest })])).toEqual([]);
  });

  it('MD1013: a host the gateway does not serve', () => {
    const [f] = findings('MD1013', [gateway(), vs('r', { hosts: ['shop.other.org'], gateways: ['web'], http: dest })]);
    expect(f?.path).toEqual(['spec', 'hosts', 0]);
    expect(f?.related[0]?.name).toBe('web');
    expect(findings('MD1013', [gateway(), vs('r', { hosts: ['shop.example.com'], gateways: ['web'], http: dest })])).toEqual([]);
  });

  it('MD1013: respects the namespace part of gateway hosts', () => {
    expect(findings('MD1013', [gateway('web', 'shop', ['other/*']), vs('r', { hosts: ['a.example.com'], gateways: ['web'], http: dest })])).toHaveLength(1);
    expect(findings('MD1013', [gateway('web', 'shop', ['./*']), vs('r', { hosts: ['a.example.com'], gateways: ['web'], http: dest })])).toEqual([]);
  });
});
