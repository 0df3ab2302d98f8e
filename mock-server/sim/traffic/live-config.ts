/**
 * The mesh configuration the simulator routes with, read from the object store. It is rebuilt only after
 * the store changes, so a tick costs no config parsing.
 */
import { findKind, type KindInfo } from '../../../mesh/kinds';
import type { KubeObject } from '../../../mesh/kube-types';
import { buildRoutingIndex, localRateLimits, type LocalRateLimit, type RoutingIndex } from '../../../mesh/routing';
import type { ObjectStore } from '../../kube/store';
import { serviceHost } from '../model';

/** A Kubernetes Service as traffic sees it. */
export interface ServiceInfo {
  readonly name: string;
  readonly namespace: string;
  readonly selector: Readonly<Record<string, string>>;
}

export interface LiveConfig {
  readonly routing: RoutingIndex;
  readonly authorizationPolicies: readonly KubeObject[];
  readonly peerAuthentications: readonly KubeObject[];
  /** Services by FQDN. */
  readonly services: ReadonlyMap<string, ServiceInfo>;
  /** ServiceEntry hosts, with the namespace of the entry that declares them. */
  readonly serviceEntryHosts: ReadonlyMap<string, string>;
  /**
   * The external authorizers of CUSTOM policies. The mock runs none, so each is unreachable and Envoy's
   * ext_authz (failing closed, Istio's default) denies.
   */
  readonly customProviders: Readonly<Record<string, 'deny'>>;
  /** Local rate limits the EnvoyFilters install. */
  readonly rateLimits: readonly LocalRateLimit[];
  /** Some DestinationRule sets a connection pool or outlier detection: traffic then depends on load. */
  readonly loadDependent: boolean;
}

const NETWORKING = 'networking.istio.io';
const GATEWAY_API = 'gateway.networking.k8s.io';

function kindInfo(group: string, kind: string): KindInfo {
  const info = findKind(group, kind);
  if (!info) throw new Error(`unknown kind ${kind}.${group}`);
  return info;
}

const KINDS = {
  virtualServices: kindInfo(NETWORKING, 'VirtualService'),
  destinationRules: kindInfo(NETWORKING, 'DestinationRule'),
  serviceEntries: kindInfo(NETWORKING, 'ServiceEntry'),
  sidecars: kindInfo(NETWORKING, 'Sidecar'),
  istioGateways: kindInfo(NETWORKING, 'Gateway'),
  gateways: kindInfo(GATEWAY_API, 'Gateway'),
  httpRoutes: kindInfo(GATEWAY_API, 'HTTPRoute'),
  grpcRoutes: kindInfo(GATEWAY_API, 'GRPCRoute'),
  services: kindInfo('', 'Service'),
  namespaces: kindInfo('', 'Namespace'),
  authorizationPolicies: kindInfo('security.istio.io', 'AuthorizationPolicy'),
  peerAuthentications: kindInfo('security.istio.io', 'PeerAuthentication'),
  envoyFilters: kindInfo(NETWORKING, 'EnvoyFilter'),
};

/** The kinds whose changes alter traffic. */
export const TRAFFIC_KINDS: ReadonlySet<KindInfo> = new Set(Object.values(KINDS));

export function readLiveConfig(store: ObjectStore): LiveConfig {
  const all = (info: KindInfo): KubeObject[] => store.list(info).items;
  const services = all(KINDS.services);
  const serviceEntries = all(KINDS.serviceEntries);
  const destinationRules = all(KINDS.destinationRules);
  const rateLimits = localRateLimits(all(KINDS.envoyFilters));
  const routing = buildRoutingIndex({
    virtualServices: all(KINDS.virtualServices),
    destinationRules,
    serviceEntries,
    sidecars: all(KINDS.sidecars),
    gateways: [...all(KINDS.istioGateways), ...all(KINDS.gateways)],
    httpRoutes: all(KINDS.httpRoutes),
    grpcRoutes: all(KINDS.grpcRoutes),
    services,
    namespaces: all(KINDS.namespaces),
  });
  const authorizationPolicies = all(KINDS.authorizationPolicies);
  return {
    routing,
    authorizationPolicies,
    customProviders: customProviders(authorizationPolicies),
    peerAuthentications: all(KINDS.peerAuthentications),
    services: new Map(services.map((svc) => [serviceHost(svc.metadata.name ?? '', svc.metadata.namespace ?? ''), serviceInfo(svc)])),
    serviceEntryHosts: entryHosts(serviceEntries),
    rateLimits,
    loadDependent: rateLimits.length > 0 || destinationRules.some(hasResiliencePolicy),
  };
}

function customProviders(policies: readonly KubeObject[]): Record<string, 'deny'> {
  const out: Record<string, 'deny'> = {};
  for (const policy of policies) {
    const spec = (policy.spec ?? {}) as { action?: unknown; provider?: { name?: unknown } };
    if (spec.action === 'CUSTOM' && typeof spec.provider?.name === 'string') out[spec.provider.name] = 'deny';
  }
  return out;
}

function hasResiliencePolicy(rule: KubeObject): boolean {
  const text = JSON.stringify(rule.spec ?? {});
  return text.includes('"connectionPool"') || text.includes('"outlierDetection"');
}

function serviceInfo(svc: KubeObject): ServiceInfo {
  const spec = (svc.spec ?? {}) as { selector?: Record<string, string> };
  return { name: svc.metadata.name ?? '', namespace: svc.metadata.namespace ?? '', selector: spec.selector ?? {} };
}

function entryHosts(entries: readonly KubeObject[]): Map<string, string> {
  const hosts = new Map<string, string>();
  for (const entry of entries) {
    const spec = (entry.spec ?? {}) as { hosts?: unknown };
    if (!Array.isArray(spec.hosts)) continue;
    for (const host of spec.hosts) if (typeof host === 'string') hosts.set(host, entry.metadata.namespace ?? '');
  }
  return hosts;
}
