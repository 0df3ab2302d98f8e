/**
 * Gateway API routes attached to their parents: HTTPRoute/GRPCRoute rules on Gateway listeners (ingress)
 * and on Services (GAMMA mesh routing), merged and sorted per parent and host as Istio does.
 */

import type { KubeObject } from '../kube-types';
import { hostIntersection, parseExportTo } from './hosts';
import type { HttpRouteSpec, K8sGatewaySpec, K8sListener, ParentReference } from './model-types';
import { asArray, asObject, asPort, asStringArray, asText, reader } from './narrow';
import { type ObjectIdentity, compareByAge, identityOf, labelSelectorMatches } from './objects';
import { comparePrecedence, convertRouteRule } from './gateway-api-rules';
import { GATEWAY_API_PREFIX, type HttpRule, MESH_GATEWAY, type RouteTable } from './route-model';

export interface ListenerInfo {
  readonly name: string;
  readonly port: number;
  readonly protocol: string;
  readonly hostname?: string;
  readonly allowedFrom: 'Same' | 'All' | 'Selector';
  readonly namespaceSelector?: unknown;
}

export interface GatewayApiGateway {
  readonly identity: ObjectIdentity;
  readonly key: string;
  readonly listeners: readonly ListenerInfo[];
}

export function gatewayApiKey(namespace: string, name: string): string {
  return `${GATEWAY_API_PREFIX}${namespace}/${name}`;
}

export function parseGatewayApiGateway(obj: KubeObject): GatewayApiGateway {
  const identity = identityOf(obj);
  const spec = reader<K8sGatewaySpec>(obj.spec);
  const listeners: ListenerInfo[] = [];
  for (const raw of asArray(spec('listeners'))) {
    const l = reader<K8sListener>(raw);
    const port = asPort(l('port'));
    if (port === undefined) continue;
    const namespaces = asObject(asObject(l('allowedRoutes'))?.namespaces);
    const from = asText(namespaces?.from);
    listeners.push({
      name: asText(l('name')) ?? '',
      port,
      protocol: (asText(l('protocol')) ?? 'HTTP').toUpperCase(),
      hostname: asText(l('hostname'))?.toLowerCase(),
      allowedFrom: from === 'All' || from === 'Selector' ? from : 'Same',
      namespaceSelector: namespaces?.selector,
    });
  }
  return { identity, key: gatewayApiKey(identity.namespace, identity.name), listeners };
}

interface RouteObject {
  readonly identity: ObjectIdentity;
  readonly obj: KubeObject;
  readonly grpc: boolean;
}

interface Attachment {
  readonly tableKey: string;
  readonly gateway: string;
  readonly host: string;
  readonly port?: number;
  /** Mesh attachments: producer routes are public, consumer routes visible only in their namespace. */
  readonly meshNamespace?: string;
  readonly producer?: boolean;
}

export interface GatewayApiInputs {
  readonly httpRoutes: readonly KubeObject[];
  readonly grpcRoutes: readonly KubeObject[];
  readonly gateways: ReadonlyMap<string, GatewayApiGateway>;
  readonly namespaceLabels: ReadonlyMap<string, Readonly<Record<string, string>>>;
  readonly serviceEntryHosts: (namespace: string, name: string) => readonly string[];
  readonly domain: string;
}

/** HTTPRoutes and GRPCRoutes attach to HTTP and HTTPS listeners that allow the route's namespace. */
function listenerAccepts(listener: ListenerInfo, gatewayNamespace: string, routeNamespace: string, inputs: GatewayApiInputs): boolean {
  if (listener.protocol !== 'HTTP' && listener.protocol !== 'HTTPS') return false;
  switch (listener.allowedFrom) {
    case 'Same':
      return routeNamespace === gatewayNamespace;
    case 'All':
      return true;
    case 'Selector':
      return labelSelectorMatches(listener.namespaceSelector, inputs.namespaceLabels.get(routeNamespace) ?? {});
  }
}

function attachments(route: RouteObject, inputs: GatewayApiInputs): Attachment[] {
  const { namespace } = route.identity;
  const spec = reader<HttpRouteSpec>(route.obj.spec);
  const hostnames = asStringArray(spec('hostnames')).map((h) => h.toLowerCase());
  const out: Attachment[] = [];
  for (const raw of asArray(spec('parentRefs'))) {
    const p = reader<ParentReference>(raw);
    const name = asText(p('name'));
    if (!name) continue;
    const kind = asText(p('kind')) ?? 'Gateway';
    const parentNs = asText(p('namespace')) ?? namespace;
    const port = asPort(p('port'));
    if (kind === 'Service' || kind === 'ServiceEntry') {
      const hosts = kind === 'Service' ? [`${name}.${parentNs}.svc.${inputs.domain}`] : inputs.serviceEntryHosts(parentNs, name);
      for (const host of hosts) {
        out.push({ tableKey: `mesh|${namespace}|${host}`, gateway: MESH_GATEWAY, host, port, meshNamespace: namespace, producer: namespace === parentNs });
      }
      continue;
    }
    const gateway = inputs.gateways.get(gatewayApiKey(parentNs, name));
    if (kind !== 'Gateway' || !gateway) continue;
    const section = asText(p('sectionName'));
    for (const listener of gateway.listeners) {
      if ((section && listener.name !== section) || (port && listener.port !== port)) continue;
      if (!listenerAccepts(listener, parentNs, namespace, inputs)) continue;
      for (const routeHost of hostnames.length > 0 ? hostnames : ['*']) {
        const host = hostIntersection(listener.hostname ?? '*', routeHost);
        if (host) out.push({ tableKey: `${gateway.key}|${host}`, gateway: gateway.key, host, port: listener.port });
      }
    }
  }
  return out;
}

function withPort(rules: readonly HttpRule[], port: number | undefined): HttpRule[] {
  if (port === undefined) return [...rules];
  return rules.map((r) => ({ ...r, matches: r.matches.length === 0 ? [portOnly(port)] : r.matches.map((m) => ({ ...m, port })) }));
}

function portOnly(port: number): HttpRule['matches'][number] {
  return { ignoreUriCase: false, headers: [], withoutHeaders: [], queryParams: [], port };
}

/**
 * Builds route tables from all HTTPRoutes and GRPCRoutes: one per Gateway and host, and one per route
 * namespace and Service host for mesh routes. Routes are taken oldest first and their rules sorted by
 * Gateway API precedence, so ties go to the oldest route, then to rule order.
 */
export function buildGatewayApiTables(inputs: GatewayApiInputs): RouteTable[] {
  const routes: RouteObject[] = [
    ...inputs.httpRoutes.map((obj) => ({ identity: { ...identityOf(obj), kind: 'HTTPRoute' }, obj, grpc: false })),
    ...inputs.grpcRoutes.map((obj) => ({ identity: { ...identityOf(obj), kind: 'GRPCRoute' }, obj, grpc: true })),
  ].sort((a, b) => compareByAge(a.identity, b.identity));

  const tables = new Map<string, { table: Omit<RouteTable, 'http'>; http: HttpRule[] }>();
  for (const route of routes) {
    const { namespace, name } = route.identity;
    const kind = route.grpc ? 'GRPCRoute' : 'HTTPRoute';
    const ctx = { namespace, domain: inputs.domain, grpc: route.grpc };
    const rules = asArray(reader<HttpRouteSpec>(route.obj.spec)('rules')).flatMap((r, i) => convertRouteRule(r, i, { kind, namespace, name }, ctx));
    for (const at of attachments(route, inputs)) {
      let entry = tables.get(at.tableKey);
      if (!entry) {
        entry = {
          table: {
            kind,
            identity: route.identity,
            hosts: [at.host],
            gateways: new Set([at.gateway]),
            visibility: at.meshNamespace === undefined || at.producer ? { kind: 'public' } : parseExportTo([at.meshNamespace], at.meshNamespace),
            gatewaySemantics: true,
            tcp: [],
            tls: [],
          },
          http: [],
        };
        tables.set(at.tableKey, entry);
      }
      entry.http.push(...withPort(rules, at.port));
    }
  }
  return [...tables.values()].map(({ table, http }) => ({ ...table, http: http.sort(comparePrecedence) }));
}
