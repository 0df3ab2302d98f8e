/**
 * From the graph the data layer built to the graph drawn: hide what the hide expression selects,
 * collapse boxes (the user's choice, plus what a big graph needs to stay drawable), then focus on one
 * node and its neighbours. Find does not change the graph; it marks its matches.
 */
import { collapseBoxes, focus as focusOn, hide, suggestCollapsed } from '../../../../mesh/topology/aggregate';
import { matchEdge, matchNode } from '../../../../mesh/topology/find';
import type { FindExpr } from '../../../../mesh/topology/find';
import type { TopologyGraph } from '../../../../mesh/topology/model';

/** Above this many nodes the graph opens with namespaces collapsed; React Flow stays smooth below ~1,000 DOM nodes. */
export const MAX_DRAWN_NODES = 600;

export interface DeriveOptions {
  readonly hide?: FindExpr;
  readonly collapsed: readonly string[];
  readonly expanded: readonly string[];
  readonly focus?: string;
  readonly hops: number;
}

export interface DrawnGraph {
  readonly graph: TopologyGraph;
  /** Boxes collapsed in the drawing, the user's and the suggested ones. */
  readonly collapsed: readonly string[];
  /** Whether the focus node is in the graph (a stale link may name one that left). */
  readonly focusFound: boolean;
}

export function deriveGraph(raw: TopologyGraph, options: DeriveOptions): DrawnGraph {
  const hideExpr = options.hide;
  const visible = hideExpr ? hide(raw, { node: (n) => matchNode(hideExpr, n), edge: (e) => matchEdge(hideExpr, e) }) : raw;
  const expanded = new Set(options.expanded);
  const suggested = suggestCollapsed(visible, { maxNodes: MAX_DRAWN_NODES, expanded });
  const collapsed = [...new Set([...suggested, ...options.collapsed])].filter((id) => !expanded.has(id) || options.collapsed.includes(id));
  const aggregated = collapseBoxes(visible, collapsed);
  if (!options.focus) return { graph: aggregated, collapsed, focusFound: false };
  const focusFound = aggregated.nodes.some((n) => n.id === options.focus);
  return { graph: focusFound ? focusOn(aggregated, options.focus, options.hops) : aggregated, collapsed, focusFound };
}

/** Ids of the nodes and edges the find expression matches. */
export function findMatches(graph: TopologyGraph, expr: FindExpr): ReadonlySet<string> {
  const ids = new Set<string>();
  for (const node of graph.nodes) if (matchNode(expr, node)) ids.add(node.id);
  for (const edge of graph.edges) if (matchEdge(expr, edge)) ids.add(edge.id);
  return ids;
}
