/** The services list: each Service with the pods behind it, their versions, and the config that points at it. */
import { PodIndex, selectorFromMap, versionOf } from '../../api';
import type { PodView, ServiceView } from '../../api';
import { findKind } from '../../../mesh/kinds';
import type { KindInfo } from '../../../mesh/kinds';
import { indexReferences, referencesTo } from '../../../mesh/references';
import type { ConfigObjects, ConfigReference } from '../../../mesh/references';

/** Kinds that can point at a service; listed across namespaces, since a route may cross them. */
export const REFERENCING_KINDS: readonly KindInfo[] = [
  findKind('networking.istio.io', 'VirtualService')!,
  findKind('networking.istio.io', 'DestinationRule')!,
  findKind('gateway.networking.k8s.io', 'HTTPRoute')!,
  findKind('gateway.networking.k8s.io', 'GRPCRoute')!,
  findKind('security.istio.io', 'AuthorizationPolicy')!,
  findKind('security.istio.io', 'PeerAuthentication')!,
  findKind('security.istio.io', 'RequestAuthentication')!,
  findKind('networking.istio.io', 'Sidecar')!,
  findKind('networking.istio.io', 'EnvoyFilter')!,
];

export interface ServiceRow {
  readonly key: string;
  readonly service: ServiceView;
  readonly pods: readonly PodView[];
  readonly readyPods: number;
  readonly versions: readonly string[];
  readonly references: readonly ConfigReference[];
}

export function deriveServices(
  services: readonly ServiceView[],
  pods: readonly PodView[],
  configs: readonly ConfigObjects[],
): ServiceRow[] {
  const podIndex = new PodIndex(pods);
  const index = indexReferences(configs);
  return services.map((service) => {
    const behind = service.selector ? podIndex.select(service.namespace, selectorFromMap(service.selector)) : [];
    const versions = [...new Set(behind.map((pod) => versionOf(pod.labels)).filter((v): v is string => Boolean(v)))].sort((a, b) =>
      a.localeCompare(b, undefined, { numeric: true }),
    );
    const labelsForPolicies = behind.length ? behind.map((pod) => pod.labels) : service.selector ? [service.selector] : [];
    return {
      key: `${service.namespace}/${service.name}`,
      service,
      pods: behind,
      readyPods: behind.filter((pod) => pod.ready).length,
      versions,
      references: referencesTo(index, service, labelsForPolicies),
    };
  });
}

/** "9080/TCP" or "http 9080→8080/TCP"; NodePorts as "80:30080/TCP" like kubectl. */
export function formatPort(port: ServiceView['ports'][number]): string {
  const node = port.nodePort ? `:${port.nodePort}` : '';
  const target = port.targetPort && port.targetPort !== String(port.port) ? `→${port.targetPort}` : '';
  return `${port.port}${node}${target}/${port.protocol}`;
}

export function matchesService(row: ServiceRow, text: string): boolean {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const { service } = row;
  const haystack = [
    `${service.namespace}/${service.name}`,
    service.type,
    service.clusterIP ?? '',
    ...service.ports.map((p) => `${p.name ?? ''} ${formatPort(p)}`),
    ...row.versions,
    ...Object.entries(service.labels).map(([k, v]) => `${k}=${v}`),
    ...row.references.map((r) => `${r.kind.kind} ${r.name}`),
  ]
    .join(' ')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}
