/**
 * Views derived from a built graph: collapsing boxes into aggregate nodes (namespace → app → workload
 * drill-down), focusing on a node and its neighbourhood, hiding what a predicate selects, and a default
 * choice of boxes to collapse so that big meshes stay drawable.
 *
 * Boxes are the graph's own (cluster, namespace, and app boxes in versionedApp graphs); in workload
 * graphs, workloads of one app also form an app group (`box:app/<ns>/<app>`) that can collapse, although
 * no app box is drawn around them.
 */
import { edgeId, mergeEdges } from './edge-merge';
import { aggregateNodeId, appBoxId } from './ids';
import type { BoxKind, NodeBadge, ObjectRef, TopologyBox, TopologyEdge, TopologyGraph, TopologyNode } from './model';
import { NO_TRAFFIC, trafficByNode } from './traffic';

export interface AggregationGroup {
  readonly id: string;
  readonly kind: BoxKind;
  readonly label: string;
  readonly parent?: string;
  /** Nodes inside, at any depth. */
  readonly members: number;
}

interface GroupIndex {
  readonly groups: Map<string, AggregationGroup>;
  /** Per node id: the groups holding it, outermost first. */
  readonly chains: Map<string, readonly string[]>;
}

function chainOf(node: TopologyNode, boxes: ReadonlyMap<string, TopologyBox>, graphType: TopologyGraph['type']): string[] {
  const chain: string[] = [];
  for (let box = node.box ? boxes.get(node.box) : undefined; box; box = box.parent ? boxes.get(box.parent) : undefined) chain.unshift(box.id);
  if (graphType === 'workload' && node.kind === 'workload' && node.app) chain.push(appBoxId(node.namespace, node.app));
  return chain;
}

function indexGroups(graph: TopologyGraph): GroupIndex {
  const boxes = new Map(graph.boxes.map((b) => [b.id, b]));
  const counts = new Map<string, number>();
  const chains = new Map<string, readonly string[]>();
  const synthetic = new Map<string, AggregationGroup>();
  for (const node of graph.nodes) {
    const chain = chainOf(node, boxes, graph.type);
    chains.set(node.id, chain);
    for (const id of chain) counts.set(id, (counts.get(id) ?? 0) + 1);
    const last = chain[chain.length - 1];
    if (last && !boxes.has(last) && node.app) synthetic.set(last, { id: last, kind: 'app', label: node.app, parent: node.box, members: 0 });
  }
  const groups = new Map<string, AggregationGroup>();
  for (const box of graph.boxes) groups.set(box.id, { id: box.id, kind: box.kind, label: box.label, parent: box.parent, members: counts.get(box.id) ?? 0 });
  for (const group of synthetic.values()) groups.set(group.id, { ...group, members: counts.get(group.id) ?? 0 });
  return { groups, chains };
}

/** The groups a graph's nodes can collapse into, with their sizes. */
export function aggregationGroups(graph: TopologyGraph): AggregationGroup[] {
  return [...indexGroups(graph).groups.values()];
}

function configKey(ref: ObjectRef): string {
  return `${ref.kind}/${ref.namespace ?? ''}/${ref.name}`;
}

function aggregateNode(group: AggregationGroup, members: readonly TopologyNode[]): TopologyNode {
  const first = members[0];
  const badges = new Set<NodeBadge>();
  const config = new Map<string, ObjectRef>();
  for (const m of members) {
    for (const b of m.badges) badges.add(b);
    for (const c of m.config) config.set(configKey(c), c);
  }
  return {
    id: aggregateNodeId(group.id),
    kind: 'aggregate',
    cluster: first?.cluster ?? '',
    namespace: group.kind === 'cluster' ? '' : (first?.namespace ?? ''),
    name: group.label,
    app: group.kind === 'app' ? group.label : undefined,
    isGateway: members.every((m) => m.isGateway) || undefined,
    badges: [...badges].sort(),
    config: [...config.values()],
    health: 'idle',
    traffic: NO_TRAFFIC,
    box: group.parent,
    memberCount: members.length,
  };
}

/**
 * The graph with each box of `collapsed` replaced by one aggregate node: edges into and out of its
 * members merge (internal edges disappear), traffic is summed and health recomputed from it.
 * An outer collapsed box wins over an inner one.
 */
export function collapseBoxes(graph: TopologyGraph, collapsed: Iterable<string>): TopologyGraph {
  const wanted = new Set(collapsed);
  if (wanted.size === 0) return graph;
  const { groups, chains } = indexGroups(graph);
  const replacement = new Map<string, string>();
  const members = new Map<string, TopologyNode[]>();
  for (const node of graph.nodes) {
    const group = chains.get(node.id)?.find((id) => wanted.has(id) && groups.has(id));
    if (!group) continue;
    replacement.set(node.id, aggregateNodeId(group));
    const list = members.get(group) ?? [];
    list.push(node);
    members.set(group, list);
  }
  if (replacement.size === 0) return graph;

  const parts = new Map<string, { source: string; target: string; edges: TopologyEdge[] }>();
  for (const edge of graph.edges) {
    const source = replacement.get(edge.source) ?? edge.source;
    const target = replacement.get(edge.target) ?? edge.target;
    if (source === target && source !== edge.source) continue;
    const id = edgeId(source, target, edge.protocol);
    const entry = parts.get(id) ?? { source, target, edges: [] };
    entry.edges.push(edge);
    parts.set(id, entry);
  }
  const edges = [...parts.entries()].map(([id, p]) => mergeEdges(id, p.source, p.target, p.edges));
  const traffic = trafficByNode(edges);

  const nodes: TopologyNode[] = [];
  const emitted = new Set<string>();
  for (const node of graph.nodes) {
    const aggregateId = replacement.get(node.id);
    if (!aggregateId) {
      nodes.push(node);
      continue;
    }
    if (emitted.has(aggregateId)) continue;
    emitted.add(aggregateId);
    const groupId = chains.get(node.id)?.find((id) => wanted.has(id) && groups.has(id)) ?? '';
    const aggregate = aggregateNode(groups.get(groupId)!, members.get(groupId) ?? []);
    const figures = traffic.get(aggregate.id);
    nodes.push(figures ? { ...aggregate, traffic: figures.traffic, health: figures.health } : aggregate);
  }
  const boxes = new Map(graph.boxes.map((b) => [b.id, b]));
  const insideCollapsed = (box: TopologyBox): boolean => {
    for (let b: TopologyBox | undefined = box; b; b = b.parent ? boxes.get(b.parent) : undefined) if (wanted.has(b.id)) return true;
    return false;
  };
  return { ...graph, nodes, edges, boxes: graph.boxes.filter((b) => !insideCollapsed(b)) };
}

function keepBoxesOf(graph: TopologyGraph, nodes: readonly TopologyNode[]): TopologyBox[] {
  const byId = new Map(graph.boxes.map((b) => [b.id, b]));
  const used = new Set<string>();
  for (const node of nodes) for (let id = node.box; id && !used.has(id); id = byId.get(id)?.parent) used.add(id);
  return graph.boxes.filter((b) => used.has(b.id));
}

/** The node `nodeId` and everything within `hops` edges of it (either direction), with the edges among them. */
export function focus(graph: TopologyGraph, nodeId: string, hops: number): TopologyGraph {
  const neighbours = new Map<string, string[]>();
  for (const e of graph.edges) {
    (neighbours.get(e.source) ?? neighbours.set(e.source, []).get(e.source)!).push(e.target);
    (neighbours.get(e.target) ?? neighbours.set(e.target, []).get(e.target)!).push(e.source);
  }
  const kept = new Set<string>();
  if (graph.nodes.some((n) => n.id === nodeId)) kept.add(nodeId);
  let frontier = [...kept];
  for (let hop = 0; hop < hops && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const n of neighbours.get(id) ?? []) {
        if (kept.has(n)) continue;
        kept.add(n);
        next.push(n);
      }
    }
    frontier = next;
  }
  const nodes = graph.nodes.filter((n) => kept.has(n.id));
  const edges = graph.edges.filter((e) => kept.has(e.source) && kept.has(e.target));
  return { ...graph, nodes, edges, boxes: keepBoxesOf(graph, nodes) };
}

function endpoints(edges: readonly TopologyEdge[]): Set<string> {
  const ids = new Set<string>();
  for (const e of edges) {
    ids.add(e.source);
    ids.add(e.target);
  }
  return ids;
}

export interface HidePredicate {
  readonly node?: (node: TopologyNode) => boolean;
  readonly edge?: (edge: TopologyEdge) => boolean;
}

/**
 * The graph without the nodes and edges the predicate selects (a hidden node takes its edges along).
 * As in Kiali, nodes that lose all their edges through the hiding disappear too; nodes that had none
 * (idle nodes) stay unless selected. Empty boxes go.
 */
export function hide(graph: TopologyGraph, predicate: HidePredicate): TopologyGraph {
  const hiddenNodes = new Set(predicate.node ? graph.nodes.filter(predicate.node).map((n) => n.id) : []);
  const edges = graph.edges.filter((e) => !hiddenNodes.has(e.source) && !hiddenNodes.has(e.target) && !(predicate.edge?.(e) ?? false));
  if (hiddenNodes.size === 0 && edges.length === graph.edges.length) return graph;
  const hadEdges = endpoints(graph.edges);
  const hasEdges = endpoints(edges);
  const nodes = graph.nodes.filter((n) => !hiddenNodes.has(n.id) && (hasEdges.has(n.id) || !hadEdges.has(n.id)));
  return { ...graph, nodes, edges, boxes: keepBoxesOf(graph, nodes) };
}

export interface CollapseSuggestionOptions {
  /** Default 600. */
  readonly maxNodes?: number;
  /** Groups the user opened: never suggested for collapsing. */
  readonly expanded?: Iterable<string>;
}

/**
 * Which groups to collapse so that about `maxNodes` nodes show: nothing when the graph fits; otherwise
 * every namespace collapses (except the ones the user expanded);
 * inside an open namespace that is still too big, its largest apps collapse.
 */
export function suggestCollapsed(graph: TopologyGraph, options: CollapseSuggestionOptions = {}): string[] {
  const maxNodes = options.maxNodes ?? 600;
  if (graph.nodes.length <= maxNodes) return [];
  const expanded = new Set(options.expanded ?? []);
  const { groups } = indexGroups(graph);
  const all = [...groups.values()];
  const namespaces = all.filter((g) => g.kind === 'namespace');
  const appsOf = (ns: string) => all.filter((g) => g.kind === 'app' && g.parent === ns);
  const inNamespaces = namespaces.reduce((s, g) => s + g.members, 0);
  const collapsed = new Set(namespaces.filter((g) => !expanded.has(g.id)).map((g) => g.id));
  // Nodes outside namespace boxes (unknown, external) always show.
  let count = graph.nodes.length - inNamespaces + collapsed.size;
  const open = namespaces.filter((g) => expanded.has(g.id));
  for (const ns of open) count += ns.members;

  // Shrink open namespaces by collapsing their largest apps.
  for (const ns of open) {
    for (const app of appsOf(ns.id).sort((a, b) => b.members - a.members)) {
      if (count <= maxNodes) break;
      if (expanded.has(app.id) || app.members <= 1) continue;
      collapsed.add(app.id);
      count -= app.members - 1;
    }
  }
  // Closed namespaces stay closed: a few hundred nodes from a dozen namespaces, each wired to the
  // others, make an unreadable picture; the namespace view with drill-down is the useful one at scale.
  return [...collapsed].sort();
}
