/** The Kubernetes objects the graph is joined with, kept live by the shared watches, indexed once per change. */
import { useState } from 'react';
import type { KubeObject } from '../../../../mesh/kube-types';
import { findKind } from '../../../../mesh/kinds';
import type { KindInfo } from '../../../../mesh/kinds';
import { indexMesh } from '../../../../mesh/topology/build';
import type { MeshIndex, MeshObjects } from '../../../../mesh/topology/build';
import { useKubeListsIn, useKubeListsInEach } from '../../../api';
import type { KubeListResult } from '../../../api';

const NETWORKING = 'networking.istio.io';
const SECURITY = 'security.istio.io';
const GATEWAY_API = 'gateway.networking.k8s.io';

type Source = readonly [keyof MeshObjects, string, string];

/** The workloads and services: per namespace on a big mesh, where they are most of the cluster's objects. */
const INVENTORY: readonly Source[] = [
  ['pods', '', 'Pod'],
  ['controllers', 'apps', 'Deployment'],
  ['services', '', 'Service'],
];

/** Namespaces and the config kinds: always the whole cluster (config in one namespace applies to others). */
const CLUSTER: readonly Source[] = [
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

function kindsOf(sources: readonly Source[]): readonly KindInfo[] {
  return sources.map(([, group, kind]) => {
    const info = findKind(group, kind);
    if (!info) throw new Error(`kind ${kind}.${group} is missing from mesh/kinds.ts`);
    return info;
  });
}

const INVENTORY_KINDS = kindsOf(INVENTORY);
const CLUSTER_KINDS = kindsOf(CLUSTER);
const SOURCES = [...INVENTORY, ...CLUSTER];
/** The inventory and the namespace list are needed to draw anything; the config kinds only add badges, so they do not block. */
const REQUIRED = INVENTORY.length + 1;
const ALL_NAMESPACES: readonly string[] = [];

export interface MeshIndexResult {
  readonly mesh?: MeshIndex;
  readonly isLoading: boolean;
  readonly error?: Error;
}

/**
 * The objects the graph needs. `inventoryNamespaces`: 'all' lists workloads and services of every
 * namespace (a graph of a few namespaces still shows the gateways and callers around them, and the
 * lists are shared with the other screens' watches); a list of namespaces, only theirs (the overview of
 * a big mesh, where the other namespaces are single nodes); undefined, none yet (not decided).
 */
export function useMeshIndex(inventoryNamespaces: 'all' | readonly string[] | undefined): MeshIndexResult {
  const everywhere = inventoryNamespaces === 'all';
  const some = Array.isArray(inventoryNamespaces) ? (inventoryNamespaces as readonly string[]) : ALL_NAMESPACES;
  const wide = useKubeListsIn(INVENTORY_KINDS, ALL_NAMESPACES, { priority: 1, enabled: everywhere });
  const narrow = useKubeListsInEach(INVENTORY_KINDS, some, { priority: 1 });
  const cluster = useKubeListsIn(CLUSTER_KINDS, ALL_NAMESPACES, { priority: 1 });
  const lists: readonly KubeListResult[] = [...(everywhere ? wide : narrow), ...cluster];
  const decided = inventoryNamespaces !== undefined;
  const isLoading = !decided || lists.slice(0, REQUIRED).some((l) => l.isLoading);
  const error = lists.slice(0, REQUIRED).find((l) => l.error)?.error ?? undefined;
  // The lists' item arrays change identity only when their content does: index again only then.
  const [cache, setCache] = useState<{ items: readonly (readonly KubeObject[])[]; mesh?: MeshIndex }>({ items: [] });
  const items = lists.map((l) => l.items);
  const changed = items.length !== cache.items.length || items.some((list, i) => list !== cache.items[i]);
  let mesh = cache.mesh;
  if (!isLoading && changed) {
    const objects: Record<string, readonly KubeObject[]> = {};
    SOURCES.forEach(([field], i) => {
      objects[field] = items[i] ?? [];
    });
    mesh = indexMesh(objects as MeshObjects);
    setCache({ items, mesh });
  }
  return { mesh: isLoading ? undefined : mesh, isLoading, error };
}
