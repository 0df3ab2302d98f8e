/**
 * resolveRoute: what a proxy does with one request under the current config. Sidecar traffic is routed
 * by route tables bound to "mesh"; gateway traffic by the tables bound to the proxy's Gateways.
 *
 * Conflicts are settled as Istio does. At a sidecar, one table wins a host: the most specific host
 * pattern, then private over exported over public config, then the oldest; tables whose rules all
 * target other sources or ports are skipped (Istio gives every VirtualService host to the first table
 * that yields routes and drops later duplicates). At a gateway, tables for the same host are merged in
 * that order and catch-all routes move to the end.
 */

import { defaultDecision, httpDecision, l4Decision, type DecisionContext, type RouteEntry } from './decision';
import { gatewayApiKey } from './gateway-api';
import { hostCovers, hostIntersection, hostSpecificity, normalizeRequestHost, stripPort } from './hosts';
import { type ProxyContext, appliesToProxy, isCatchAll, matchesRequest, sniMatches, viewOf } from './http-match';
import { gatewaysSelecting } from './istio-gateways';
import { MESH_GATEWAY, type HttpRule, type RouteTable } from './route-model';
import { RoutingIndex, buildRoutingIndex } from './routing-index';
import { sidecarImports } from './sidecar-scope';
import type { MeshConfigSnapshot, RouteDecision, RouteRequest } from './types';
import { resolveGatewayName } from './virtual-service';

const GATEWAY_NAME_LABEL = 'gateway.networking.k8s.io/gateway-name';

const indexes = new WeakMap<MeshConfigSnapshot, RoutingIndex>();

function indexFor(config: MeshConfigSnapshot | RoutingIndex): RoutingIndex {
  if (config instanceof RoutingIndex) return config;
  let index = indexes.get(config);
  if (!index) {
    index = buildRoutingIndex(config);
    indexes.set(config, index);
  }
  return index;
}

const isHttp = (request: RouteRequest): boolean => request.protocol === 'http' || request.protocol === 'grpc';

/**
 * Resolves one request. Pass a RoutingIndex (from buildRoutingIndex) when resolving many requests; a
 * plain snapshot is indexed on first use and the index reused while the same snapshot object is passed.
 */
export function resolveRoute(config: MeshConfigSnapshot | RoutingIndex, request: RouteRequest): RouteDecision {
  const index = indexFor(config);
  return request.source.gateway ? resolveAtGateway(index, request) : resolveAtSidecar(index, request);
}

/** A table's HTTP routes for this proxy, in order, cut after the first catch-all as Istio does. */
function entriesFor(rules: readonly HttpRule[], proxy: ProxyContext): RouteEntry[] {
  const out: RouteEntry[] = [];
  for (const rule of rules) {
    if (rule.matches.length === 0) {
      out.push({ rule });
      return out;
    }
    for (const [i, condition] of rule.matches.entries()) {
      if (!appliesToProxy(condition, proxy)) continue;
      out.push({ rule, condition, matchIndex: rule.origin.matchIndex ?? i });
      if (isCatchAll(condition)) return out;
    }
  }
  return out;
}

function noRoute(table: RouteTable, ctx: DecisionContext): RouteDecision {
  ctx.notes.push(`${table.kind} ${table.identity.namespace}/${table.identity.name} applies, but none of its rules matches the request`);
  return {
    outcome: 'noRoute',
    matched: { kind: table.kind, namespace: table.identity.namespace, name: table.identity.name, section: table.gatewaySemantics ? 'rules' : 'http' },
    fault: {},
    mirrors: [],
    localReply: { status: 404, responseFlag: 'NR' },
    notes: ctx.notes,
  };
}

function routeHttp(entries: readonly RouteEntry[], table: RouteTable, ctx: DecisionContext): RouteDecision {
  const entry = entries.find((e) => e.condition === undefined || matchesRequest(e.condition, ctx.view));
  return entry ? httpDecision(entry, ctx) : noRoute(table, ctx);
}

/** TCP/TLS routes of a table; undefined when none applies, so the next table or the default route is used. */
function routeL4(table: RouteTable, proxy: ProxyContext, ctx: DecisionContext): RouteDecision | undefined {
  const tls = ctx.request.protocol === 'tls';
  const sni = (ctx.request.sni ?? ctx.request.host).toLowerCase();
  for (const rule of tls ? table.tls : table.tcp) {
    if (!tls && rule.matches.length === 0) return l4Decision(rule, undefined, ctx);
    const i = rule.matches.findIndex((m) => appliesToProxy(m, proxy) && (!tls || sniMatches(m, sni)));
    if (i >= 0) return l4Decision(rule, i, ctx);
  }
  return undefined;
}

function unroutable(policy: 'ALLOW_ANY' | 'REGISTRY_ONLY', ctx: DecisionContext): RouteDecision {
  const blackhole = policy === 'REGISTRY_ONLY';
  ctx.notes.push(blackhole ? 'outbound traffic policy REGISTRY_ONLY: BlackHoleCluster' : 'outbound traffic policy ALLOW_ANY: PassthroughCluster');
  return {
    outcome: blackhole ? 'blackhole' : 'passthrough',
    matched: 'default',
    fault: {},
    mirrors: [],
    localReply: blackhole && isHttp(ctx.request) ? { status: 502 } : undefined,
    notes: ctx.notes,
  };
}

function resolveAtSidecar(index: RoutingIndex, request: RouteRequest): RouteDecision {
  const { source } = request;
  const labels = source.labels ?? {};
  const ctx: DecisionContext = {
    index,
    request,
    view: viewOf(request),
    clientNamespace: source.namespace,
    clientLabels: labels,
    listenerPort: request.port,
    notes: [],
  };
  const scope = index.sidecars.forWorkload(source.namespace, labels);
  if (scope) ctx.notes.push(`Sidecar ${scope.identity.namespace}/${scope.identity.name} scopes the source`);
  const policy = scope?.outboundTrafficPolicy ?? index.outboundTrafficPolicy;
  const host = normalizeRequestHost(request.host, source.namespace, (h) => index.services.has(h), index.domain);

  let service = index.services.lookup(host, source.namespace);
  if (service && !sidecarImports(scope, service.namespace, [service.host], request.port)) {
    ctx.notes.push(`the Sidecar does not import ${service.host}`);
    service = undefined;
  }
  if (service && !service.ports.some((p) => p.port === request.port)) {
    ctx.notes.push(`${service.host} does not declare port ${request.port}`);
    return unroutable(policy, ctx);
  }
  // Istio builds routes for VirtualService hosts outside the registry only on port 80.
  if (!service && !(request.port === 80 && isHttp(request))) {
    ctx.notes.push(`${host} is not a known service`);
    return unroutable(policy, ctx);
  }

  const proxy: ProxyContext = { namespace: source.namespace, labels, gatewayNames: new Set([MESH_GATEWAY]), port: request.port };
  for (const { table } of index.meshCandidates(host, source.namespace)) {
    if (!sidecarImports(scope, table.identity.namespace, table.hosts, request.port)) continue;
    if (isHttp(request)) {
      const entries = entriesFor(table.http, proxy);
      if (entries.length > 0) return routeHttp(entries, table, ctx);
    } else {
      const decision = routeL4(table, proxy, ctx);
      if (decision) return decision;
    }
  }
  if (!service) {
    ctx.notes.push(`${host} is not a known service`);
    return unroutable(policy, ctx);
  }
  ctx.notes.push(`no route configuration applies to ${host}: Istio's default route`);
  return defaultDecision(host, ctx);
}

/** Virtual hosts of a gateway proxy on one port: domain → tables, in preference order. */
function gatewayVirtualHosts(index: RoutingIndex, request: RouteRequest, ctx: DecisionContext): { vhosts: Map<string, RouteTable[]>; listening: boolean; names: Set<string> } {
  const { source } = request;
  const gateway = source.gateway ?? {};
  const labels = source.labels ?? {};
  const istio = gateway.istioGateways
    ? gateway.istioGateways.map((n) => resolveGatewayName(n, source.namespace)).flatMap((key) => index.istioGateways.filter((g) => g.key === key))
    : gatewaysSelecting(index.istioGateways, labels);
  const apiName = gateway.gatewayApiGateway ?? labels[GATEWAY_NAME_LABEL];
  const apiKey = apiName ? gatewayApiKey(...splitName(apiName, source.namespace)) : undefined;

  const vhosts = new Map<string, RouteTable[]>();
  const add = (domain: string, table: RouteTable): void => {
    const list = vhosts.get(domain) ?? [];
    if (!list.includes(table)) list.push(table);
    vhosts.set(domain, list);
  };
  let listening = false;
  for (const g of istio) {
    for (const server of g.servers.filter((s) => s.port === request.port)) {
      listening = true;
      ctx.notes.push(`Gateway ${g.key} serves port ${server.port}`);
      for (const table of index.gatewayCandidates(g.key, source.namespace)) {
        for (const sh of server.hosts) {
          if (sh.namespace !== '*' && sh.namespace !== table.identity.namespace) continue;
          for (const h of table.hosts) {
            const domain = hostIntersection(sh.host, h);
            if (domain) add(domain, table);
          }
        }
      }
    }
  }
  if (apiKey && index.gatewayApiGateways.get(apiKey)?.listeners.some((l) => l.port === request.port)) {
    listening = true;
    ctx.notes.push(`Gateway API gateway ${apiKey.slice(apiKey.indexOf(':') + 1)} listens on port ${request.port}`);
    for (const table of index.gatewayCandidates(apiKey, source.namespace)) for (const h of table.hosts) add(h, table);
  }
  return { vhosts, listening, names: new Set([...istio.map((g) => g.key), ...(apiKey ? [apiKey] : [])]) };
}

function splitName(name: string, defaultNamespace: string): [string, string] {
  const slash = name.indexOf('/');
  return slash < 0 ? [defaultNamespace, name] : [name.slice(0, slash), name.slice(slash + 1)];
}

function resolveAtGateway(index: RoutingIndex, request: RouteRequest): RouteDecision {
  const { source } = request;
  const labels = source.labels ?? {};
  const view = viewOf(request);
  const ctx: DecisionContext = { index, request, view, clientNamespace: source.namespace, clientLabels: labels, listenerPort: request.port, notes: [] };
  const { vhosts, listening, names } = gatewayVirtualHosts(index, request, ctx);
  if (!listening) {
    ctx.notes.push(`no gateway server or listener on port ${request.port}: the connection is refused`);
    return { outcome: 'blackhole', matched: 'default', fault: {}, mirrors: [], notes: ctx.notes };
  }
  const proxy: ProxyContext = { namespace: source.namespace, labels, gatewayNames: names, port: request.port };
  if (!isHttp(request)) {
    for (const table of new Set([...vhosts.values()].flat())) {
      const decision = routeL4(table, proxy, ctx);
      if (decision) return decision;
    }
    ctx.notes.push('no TCP/TLS route matches at the gateway');
    return { outcome: 'blackhole', matched: 'default', fault: {}, mirrors: [], notes: ctx.notes };
  }
  const authority = stripPort(view.authority);
  const domain = [...vhosts.keys()].filter((d) => hostCovers(d, authority)).sort((a, b) => hostSpecificity(b) - hostSpecificity(a))[0];
  const tables = domain === undefined ? [] : (vhosts.get(domain) ?? []);
  const entries = tables.flatMap((t) => entriesFor(t.http, proxy));
  const first = tables[0];
  if (!first || entries.length === 0) {
    ctx.notes.push(`no virtual host for ${authority} on port ${request.port}`);
    return { outcome: 'noRoute', matched: 'default', fault: {}, mirrors: [], localReply: { status: 404, responseFlag: 'NR' }, notes: ctx.notes };
  }
  const ordered = [...entries.filter((e) => !isCatchAll(e.condition)), ...entries.filter((e) => isCatchAll(e.condition))];
  return routeHttp(ordered, first, ctx);
}
