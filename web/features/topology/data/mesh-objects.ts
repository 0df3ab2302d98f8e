/** The Kubernetes objects the graph is joined with, kept live by the shared watches, indexed once per change. */
import { useEffect, useState } from 'react';
import type { KubeObject } from '../../../../mesh/kube-types';
import type { MeshIndex, MeshObjects } from '../../../../mesh/topology/build';
import { indexMesh } from '../../../../mesh/topology/build';
import { useKubeListsIn, useKubeListsInEach } from '../../../api';
import type { KubeListResult } from '../../../api';
import { ALL_NAMESPACES, CLUSTER, INVENTORY, INVENTORY_KINDS, useClusterLists } from './mesh-sources';

const SOURCES = [...INVENTORY, ...CLUSTER];
/** The inventory and the namespace list are needed to draw anything; the config kinds only add badges, so they do not block. */
const REQUIRED = INVENTORY.length + 1;

/** How long the first index waits for the config lists still on their way (see canIndex). */
const CONFIG_WAIT_MS = 1000;

/**
 * Whether the lists can be indexed: once the required ones are in. The first time, also once the
 * config lists are (they arrive together, and each arrival would otherwise rebuild the whole graph),
 * unless they take longer than CONFIG_WAIT_MS: then the graph shows without their badges meanwhile.
 */
export function canIndex(state: { requiredIn: boolean; configPending: boolean; indexed: boolean; waitedForConfig: boolean }): boolean {
  return state.requiredIn && (state.indexed || !state.configPending || state.waitedForConfig);
}

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
  const cluster = useClusterLists();
  const lists: readonly KubeListResult[] = [...(everywhere ? wide : narrow), ...cluster];
  const decided = inventoryNamespaces !== undefined;
  const required = lists.slice(0, REQUIRED);
  const requiredIn = decided && !required.some((l) => l.isLoading);
  const error = required.find((l) => l.error)?.error ?? undefined;
  // The lists' item arrays change identity only when their content does: index again only then.
  const [cache, setCache] = useState<{ items: readonly (readonly KubeObject[])[]; mesh?: MeshIndex }>({ items: [] });
  const configPending = lists.slice(REQUIRED).some((l) => l.isLoading);
  const [waitedForConfig, setWaitedForConfig] = useState(false);
  const waiting = requiredIn && configPending && !cache.mesh;
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => setWaitedForConfig(true), CONFIG_WAIT_MS);
    return () => clearTimeout(timer);
  }, [waiting]);
  const isLoading = !canIndex({ requiredIn, configPending, indexed: cache.mesh !== undefined, waitedForConfig });
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
