/** Parsing of a VirtualService into a route table. */

import type { KubeObject } from '../kube-types';
import { parseExportTo, resolveShortname } from './hosts';
import type { VsL4Match, VsSpec, VsTcpRoute, VsTlsMatch, VsTlsRoute } from './model-types';
import { asArray, asObject, asPort, asStringArray, asStringMap, asText, reader } from './narrow';
import { identityOf } from './objects';
import { MESH_GATEWAY, type L4MatchCondition, type L4Rule, type RouteTable } from './route-model';
import { parseVsHttpRule, parseWeightedDestinations, type VsContext } from './vs-http';

/**
 * Istio's resolveGatewayName: "mesh" stays; "name" is the VirtualService's namespace; "./name" too;
 * "ns/name" as written; the legacy "name.ns(.svc.domain)" becomes "ns/name".
 */
export function resolveGatewayName(name: string, namespace: string): string {
  if (name === MESH_GATEWAY) return name;
  const slash = name.indexOf('/');
  if (slash >= 0) return name.slice(0, slash) === '.' ? `${namespace}/${name.slice(slash + 1)}` : name;
  const dot = name.indexOf('.');
  if (dot < 0) return `${namespace}/${name}`;
  const rest = name.slice(dot + 1);
  const next = rest.indexOf('.');
  return `${next < 0 ? rest : rest.slice(0, next)}/${name.slice(0, dot)}`;
}

function parseL4Match(value: unknown, ctx: VsContext, tls: boolean): L4MatchCondition {
  const m = reader<VsL4Match & VsTlsMatch>(value);
  const gateways = asStringArray(m('gateways'));
  return {
    port: asPort(m('port')),
    sourceLabels: asObject(m('sourceLabels')) ? asStringMap(m('sourceLabels')) : undefined,
    sourceNamespace: asText(m('sourceNamespace')),
    gateways: gateways.length > 0 ? gateways.map(ctx.resolveGateway) : undefined,
    sniHosts: tls ? asStringArray(m('sniHosts')).map((h) => h.toLowerCase()) : undefined,
  };
}

function parseL4Rules(values: readonly unknown[], section: 'tcp' | 'tls', base: { kind: 'VirtualService'; namespace: string; name: string }, ctx: VsContext): L4Rule[] {
  return values.map((value, index) => {
    const r = reader<VsTcpRoute & VsTlsRoute>(value);
    return {
      origin: { ...base, section, ruleIndex: index },
      matches: asArray(r('match')).map((m) => parseL4Match(m, ctx, section === 'tls')),
      destinations: parseWeightedDestinations(asArray(r('route')), ctx),
    };
  });
}

export function parseVirtualService(obj: KubeObject, domain: string): RouteTable {
  const identity = { ...identityOf(obj), kind: 'VirtualService' };
  const { namespace, name } = identity;
  const spec = reader<VsSpec>(obj.spec);
  const ctx: VsContext = { namespace, domain, resolveGateway: (g) => resolveGatewayName(g, namespace) };
  const gateways = asStringArray(spec('gateways'));
  const base = { kind: 'VirtualService' as const, namespace, name };
  return {
    kind: 'VirtualService',
    identity,
    hosts: asStringArray(spec('hosts')).map((h) => resolveShortname(h, namespace, domain)),
    gateways: new Set(gateways.length > 0 ? gateways.map(ctx.resolveGateway) : [MESH_GATEWAY]),
    visibility: parseExportTo(asStringArray(spec('exportTo')), namespace),
    gatewaySemantics: false,
    http: asArray(spec('http')).map((rule, index) => parseVsHttpRule(rule, index, base, ctx)),
    tcp: parseL4Rules(asArray(spec('tcp')), 'tcp', base, ctx),
    tls: parseL4Rules(asArray(spec('tls')), 'tls', base, ctx),
  };
}
