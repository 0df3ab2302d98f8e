/**
 * The edges a dense level is laid out by. ELK's time grows with edges far more than with nodes: the
 * namespace overview of a big mesh (some 40 namespaces, 400+ edges, most namespaces calling most
 * others) took seconds in layered mode, and where nearly everything is connected the extra edges
 * barely change the picture. So a level with more than EDGES_PER_ITEM edges per member is laid out by
 * a skeleton: a spanning forest (every connection between groups still pulls them together), then
 * further edges in their given order up to that budget. The drawing still shows every edge.
 */
import type { LevelGraph } from './level';

export const EDGES_PER_ITEM = 2;

export function layoutSkeleton(graph: LevelGraph): LevelGraph {
  const budget = graph.items.length * EDGES_PER_ITEM;
  if (graph.edges.length <= budget) return graph;
  const component = new Map<string, string>();
  const root = (key: string): string => {
    let current = key;
    for (let parent = component.get(current); parent !== undefined && parent !== current; parent = component.get(current)) current = parent;
    return current;
  };
  const chosen = new Set<number>();
  const pairs = new Set<string>();
  const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
  graph.edges.forEach(([source, target], index) => {
    const a = root(source);
    const b = root(target);
    if (a === b) return;
    component.set(a, b);
    chosen.add(index);
    pairs.add(pairKey(source, target));
  });
  graph.edges.forEach(([source, target], index) => {
    if (chosen.size >= budget || chosen.has(index) || source === target) return;
    const key = pairKey(source, target);
    if (pairs.has(key)) return;
    pairs.add(key);
    chosen.add(index);
  });
  return { items: graph.items, edges: graph.edges.filter((_, index) => chosen.has(index)) };
}
