/** The Kubernetes objects the graph is joined with, kept live by the shared watches, indexed once per change. */
import { useEffect, useState } from 'react';
import type { KubeObject } from '../../../../mesh/kube-types';
import type { MeshIndex } from '../../../../mesh/topology/build';
import { indexInventoryWith } from '../../../../mesh/topology/build';
import { buildConfigIndex } from '../../../../mesh/topology/config-index';
import type { ConfigIndex, ConfigObjects } from '../../../../mesh/topology/config-index';
import type { InventoryObjects } from '../../../../mesh/topology/inventory';
import { useKubeListsIn, useKubeListsInEach } from '../../../api';
import type { KubeListResult } from '../../../api';
import { ALL_NAMESPACES, CLUSTER, INVENTORY, INVENTORY_KINDS, useClusterLists } from './mesh-sources';
import type { MeshSource } from './mesh-sources';

/** The workloads, services and namespaces: needed to draw anything. */
const INVENTORY_SOURCES: readonly MeshSource[] = [...INVENTORY, ...CLUSTER.slice(0, 1)];
/** The config kinds: they only add badges, so they do not block for long. */
const CONFIG: readonly MeshSource[] = CLUSTER.slice(1);

/** How long the first index waits for the config lists still on their way (see canIndexConfig). */
const CONFIG_WAIT_MS = 1000;

/**
 * Whether the config lists can be indexed: once they are all in (they arrive together, and each
 * arrival would otherwise rebuild the whole graph), or once they take longer than CONFIG_WAIT_MS after
 * the workloads are in (the graph then shows without their badges meanwhile), and from then on at
 * every change. The config is indexed apart from the workloads, usually while the traffic is still on
 * its way, so that the graph's first build need not wait for it.
 */
export function canIndexConfig(state: { configPending: boolean; indexed: boolean; waitedForConfig: boolean }): boolean {
  return state.indexed || !state.configPending || state.waitedForConfig;
}

/**
 * `build()`'s result, built again only when one of `inputs` changes identity (the lists' item arrays
 * change identity only when their content does) while `ready`; the last one meanwhile.
 */
function useRebuiltOnChange<T>(inputs: readonly unknown[], ready: boolean, build: () => T): T | undefined {
  const [cache, setCache] = useState<{ inputs: readonly unknown[]; value?: T }>({ inputs: [] });
  const changed = inputs.length !== cache.inputs.length || inputs.some((input, i) => input !== cache.inputs[i]);
  if (!ready || !changed) return cache.value;
  const value = build();
  setCache({ inputs, value });
  return value;
}

function objectsOf(sources: readonly MeshSource[], lists: readonly KubeListResult[]): Record<string, readonly KubeObject[]> {
  const objects: Record<string, readonly KubeObject[]> = {};
  sources.forEach(([field], i) => {
    objects[field] = lists[i]?.items ?? [];
  });
  return objects;
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
  const inventoryLists: readonly KubeListResult[] = [...(everywhere ? wide : narrow), ...cluster.slice(0, 1)];
  const configLists = cluster.slice(1);
  const decided = inventoryNamespaces !== undefined;
  const requiredIn = decided && !inventoryLists.some((l) => l.isLoading);
  const error = inventoryLists.find((l) => l.error)?.error ?? undefined;

  const configPending = configLists.some((l) => l.isLoading);
  const [waitedForConfig, setWaitedForConfig] = useState(false);
  const [configIndexed, setConfigIndexed] = useState(false);
  const waiting = requiredIn && configPending && !configIndexed;
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => setWaitedForConfig(true), CONFIG_WAIT_MS);
    return () => clearTimeout(timer);
  }, [waiting]);
  const configReady = canIndexConfig({ configPending, indexed: configIndexed, waitedForConfig });
  const config = useRebuiltOnChange(
    configLists.map((l) => l.items),
    configReady,
    () => buildConfigIndex(objectsOf(CONFIG, configLists) as ConfigObjects),
  );
  if (config && !configIndexed) setConfigIndexed(true);
  const mesh = useRebuiltOnChange(
    [config, ...inventoryLists.map((l) => l.items)],
    requiredIn && config !== undefined,
    () => indexInventoryWith(objectsOf(INVENTORY_SOURCES, inventoryLists) as InventoryObjects, config as ConfigIndex),
  );
  const isLoading = !requiredIn || !config;
  return { mesh: isLoading ? undefined : mesh, isLoading, error };
}
