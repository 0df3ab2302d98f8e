/**
 * The mesh configuration the simulator routes with, read from the object store. It is rebuilt only after
 * the store changes, so a tick costs no config parsing.
 */
import { findKind, type KindInfo } from '../../../mesh/kinds';
import type { KubeObject } from '../../../mesh/kube-types';
import { buildRoutingIndex, type RoutingIndex } from '../../../mesh/routing';
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
};

/** The kinds whose changes alter traffic. */
export const TRAFFIC_KINDS: ReadonlySet<KindInfo> = new Set(Object.values(KINDS));

export function readLiveConfig(store: ObjectStore): LiveConfig {
  const all = (info: KindInfo): KubeObject[] => store.list(info).items;
  const services = all(KINDS.services);
  const serviceEntries = all(KINDS.serviceEntries);
  const routing = buildRoutingIndex({
    virtualServices: all(KINDS.virtualServices),
    destinationRules: all(KINDS.destinationRules),
    serviceEntries,
    sidecars: all(KINDS.sidecars),
    gateways: [...all(KINDS.istioGateways), ...all(KINDS.gateways)],
    httpRoutes: all(KINDS.httpRoutes),
    grpcRoutes: all(KINDS.grpcRoutes),
    services,
    namespaces: all(KINDS.namespaces),
  });
  return {
    routing,
    authorizationPolicies: all(KINDS.authorizationPolicies),
    peerAuthentications: all(KINDS.peerAuthentications),
    services: new Map(services.map((svc) => [serviceHost(svc.metadata.name ?? '', svc.metadata.namespace ?? ''), serviceInfo(svc)])),
    serviceEntryHosts: entryHosts(serviceEntries),
  };
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
