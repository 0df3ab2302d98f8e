/** The Kubernetes objects the graph is joined with, kept live by the shared watches, indexed once per change. */
import { useState } from 'react';
import type { KubeObject } from '../../../../mesh/kube-types';
import { findKind } from '../../../../mesh/kinds';
import type { KindInfo } from '../../../../mesh/kinds';
import { indexMesh } from '../../../../mesh/topology/build';
import type { MeshIndex, MeshObjects } from '../../../../mesh/topology/build';
import { useKubeListsIn } from '../../../api';

const NETWORKING = 'networking.istio.io';
const SECURITY = 'security.istio.io';
const GATEWAY_API = 'gateway.networking.k8s.io';

/** The list each MeshObjects field is read from. */
const SOURCES: readonly (readonly [keyof MeshObjects, string, string])[] = [
  ['pods', '', 'Pod'],
  ['controllers', 'apps', 'Deployment'],
  ['services', '', 'Service'],
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

const KINDS: readonly KindInfo[] = SOURCES.map(([, group, kind]) => {
  const info = findKind(group, kind);
  if (!info) throw new Error(`kind ${kind}.${group} is missing from mesh/kinds.ts`);
  return info;
});

/** Core lists are needed to draw anything; the config kinds only add badges, so their errors do not block. */
const REQUIRED = 4;
const ALL_NAMESPACES: readonly string[] = [];

export interface MeshIndexResult {
  readonly mesh?: MeshIndex;
  readonly isLoading: boolean;
  readonly error?: Error;
}

/**
 * Every namespace's objects: a graph of a few namespaces still shows the gateways and callers around
 * them, and the lists are shared with the other screens' watches.
 */
export function useMeshIndex(): MeshIndexResult {
  const lists = useKubeListsIn(KINDS, ALL_NAMESPACES, { priority: 1 });
  const isLoading = lists.slice(0, REQUIRED).some((l) => l.isLoading);
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
