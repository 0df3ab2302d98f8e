import type { ELK, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';
import type { LayoutAlgorithm } from './algorithms';
import type { LevelGraph, LevelLayouter } from './level';
import { prefersQuickLayered, quickLayered } from './quick-layered';
import { NODE_SPACING } from './sizes';
import { layoutSkeleton } from './skeleton';
import type { Point } from './types';

const COMMON: LayoutOptions = {
  'elk.spacing.nodeNode': String(NODE_SPACING),
  'elk.spacing.componentComponent': String(NODE_SPACING * 2),
};

const BY_ALGORITHM: Record<LayoutAlgorithm, LayoutOptions> = {
  layered: {
    'elk.algorithm': 'layered',
    'elk.direction': 'RIGHT',
    'elk.layered.spacing.nodeNodeBetweenLayers': String(NODE_SPACING * 2),
    // The view draws its own edges; ELK's orthogonal routing would be work thrown away.
    'elk.edgeRouting': 'POLYLINE',
    'elk.layered.thoroughness': '3',
    // Keeps the input order where it does not cost crossings, so similar graphs come out similar.
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  },
  mrtree: { 'elk.algorithm': 'mrtree', 'elk.direction': 'RIGHT' },
  force: { 'elk.algorithm': 'force', 'elk.randomSeed': '1' },
  stress: { 'elk.algorithm': 'stress' },
  radial: { 'elk.algorithm': 'radial' },
};

/**
 * Above this many members or edges, layered layout trades some crossing reduction for time: fewer
 * sweeps, no model-order tie-breaking, no greedy switch pass (measured 2–4× faster at 100–300
 * members, and at 40 members with 100–400 edges).
 */
const LARGE_LEVEL = 60;
const FAST_LAYERED: LayoutOptions = {
  'elk.layered.thoroughness': '1',
  'elk.layered.considerModelOrder.strategy': 'NONE',
  'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
};

/**
 * A LevelLayouter running ELK with the chosen algorithm: all levels in one call, each as a
 * compound node that ELK lays out on its own (its default, hierarchy handling SEPARATE_CHILDREN).
 * Layered levels too big for ELK to be quick get a quick placement instead, and a call that has
 * nothing for ELK does not wait for it: `elk` may be a loader, still compiling when the first
 * layout comes.
 */
export function elkLevelLayouter(elk: ELK | (() => Promise<ELK>)): LevelLayouter {
  const loadElk = typeof elk === 'function' ? elk : () => Promise.resolve(elk);
  return async (graphs: readonly LevelGraph[], algorithm: LayoutAlgorithm): Promise<Array<Map<string, Point>>> => {
    const results = graphs.map(() => new Map<string, Point>());
    const compounds: ElkNode[] = [];
    graphs.forEach((graph, index) => {
      const only = graph.items.length === 1 ? graph.items[0] : undefined;
      if (only) results[index]?.set(only.key, { x: 0, y: 0 });
      if (graph.items.length < 2) return;
      if (algorithm === 'layered' && prefersQuickLayered(graph)) {
        results[index] = quickLayered(graph);
        return;
      }
      const large = graph.items.length > LARGE_LEVEL || graph.edges.length > LARGE_LEVEL;
      const { items, edges } = algorithm === 'radial' ? spanningTree(graph) : layoutSkeleton(graph);
      compounds.push({
        id: `\u0000level${index}`,
        layoutOptions: { ...COMMON, ...BY_ALGORITHM[algorithm], ...(large ? FAST_LAYERED : {}) },
        children: items.map((item) => ({ id: item.key, width: item.width, height: item.height })),
        edges: edges.map(([source, target], i) => ({ id: `\u0000level${index}:${i}`, sources: [source], targets: [target] })),
      });
    });
    if (compounds.length === 0) return results;
    const laidOut = await (await loadElk()).layout({ id: '\u0000levels', layoutOptions: { 'elk.algorithm': 'box' }, children: compounds });
    for (const compound of laidOut.children ?? []) {
      const result = results[Number(compound.id.slice('\u0000level'.length))];
      for (const child of compound.children ?? []) if (child.id !== HUB) result?.set(child.id, { x: child.x ?? 0, y: child.y ?? 0 });
    }
    return results;
  };
}

const HUB = '\u0000hub';

/**
 * ELK's radial layout only takes a tree: a breadth-first spanning tree from the best-connected
 * member, with an invisible hub joining the components when there are several.
 */
export function spanningTree(graph: LevelGraph): LevelGraph {
  const neighbours = new Map<string, string[]>(graph.items.map((item) => [item.key, []]));
  for (const [source, target] of graph.edges) {
    neighbours.get(source)?.push(target);
    neighbours.get(target)?.push(source);
  }
  const byDegree = [...graph.items].sort((a, b) => (neighbours.get(b.key)?.length ?? 0) - (neighbours.get(a.key)?.length ?? 0));
  const seen = new Set<string>();
  const edges: Array<readonly [string, string]> = [];
  const roots: string[] = [];
  for (const start of byDegree) {
    if (seen.has(start.key)) continue;
    roots.push(start.key);
    seen.add(start.key);
    const queue = [start.key];
    for (let head = 0; head < queue.length; head++) {
      const current = queue[head] ?? '';
      for (const next of neighbours.get(current) ?? []) {
        if (seen.has(next)) continue;
        seen.add(next);
        edges.push([current, next]);
        queue.push(next);
      }
    }
  }
  if (roots.length === 1) return { items: graph.items, edges };
  return { items: [...graph.items, { key: HUB, width: 1, height: 1 }], edges: [...edges, ...roots.map((root) => [HUB, root] as const)] };
}
