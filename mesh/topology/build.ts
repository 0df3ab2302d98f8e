/**
 * Builds the topology graph from one refresh's Prometheus samples (the queries of
 * mesh/telemetry/topology-queries.ts) and the live Kubernetes objects. The objects change rarely, so
 * they are indexed once (`indexMesh`, or the config apart with `buildConfigIndex` and then `indexInventoryWith`)
 * and reused across refreshes; `buildTopology` is the per-refresh part.
 */
import { buildConfigIndex } from './config-index';
import type { ConfigIndex, ConfigObjects } from './config-index';
import type { EndpointContext, NodeSeed } from './endpoints';
import { inventoryEndpoint, serviceEndpoint } from './endpoints';
import { appBoxId, clusterBoxId, namespaceBoxId } from './ids';
import { buildInventory } from './inventory';
import type { Inventory, InventoryObjects } from './inventory';
import type { GraphType, TopologyBox, TopologyEdge, TopologyGraph, TopologyNode } from './model';
import { indexMembers, nodeDetails } from './node-details';
import type { MemberIndex } from './node-details';
import { edgesFromSamples } from './telemetry-edges';
import type { TopologySamples } from './telemetry-edges';
import { memberCounts } from './overview';
import { NO_TRAFFIC, trafficByNode } from './traffic';

export type { PromSample, TopologySamples } from './telemetry-edges';

export type MeshObjects = InventoryObjects & ConfigObjects;

export interface MeshIndex {
  readonly inventory: Inventory;
  readonly config: ConfigIndex;
  readonly members: MemberIndex;
}

export function indexMesh(objects: MeshObjects, rootNamespace?: string): MeshIndex {
  return indexInventoryWith(objects, buildConfigIndex(objects, rootNamespace));
}

/** The index from the workloads and services and a config index built beforehand (config changes apart from them). */
export function indexInventoryWith(objects: InventoryObjects, config: ConfigIndex): MeshIndex {
  const inventory = buildInventory(objects);
  return { inventory, config, members: indexMembers(inventory) };
}

export interface BuildOptions {
  readonly graphType: GraphType;
  /** Namespaces shown; empty for the whole mesh. Nodes of other namespaces appear when they talk to these. */
  readonly namespaces: readonly string[];
  /** Kiali's "idle nodes": workloads (services in service graphs) of the namespaces with no traffic. */
  readonly idleNodes: boolean;
  /** End of the window, Unix ms, and its length. */
  readonly timestamp: number;
  readonly windowSeconds: number;
  /** Cluster name for objects telemetry does not name (default "Kubernetes", Istio's default). */
  readonly defaultCluster?: string;
  /**
   * The overview of a big mesh: only these namespaces at full detail, every other one as a single node
   * (see overview.ts for the samples that go with it). Undefined: every namespace at full detail.
   */
  readonly detailNamespaces?: readonly string[];
}

function inScope(namespaces: ReadonlySet<string> | undefined, namespace: string): boolean {
  return !namespaces || namespaces.has(namespace);
}

/** Nodes for every workload (service, in service graphs) of the namespaces in scope. */
function idleNodeIds(ctx: EndpointContext, mesh: MeshIndex, scope: ReadonlySet<string> | undefined): string[] {
  const ids: string[] = [];
  if (ctx.graphType === 'service') {
    for (const service of mesh.inventory.services.values()) {
      if (inScope(scope, service.namespace)) ids.push(serviceEndpoint(ctx, ctx.defaultCluster, service.namespace, service.name));
    }
    return ids;
  }
  for (const workload of mesh.inventory.workloads.values()) if (inScope(scope, workload.namespace)) ids.push(inventoryEndpoint(ctx, workload));
  return ids;
}

function boxesFor(nodes: readonly TopologyNode[], seeds: ReadonlyMap<string, NodeSeed>, graphType: GraphType): TopologyBox[] {
  const clusters = new Set(nodes.filter((n) => n.kind !== 'unknown').map((n) => n.cluster));
  const multiCluster = clusters.size > 1;
  const boxes = new Map<string, TopologyBox>();
  for (const node of nodes) {
    const seed = seeds.get(node.id);
    if (!seed?.box) continue;
    const namespace = seed.namespace;
    const nsBox = namespaceBoxId(namespace);
    if (!boxes.has(nsBox)) {
      const parent = multiCluster ? clusterBoxId(node.cluster) : undefined;
      boxes.set(nsBox, { id: nsBox, kind: 'namespace', label: namespace, parent });
      if (parent && !boxes.has(parent)) boxes.set(parent, { id: parent, kind: 'cluster', label: node.cluster });
    }
    if (graphType === 'versionedApp' && seed.app && seed.box === appBoxId(namespace, seed.app) && !boxes.has(seed.box)) {
      boxes.set(seed.box, { id: seed.box, kind: 'app', label: seed.app, parent: nsBox });
    }
  }
  return [...boxes.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The graph of one refresh. Nodes and edges come sorted by id, so equal inputs give equal output. */
export function buildTopology(samples: TopologySamples, mesh: MeshIndex, options: BuildOptions): TopologyGraph {
  const ctx: EndpointContext = {
    graphType: options.graphType,
    inventory: mesh.inventory,
    config: mesh.config,
    defaultCluster: options.defaultCluster ?? 'Kubernetes',
    seeds: new Map(),
    detailNamespaces: options.detailNamespaces ? new Set(options.detailNamespaces) : undefined,
  };
  const members = memberCounts(samples);
  const edges: TopologyEdge[] = edgesFromSamples(ctx, samples).sort((a, b) => (a.id < b.id ? -1 : 1));
  const scope = options.namespaces.length > 0 ? new Set(options.namespaces) : undefined;
  const shown = new Set<string>();
  for (const e of edges) {
    shown.add(e.source);
    shown.add(e.target);
  }
  if (options.idleNodes) for (const id of idleNodeIds(ctx, mesh, scope)) shown.add(id);
  const traffic = trafficByNode(edges);
  const nodes: TopologyNode[] = [];
  for (const id of [...shown].sort()) {
    const seed = ctx.seeds.get(id);
    if (!seed) continue;
    const figures = traffic.get(id);
    const { host: _host, ...fields } = seed;
    nodes.push({
      ...fields,
      ...nodeDetails(seed, mesh.inventory, mesh.config, mesh.members),
      health: figures?.health ?? 'idle',
      traffic: figures?.traffic ?? NO_TRAFFIC,
      ...(seed.kind === 'aggregate' ? { memberCount: Math.max(1, members.get(seed.namespace) ?? 0) } : {}),
    });
  }
  return {
    type: options.graphType,
    nodes,
    edges,
    boxes: boxesFor(nodes, ctx.seeds, options.graphType),
    timestamp: options.timestamp,
    windowSeconds: options.windowSeconds,
  };
}
