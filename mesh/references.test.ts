import { describe, expect, it } from 'vitest';
import { findKind } from './kinds';
import type { KindInfo } from './kinds';
import type { KubeObject } from './kube-types';
import { referencesToObject } from './references';
import type { ConfigObjects } from './references';

const k = (group: string, kind: string) => findKind(group, kind) as KindInfo;
const NET = 'networking.istio.io';
const GW_API = 'gateway.networking.k8s.io';
const VS = k(NET, 'VirtualService');
const DR = k(NET, 'DestinationRule');
const GATEWAY = k(NET, 'Gateway');
const SE = k(NET, 'ServiceEntry');
const SERVICE = k('', 'Service');
const K8S_GATEWAY = k(GW_API, 'Gateway');
const GATEWAY_CLASS = k(GW_API, 'GatewayClass');
const HTTP_ROUTE = k(GW_API, 'HTTPRoute');
const GRPC_ROUTE = k(GW_API, 'GRPCRoute');

const obj = (kind: KindInfo, namespace: string, name: string, spec: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: `${kind.group}/v1`,
  kind: kind.kind,
  metadata: kind.namespaced ? { name, namespace } : { name },
  spec,
});

const configs: ConfigObjects[] = [
  {
    kind: VS,
    items: [
      obj(VS, 'bookinfo', 'bookinfo', { hosts: ['*'], gateways: ['bookinfo-gateway'], http: [{ route: [{ destination: { host: 'productpage' } }] }] }),
      obj(VS, 'shop', 'edge', { hosts: ['shop.example.com'], gateways: ['bookinfo/bookinfo-gateway', 'mesh'] }),
      obj(VS, 'bookinfo', 'by-match', { hosts: ['x'], http: [{ match: [{ gateways: ['bookinfo-gateway'] }], route: [] }] }),
      obj(VS, 'bookinfo', 'other-gw', { hosts: ['y'], gateways: ['other-gateway'] }),
      obj(VS, 'bookinfo', 'reviews', { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews', subset: 'v2' } }] }] }),
      obj(VS, 'bookinfo', 'reviews-no-subset', { hosts: ['reviews2'], http: [{ route: [{ destination: { host: 'reviews' } }] }] }),
      obj(VS, 'shop', 'reviews-elsewhere', { hosts: ['z'], http: [{ route: [{ destination: { host: 'reviews', subset: 'v2' } }] }] }),
      obj(VS, 'bookinfo', 'root', { hosts: ['r'], http: [{ delegate: { name: 'reviews' } }] }),
      obj(VS, 'bookinfo', 'external', { hosts: ['api.example.com'], http: [{ route: [{ destination: { host: 'api.example.com' } }] }] }),
    ],
  },
  { kind: DR, items: [obj(DR, 'bookinfo', 'reviews', { host: 'reviews', subsets: [{ name: 'v1' }, { name: 'v2' }] }), obj(DR, 'bookinfo', 'api', { host: 'api.example.com' })] },
  { kind: GATEWAY, items: [obj(GATEWAY, 'bookinfo', 'bookinfo-gateway')] },
  {
    kind: HTTP_ROUTE,
    items: [
      obj(HTTP_ROUTE, 'shop', 'frontend', { parentRefs: [{ name: 'shop-gateway' }], rules: [{ backendRefs: [{ name: 'frontend', port: 80 }] }] }),
      obj(HTTP_ROUTE, 'shop', 'mesh-route', { parentRefs: [{ group: '', kind: 'Service', name: 'shop-gateway' }] }),
      obj(HTTP_ROUTE, 'other', 'cross', { parentRefs: [{ name: 'shop-gateway', namespace: 'shop' }] }),
    ],
  },
  { kind: GRPC_ROUTE, items: [obj(GRPC_ROUTE, 'shop', 'grpc', { parentRefs: [{ name: 'shop-gateway' }] })] },
  { kind: K8S_GATEWAY, items: [obj(K8S_GATEWAY, 'shop', 'shop-gateway', { gatewayClassName: 'istio' })] },
];

const names = (refs: ReturnType<typeof referencesToObject>) => refs.map((r) => `${r.kind.kind} ${r.namespace}/${r.name} ${r.via}`);

describe('referencesToObject', () => {
  it('finds VirtualServices bound to an Istio Gateway by name, namespace/name or a match', () => {
    expect(names(referencesToObject({ kind: GATEWAY, object: obj(GATEWAY, 'bookinfo', 'bookinfo-gateway') }, configs))).toEqual([
      'VirtualService bookinfo/bookinfo gateway',
      'VirtualService shop/edge gateway',
      'VirtualService bookinfo/by-match gateway',
    ]);
    expect(referencesToObject({ kind: GATEWAY, object: obj(GATEWAY, 'shop', 'bookinfo-gateway') }, configs)).toEqual([]);
  });

  it('finds the routes attached to a Gateway API Gateway, and the Gateways of a class', () => {
    expect(names(referencesToObject({ kind: K8S_GATEWAY, object: obj(K8S_GATEWAY, 'shop', 'shop-gateway') }, configs))).toEqual([
      'HTTPRoute shop/frontend parent',
      'HTTPRoute other/cross parent',
      'GRPCRoute shop/grpc parent',
    ]);
    expect(names(referencesToObject({ kind: GATEWAY_CLASS, object: obj(GATEWAY_CLASS, '', 'istio') }, configs))).toEqual([
      'Gateway shop/shop-gateway class',
    ]);
    expect(referencesToObject({ kind: GATEWAY_CLASS, object: obj(GATEWAY_CLASS, '', 'other') }, configs)).toEqual([]);
  });

  it("finds VirtualServices routing to a DestinationRule's subsets of the same host", () => {
    expect(names(referencesToObject({ kind: DR, object: obj(DR, 'bookinfo', 'reviews', { host: 'reviews', subsets: [{ name: 'v2' }] }) }, configs))).toEqual([
      'VirtualService bookinfo/reviews subset',
    ]);
    expect(referencesToObject({ kind: DR, object: obj(DR, 'bookinfo', 'reviews', { host: 'reviews', subsets: [{ name: 'v9' }] }) }, configs)).toEqual([]);
  });

  it('finds VirtualServices delegating to a VirtualService', () => {
    expect(names(referencesToObject({ kind: VS, object: obj(VS, 'bookinfo', 'reviews') }, configs))).toEqual(['VirtualService bookinfo/root delegate']);
  });

  it('finds what names a Service (hosts, destinations, backends) but not the Service itself', () => {
    expect(names(referencesToObject({ kind: SERVICE, object: obj(SERVICE, 'bookinfo', 'reviews') }, configs))).toEqual([
      'VirtualService bookinfo/reviews host',
      'VirtualService bookinfo/reviews-no-subset destination',
      'DestinationRule bookinfo/reviews host',
    ]);
    expect(names(referencesToObject({ kind: SERVICE, object: obj(SERVICE, 'shop', 'frontend') }, configs))).toEqual(['HTTPRoute shop/frontend backend']);
  });

  it("finds what names a ServiceEntry's hosts, and nothing for kinds nobody points at", () => {
    const entry = obj(SE, 'bookinfo', 'api', { hosts: ['api.example.com'] });
    expect(names(referencesToObject({ kind: SE, object: entry }, configs))).toEqual([
      'VirtualService bookinfo/external host',
      'DestinationRule bookinfo/api host',
    ]);
    expect(referencesToObject({ kind: HTTP_ROUTE, object: obj(HTTP_ROUTE, 'shop', 'frontend') }, configs)).toEqual([]);
  });
});
