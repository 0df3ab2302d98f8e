/** The routing index: every config parsed and indexed once, so resolving a request is cheap. */

import type { KubeObject } from '../kube-types';
import { expandDelegates } from './delegation';
import { DestinationRuleIndex } from './destination-rules';
import { type GatewayApiGateway, buildGatewayApiTables, parseGatewayApiGateway } from './gateway-api';
import { DEFAULT_CLUSTER_DOMAIN, DEFAULT_ROOT_NAMESPACE, hostCovers, hostSpecificity, isVisible, isWildcard, visibilityRank } from './hosts';
import { type IstioGatewayInfo, parseIstioGateway } from './istio-gateways';
import { asStringArray, reader } from './narrow';
import type { SeSpec } from './model-types';
import { compareByAge, identityOf, labelsOf, refKey } from './objects';
import { MESH_GATEWAY, type RouteTable } from './route-model';
import { ServiceRegistry } from './services';
import { SidecarIndex } from './sidecar-scope';
import type { MeshConfigSnapshot } from './types';
import { parseVirtualService } from './virtual-service';

/** A route table with the host pattern through which it applies to a requested host. */
export interface TableCandidate {
  readonly table: RouteTable;
  readonly pattern: string;
}

const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';

function isGatewayApi(obj: KubeObject): boolean {
  return typeof obj.apiVersion === 'string' && obj.apiVersion.startsWith(`${GATEWAY_API_GROUP}/`);
}

/**
 * Istio's preference among route tables for one host and client namespace: the most specific host
 * pattern; then private, exported-by-name, public; Gateway API routes of the client's own namespace
 * before other public ones (consumer overrides); then the oldest.
 */
function compareCandidates(a: TableCandidate, b: TableCandidate, clientNamespace: string): number {
  const rank = (c: TableCandidate): number => {
    const r = visibilityRank(c.table.visibility, c.table.identity.namespace, clientNamespace);
    return r * 2 + (r === 2 && !(c.table.gatewaySemantics && c.table.identity.namespace === clientNamespace) ? 1 : 0);
  };
  return hostSpecificity(b.pattern) - hostSpecificity(a.pattern) || rank(a) - rank(b) || compareByAge(a.table.identity, b.table.identity);
}

export class RoutingIndex {
  readonly rootNamespace: string;
  readonly domain: string;
  readonly outboundTrafficPolicy: 'ALLOW_ANY' | 'REGISTRY_ONLY';
  readonly services: ServiceRegistry;
  readonly destinationRules: DestinationRuleIndex;
  readonly sidecars: SidecarIndex;
  readonly istioGateways: readonly IstioGatewayInfo[];
  readonly gatewayApiGateways: ReadonlyMap<string, GatewayApiGateway>;
  /** Tables bound to a gateway (Istio "ns/name" or Gateway API key), in table order. */
  readonly gatewayTables: ReadonlyMap<string, readonly RouteTable[]>;
  private readonly meshExact = new Map<string, TableCandidate[]>();
  private readonly meshWildcards: TableCandidate[] = [];
  private readonly candidateCache = new Map<string, readonly TableCandidate[]>();

  constructor(snapshot: MeshConfigSnapshot) {
    this.rootNamespace = snapshot.rootNamespace ?? DEFAULT_ROOT_NAMESPACE;
    this.domain = snapshot.clusterDomain ?? DEFAULT_CLUSTER_DOMAIN;
    this.outboundTrafficPolicy = snapshot.outboundTrafficPolicy ?? 'ALLOW_ANY';
    const serviceEntries = snapshot.serviceEntries ?? [];
    this.services = new ServiceRegistry(snapshot.services ?? [], serviceEntries, this.domain);
    this.destinationRules = new DestinationRuleIndex(snapshot.destinationRules ?? [], this.domain, this.rootNamespace);
    this.sidecars = new SidecarIndex(snapshot.sidecars ?? [], this.rootNamespace);

    const gateways = snapshot.gateways ?? [];
    this.istioGateways = gateways.filter((g) => !isGatewayApi(g)).map(parseIstioGateway);
    this.gatewayApiGateways = new Map(gateways.filter(isGatewayApi).map(parseGatewayApiGateway).map((g) => [g.key, g]));

    const seHosts = new Map<string, string[]>();
    for (const se of serviceEntries) seHosts.set(refKey(identityOf(se)), asStringArray(reader<SeSpec>(se.spec)('hosts')));
    const tables = [
      ...expandDelegates((snapshot.virtualServices ?? []).map((vs) => parseVirtualService(vs, this.domain))),
      ...buildGatewayApiTables({
        httpRoutes: snapshot.httpRoutes ?? [],
        grpcRoutes: snapshot.grpcRoutes ?? [],
        gateways: this.gatewayApiGateways,
        namespaceLabels: new Map((snapshot.namespaces ?? []).map((ns) => [identityOf(ns).name, labelsOf(ns)])),
        serviceEntryHosts: (ns, name) => seHosts.get(`${ns}/${name}`) ?? [],
        domain: this.domain,
      }),
    ].sort((a, b) => compareByAge(a.identity, b.identity));

    const byGateway = new Map<string, RouteTable[]>();
    for (const table of tables) {
      for (const gateway of table.gateways) {
        if (gateway !== MESH_GATEWAY) listIn(byGateway, gateway).push(table);
      }
      if (!table.gateways.has(MESH_GATEWAY)) continue;
      for (const pattern of table.hosts) {
        const candidate = { table, pattern };
        if (isWildcard(pattern)) this.meshWildcards.push(candidate);
        else listIn(this.meshExact, pattern).push(candidate);
      }
    }
    this.gatewayTables = byGateway;
  }

  /**
   * Mesh route tables that apply to `host` for a client in `clientNamespace`, in Istio's preference
   * order (visibility filtered; Sidecar imports are checked by the caller).
   */
  meshCandidates(host: string, clientNamespace: string): readonly TableCandidate[] {
    const key = `${clientNamespace}\u0000${host}`;
    const cached = this.candidateCache.get(key);
    if (cached) return cached;
    const found = [...(this.meshExact.get(host) ?? []), ...this.meshWildcards.filter((c) => hostCovers(c.pattern, host))]
      .filter((c) => isVisible(c.table.visibility, clientNamespace))
      .sort((a, b) => compareCandidates(a, b, clientNamespace));
    if (this.candidateCache.size > 100_000) this.candidateCache.clear();
    this.candidateCache.set(key, found);
    return found;
  }

  /** Orders gateway-bound tables for a gateway proxy in `proxyNamespace` (visibility filtered). */
  gatewayCandidates(gateway: string, proxyNamespace: string): RouteTable[] {
    return (this.gatewayTables.get(gateway) ?? [])
      .filter((t) => isVisible(t.visibility, proxyNamespace))
      .map((table) => ({ table, pattern: '*' }))
      .sort((a, b) => compareCandidates(a, b, proxyNamespace))
      .map((c) => c.table);
  }
}

function listIn<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) {
    list = [];
    map.set(key, list);
  }
  return list;
}

/** Parses and indexes a configuration snapshot. Build it once per config change and reuse it. */
export function buildRoutingIndex(snapshot: MeshConfigSnapshot): RoutingIndex {
  return new RoutingIndex(snapshot);
}
