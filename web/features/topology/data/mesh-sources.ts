/**
 * The Kubernetes lists the graph is joined with. Apart from mesh-objects.ts (which indexes them) so
 * that the route's prefetch can start the cluster-wide ones without loading the graph's code.
 */
import { findKind } from '../../../../mesh/kinds';
import type { KindInfo } from '../../../../mesh/kinds';
import type { MeshObjects } from '../../../../mesh/topology/build';
import { useKubeListsIn } from '../../../api';
import type { KubeListResult } from '../../../api';

const NETWORKING = 'networking.istio.io';
const SECURITY = 'security.istio.io';
const GATEWAY_API = 'gateway.networking.k8s.io';

/** The field of MeshObjects a list fills, and its kind's group and name. */
export type MeshSource = readonly [keyof MeshObjects, string, string];

/** The workloads and services: per namespace on a big mesh, where they are most of the cluster's objects. */
export const INVENTORY: readonly MeshSource[] = [
  ['pods', '', 'Pod'],
  ['controllers', 'apps', 'Deployment'],
  ['services', '', 'Service'],
];

/** Namespaces, then the config kinds: always the whole cluster (config in one namespace applies to others). */
export const CLUSTER: readonly MeshSource[] = [
  ['namespaces', '', 'Namespace'],
  ['virtualServices', NETWORKING, 'VirtualService'],
  ['destinationRules', NETWORKING, 'DestinationRule'],
  ['serviceEntries', NETWORKING, 'ServiceEntry'],
  ['gateways', NETWORKING, 'Gateway'],
  ['sidecars', NETWORKING, 'Sidecar'],
  ['envoyFilters', NETWORKING, 'EnvoyFilter'],
  ['authorizationPolicies', SECURITY, 'AuthorizationPolicy'],
  ['peerAuthentications', SECURITY, 'PeerAuthentication'],
  ['gatewayApiGateways', GATEWAY_API, 'Gateway'],
  ['httpRoutes', GATEWAY_API, 'HTTPRoute'],
  ['grpcRoutes', GATEWAY_API, 'GRPCRoute'],
];

function kindsOf(sources: readonly MeshSource[]): readonly KindInfo[] {
  return sources.map(([, group, kind]) => {
    const info = findKind(group, kind);
    if (!info) throw new Error(`kind ${kind}.${group} is missing from mesh/kinds.ts`);
    return info;
  });
}

export const INVENTORY_KINDS = kindsOf(INVENTORY);
export const CLUSTER_KINDS = kindsOf(CLUSTER);
export const ALL_NAMESPACES: readonly string[] = [];

/** The cluster-wide lists (namespaces and config), in CLUSTER's order, kept current by shared watches. */
export function useClusterLists(): readonly KubeListResult[] {
  return useKubeListsIn(CLUSTER_KINDS, ALL_NAMESPACES, { priority: 1 });
}
