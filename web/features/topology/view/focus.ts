/**
 * Emphasis for a crowded graph: with many edges they are drawn faint, as one background drawing, and
 * only the edges in focus are full edges (width, arrow, lock, label, click and hover): those of the
 * node the user hovers or selects, the selected and the hovered edge, and the find matches when they are few.
 */
import type { TopologyEdge } from '../../../../mesh/topology/model';

/** Above this many edges the graph counts as crowded: faint edges, labels only on demand. */
export const CROWDED_EDGES = 120;

/** Up to this many matched edges are drawn in full; more would make the graph crowded again. */
export const MAX_FOCUSED_MATCHES = 60;

export function isCrowded(edgeCount: number, nodeCount: number): boolean {
  return edgeCount > CROWDED_EDGES || (nodeCount > 0 && edgeCount > nodeCount * 4);
}

export interface FocusInput {
  /** The hovered and the selected node ('' for none). */
  readonly nodeIds: readonly string[];
  /** The selected edge, or '' (or a node id: it then matches no edge). */
  readonly selectedId: string;
  /** The edge under the pointer, or '' (a faint one is picked by its distance to the pointer). */
  readonly hoveredEdgeId?: string;
  /** Ids matched by the find expression; undefined when there is none. */
  readonly matches?: ReadonlySet<string>;
}

/** The edges to draw in full, in graph order. */
export function focusedEdges<E extends Pick<TopologyEdge, 'id' | 'source' | 'target'>>(edges: readonly E[], input: FocusInput): E[] {
  const nodes = new Set(input.nodeIds.filter((id) => id !== ''));
  const { matches } = input;
  let matched = 0;
  if (matches) for (const edge of edges) if (matches.has(edge.id)) matched++;
  const withMatches = matches !== undefined && matched <= MAX_FOCUSED_MATCHES;
  return edges.filter(
    (edge) => edge.id === input.selectedId || edge.id === input.hoveredEdgeId || nodes.has(edge.source) || nodes.has(edge.target) || (withMatches && matches.has(edge.id)),
  );
}
