/**
 * Keeps object identity across refreshes: nodes, edges and boxes equal to the previous graph's are the
 * previous objects, and a graph whose nodes, edges and boxes are all unchanged is the previous graph
 * itself (its timestamp then stays that of the first refresh that produced it). Lets a view skip work.
 */
import type { TopologyGraph } from './model';

/** Structural equality of JSON-like data (plain objects, arrays, primitives). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = Object.keys(ra).filter((k) => ra[k] !== undefined);
  if (keys.length !== Object.keys(rb).filter((k) => rb[k] !== undefined).length) return false;
  return keys.every((k) => deepEqual(ra[k], rb[k]));
}

function reuse<T extends { readonly id: string }>(previous: readonly T[], next: readonly T[]): { items: readonly T[]; same: boolean } {
  const byId = new Map(previous.map((p) => [p.id, p]));
  let same = previous.length === next.length;
  const items = next.map((item, i) => {
    const old = byId.get(item.id);
    if (old && deepEqual(old, item)) {
      if (previous[i] !== old) same = false;
      return old;
    }
    same = false;
    return item;
  });
  return { items: same ? previous : items, same };
}

export function stabilizeGraph(previous: TopologyGraph | undefined, next: TopologyGraph): TopologyGraph {
  if (!previous || previous.type !== next.type || previous.windowSeconds !== next.windowSeconds) return next;
  const nodes = reuse(previous.nodes, next.nodes);
  const edges = reuse(previous.edges, next.edges);
  const boxes = reuse(previous.boxes, next.boxes);
  if (nodes.same && edges.same && boxes.same) return previous;
  return { ...next, nodes: nodes.items, edges: edges.items, boxes: boxes.items };
}
