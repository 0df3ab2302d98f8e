/**
 * Which live config applies to which node, and the badges it earns: VirtualServices (traffic shifting,
 * fault injection, timeouts, retries, mirroring), DestinationRules (circuit breaking), ServiceEntries,
 * Gateway API routes by service; Gateways, Sidecars, EnvoyFilters (local rate limits),
 * AuthorizationPolicies and PeerAuthentications by workload selector or namespace.
 */
import type { KubeObject } from '../kube-types';
import { serviceFqdn } from '../references';
import { asArray, asObject, asString, asStringMap } from '../routing/narrow';
import type { UnknownObject } from '../routing/narrow';
import type { NodeBadge, ObjectRef } from './model';

export interface ConfigObjects {
  readonly virtualServices?: readonly KubeObject[];
  readonly destinationRules?: readonly KubeObject[];
  readonly serviceEntries?: readonly KubeObject[];
  /** Istio networking Gateways. */
  readonly gateways?: readonly KubeObject[];
  readonly sidecars?: readonly KubeObject[];
  readonly envoyFilters?: readonly KubeObject[];
  readonly authorizationPolicies?: readonly KubeObject[];
  readonly peerAuthentications?: readonly KubeObject[];
  /** Gateway API Gateways and routes. */
  readonly gatewayApiGateways?: readonly KubeObject[];
  readonly httpRoutes?: readonly KubeObject[];
  readonly grpcRoutes?: readonly KubeObject[];
}

export interface Applied {
  readonly badges: ReadonlySet<NodeBadge>;
  readonly config: readonly ObjectRef[];
}

interface MutableApplied {
  readonly badges: Set<NodeBadge>;
  readonly config: ObjectRef[];
}

interface SelectorRule {
  readonly namespace: string;
  /** Undefined: the whole namespace (or the mesh, from the root namespace). */
  readonly labels?: Readonly<Record<string, string>>;
  readonly ref: ObjectRef;
  readonly badges: readonly NodeBadge[];
}

export interface ConfigIndex {
  /** By service FQDN. */
  readonly byService: ReadonlyMap<string, Applied>;
  /** What `byService` holds for the in-cluster services of each namespace, together (a namespace node's config). */
  readonly byServiceNamespace: ReadonlyMap<string, Applied>;
  /** ServiceEntry hosts (exact), with the entry. */
  readonly serviceEntryHosts: ReadonlyMap<string, { readonly namespace: string; readonly ref: ObjectRef }>;
  /** Config picked by workload labels. */
  readonly selectorRules: readonly SelectorRule[];
  /** Gateway API Gateways by `namespace/name`, matched to pods by the gateway-name label. */
  readonly gatewayApi: ReadonlyMap<string, { readonly ref: ObjectRef; readonly waypoint: boolean }>;
  readonly rootNamespace: string;
}

const EMPTY: Applied = { badges: new Set(), config: [] };

export function refOf(object: KubeObject): ObjectRef {
  return { kind: object.kind, apiVersion: object.apiVersion, namespace: object.metadata.namespace, name: object.metadata.name ?? '' };
}

function record(value: unknown): UnknownObject {
  return asObject(value) ?? {};
}

function virtualServiceBadges(spec: UnknownObject): NodeBadge[] {
  const badges = new Set<NodeBadge>(['virtualService']);
  for (const route of asArray(spec.http).map(record)) {
    if (asArray(route.route).length > 1) badges.add('trafficShifting');
    if (route.fault) badges.add('faultInjection');
    if (route.timeout) badges.add('timeout');
    if (route.retries) badges.add('retries');
    if (route.mirror || asArray(route.mirrors).length > 0) badges.add('mirroring');
  }
  for (const route of [...asArray(spec.tcp), ...asArray(spec.tls)].map(record)) if (asArray(route.route).length > 1) badges.add('trafficShifting');
  return [...badges];
}

function hasCircuitBreaker(spec: UnknownObject): boolean {
  const policies = [record(spec.trafficPolicy), ...asArray(spec.subsets).map((s) => record(record(s).trafficPolicy))];
  const withPorts = policies.flatMap((p) => [p, ...asArray(p.portLevelSettings).map(record)]);
  return withPorts.some((p) => p.connectionPool !== undefined || p.outlierDetection !== undefined);
}

function routeDestinationHosts(spec: UnknownObject): string[] {
  return [...asArray(spec.http), ...asArray(spec.tcp), ...asArray(spec.tls)]
    .flatMap((route) => asArray(record(route).route))
    .map((dest) => asString(record(record(dest).destination).host))
    .filter((h): h is string => h !== undefined);
}

export function buildConfigIndex(objects: ConfigObjects, rootNamespace = 'istio-system'): ConfigIndex {
  const byService = new Map<string, MutableApplied>();
  const add = (fqdn: string, ref: ObjectRef, badges: readonly NodeBadge[]) => {
    let applied = byService.get(fqdn);
    if (!applied) byService.set(fqdn, (applied = { badges: new Set(), config: [] }));
    for (const b of badges) applied.badges.add(b);
    if (!applied.config.some((c) => c.kind === ref.kind && c.namespace === ref.namespace && c.name === ref.name)) applied.config.push(ref);
  };

  for (const vs of objects.virtualServices ?? []) {
    const spec = record(vs.spec);
    const namespace = vs.metadata.namespace ?? '';
    const ref = refOf(vs);
    const badges = virtualServiceBadges(spec);
    const hosts = asArray(spec.hosts).map(asString).filter((h): h is string => h !== undefined);
    const local = hosts.map((h) => serviceFqdn(h, namespace)).filter((h): h is string => h !== undefined);
    // A VirtualService for an outside host (bound to a gateway) applies to the services it routes to.
    const targets = local.length > 0 ? local : routeDestinationHosts(spec).map((h) => serviceFqdn(h, namespace) ?? h);
    for (const fqdn of targets) add(fqdn, ref, badges);
    for (const host of hosts) if (!serviceFqdn(host, namespace)) add(host, ref, badges);
  }
  for (const dr of objects.destinationRules ?? []) {
    const spec = record(dr.spec);
    const host = asString(spec.host);
    if (!host) continue;
    const fqdn = serviceFqdn(host, dr.metadata.namespace ?? '') ?? host;
    add(fqdn, refOf(dr), hasCircuitBreaker(spec) ? ['circuitBreaker'] : []);
  }
  const serviceEntryHosts = new Map<string, { namespace: string; ref: ObjectRef }>();
  for (const se of objects.serviceEntries ?? []) {
    const ref = refOf(se);
    for (const host of asArray(record(se.spec).hosts).map(asString)) {
      if (!host) continue;
      serviceEntryHosts.set(host, { namespace: se.metadata.namespace ?? '', ref });
      add(serviceFqdn(host, se.metadata.namespace ?? '') ?? host, ref, ['serviceEntry']);
    }
  }
  for (const route of [...(objects.httpRoutes ?? []), ...(objects.grpcRoutes ?? [])]) {
    const namespace = route.metadata.namespace ?? '';
    const ref = refOf(route);
    for (const rule of asArray(record(route.spec).rules).map(record)) {
      const backends = asArray(rule.backendRefs).map(record).filter((b) => (asString(b.kind) ?? 'Service') === 'Service');
      const badges: NodeBadge[] = backends.length > 1 ? ['trafficShifting'] : [];
      if (asArray(rule.filters).some((f) => asString(record(f).type) === 'RequestMirror')) badges.push('mirroring');
      if (rule.timeouts) badges.push('timeout');
      for (const b of backends) add(`${asString(b.name) ?? ''}.${asString(b.namespace) ?? namespace}.svc.cluster.local`, ref, badges);
    }
  }

  const selectorRules: SelectorRule[] = [];
  const bySelector = (object: KubeObject, labels: Record<string, string>, badges: NodeBadge[], wholeNamespace: boolean) => {
    const hasLabels = Object.keys(labels).length > 0;
    if (!hasLabels && !wholeNamespace) return;
    selectorRules.push({ namespace: object.metadata.namespace ?? '', labels: hasLabels ? labels : undefined, ref: refOf(object), badges });
  };
  for (const gw of objects.gateways ?? []) bySelector(gw, asStringMap(record(gw.spec).selector), ['gateway'], false);
  for (const sc of objects.sidecars ?? []) bySelector(sc, asStringMap(record(record(sc.spec).workloadSelector).labels), [], true);
  for (const ef of objects.envoyFilters ?? []) {
    const rateLimit = JSON.stringify(ef.spec ?? {}).includes('local_ratelimit');
    bySelector(ef, asStringMap(record(record(ef.spec).workloadSelector).labels), rateLimit ? ['rateLimit'] : [], true);
  }
  for (const ap of objects.authorizationPolicies ?? []) {
    const spec = record(ap.spec);
    const namespace = ap.metadata.namespace ?? '';
    const targets = asArray(spec.targetRefs).map(record).filter((t) => asString(t.kind) === 'Service');
    for (const t of targets) add(`${asString(t.name) ?? ''}.${namespace}.svc.cluster.local`, refOf(ap), ['authorizationPolicy']);
    if (targets.length === 0) bySelector(ap, asStringMap(record(spec.selector).matchLabels), ['authorizationPolicy'], true);
  }
  for (const pa of objects.peerAuthentications ?? []) bySelector(pa, asStringMap(record(pa.spec).selector), [], true);

  const gatewayApi = new Map<string, { ref: ObjectRef; waypoint: boolean }>();
  for (const gw of objects.gatewayApiGateways ?? []) {
    const waypoint = asString(record(gw.spec).gatewayClassName) === 'istio-waypoint';
    gatewayApi.set(`${gw.metadata.namespace ?? ''}/${gw.metadata.name ?? ''}`, { ref: refOf(gw), waypoint });
  }
  return { byService, byServiceNamespace: byNamespaceOf(byService), serviceEntryHosts, selectorRules, gatewayApi, rootNamespace };
}

const IN_CLUSTER_SERVICE = /^[^.]+\.([^.]+)\.svc\.cluster\.local$/;

function byNamespaceOf(byService: ReadonlyMap<string, Applied>): Map<string, Applied> {
  const merged = new Map<string, { badges: Set<NodeBadge>; config: Map<string, ObjectRef> }>();
  for (const [fqdn, applied] of byService) {
    const namespace = IN_CLUSTER_SERVICE.exec(fqdn)?.[1];
    if (namespace === undefined) continue;
    let entry = merged.get(namespace);
    if (!entry) merged.set(namespace, (entry = { badges: new Set(), config: new Map() }));
    for (const badge of applied.badges) entry.badges.add(badge);
    for (const ref of applied.config) entry.config.set(`${ref.kind}/${ref.namespace ?? ''}/${ref.name}`, ref);
  }
  return new Map([...merged].map(([namespace, { badges, config }]) => [namespace, { badges, config: [...config.values()] }]));
}

export function appliedToService(index: ConfigIndex, fqdn: string): Applied {
  return index.byService.get(fqdn) ?? EMPTY;
}

/** Config picked by a workload's labels (or covering its namespace, or the mesh from the root namespace). */
export function appliedToWorkload(index: ConfigIndex, namespace: string, labels: Readonly<Record<string, string>>): Applied {
  let badges: Set<NodeBadge> | undefined;
  const config: ObjectRef[] = [];
  for (const rule of index.selectorRules) {
    if (rule.labels) {
      // Istio Gateways select pods in any namespace; the other kinds only in their own.
      if (rule.ref.kind !== 'Gateway' && rule.namespace !== namespace) continue;
      if (!Object.entries(rule.labels).every(([k, v]) => labels[k] === v)) continue;
    } else if (rule.namespace !== namespace && rule.namespace !== index.rootNamespace) {
      continue;
    }
    config.push(rule.ref);
    for (const b of rule.badges) (badges ??= new Set()).add(b);
  }
  const gatewayName = labels['gateway.networking.k8s.io/gateway-name'];
  const gateway = gatewayName ? index.gatewayApi.get(`${namespace}/${gatewayName}`) : undefined;
  if (gateway) {
    config.push(gateway.ref);
    (badges ??= new Set()).add(gateway.waypoint ? 'waypoint' : 'gateway');
  }
  return config.length === 0 ? EMPTY : { badges: badges ?? new Set(), config };
}
