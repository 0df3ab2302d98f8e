import type { LevelGraph, LevelItem } from './level';
import { NODE_SPACING } from './sizes';
import type { Point } from './types';

/** Barycentre sweeps over the layers; a few settle most crossings of a service graph. */
const SWEEPS = 6;

/**
 * Whether a level is big or dense enough that ELK's layered layout would take seconds (its cost
 * grows with edges times the layers they span: 41 members with 420 edges took 1–4 s, 200 with
 * 400 about 0.7 s), so the quick placement below takes it instead.
 */
export function prefersQuickLayered(graph: LevelGraph): boolean {
  const items = graph.items.length;
  const edges = graph.edges.length;
  return items > 150 || (edges > 80 && edges > 2 * items);
}

/**
 * A layered left-to-right placement in linear-ish time: cycles broken by depth-first search,
 * longest-path layers squeezed into about √n columns, barycentre ordering, members without edges
 * in a grid below. Much cruder
 * than ELK's, and meant for levels where ELK would keep the user waiting.
 */
export function quickLayered(graph: LevelGraph): Map<string, Point> {
  const index = new Map(graph.items.map((item, i) => [item.key, i]));
  const count = graph.items.length;
  const out: number[][] = Array.from({ length: count }, () => []);
  const seen = new Set<string>();
  for (const [source, target] of graph.edges) {
    const s = index.get(source);
    const t = index.get(target);
    if (s === undefined || t === undefined || s === t || seen.has(`${s}>${t}`)) continue;
    seen.add(`${s}>${t}`);
    out[s]?.push(t);
  }
  const dag = acyclic(out);
  const connected = new Set<number>();
  dag.forEach((targets, s) => {
    if (targets.length > 0) connected.add(s);
    for (const t of targets) connected.add(t);
  });
  const layers = orderLayers(dag, longestPathLayers(dag, connected));

  const positions = new Map<string, Point>();
  let x = 0;
  let bottom = 0;
  for (const layer of layers) {
    const members = layer.map((i) => graph.items[i] as LevelItem);
    const height = members.reduce((sum, item) => sum + item.height, 0) + NODE_SPACING * (members.length - 1);
    let y = -height / 2;
    let width = 0;
    for (const item of members) {
      positions.set(item.key, { x, y });
      y += item.height + NODE_SPACING;
      width = Math.max(width, item.width);
    }
    bottom = Math.max(bottom, height / 2);
    x += width + 2 * NODE_SPACING;
  }

  const loose = graph.items.filter((_, i) => !connected.has(i));
  const columns = Math.max(1, Math.ceil(Math.sqrt(loose.length)));
  const cell = loose.reduce((size, item) => ({ width: Math.max(size.width, item.width), height: Math.max(size.height, item.height) }), { width: 0, height: 0 });
  const top = layers.length > 0 ? bottom + 2 * NODE_SPACING : 0;
  loose.forEach((item, i) => {
    const column = i % columns;
    const row = Math.floor(i / columns);
    positions.set(item.key, { x: column * (cell.width + NODE_SPACING), y: top + row * (cell.height + NODE_SPACING) });
  });
  return positions;
}

/** The edges with those that close a cycle (back edges of a depth-first search) turned around. */
function acyclic(out: readonly number[][]): number[][] {
  const dag: number[][] = out.map(() => []);
  const state = new Uint8Array(out.length); // 0 new, 1 on the stack, 2 done
  for (let root = 0; root < out.length; root++) {
    if (state[root] !== 0) continue;
    const stack: Array<[number, number]> = [[root, 0]];
    state[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as [number, number];
      const [node, next] = top;
      const targets = out[node] ?? [];
      if (next >= targets.length) {
        state[node] = 2;
        stack.pop();
        continue;
      }
      top[1] = next + 1;
      const target = targets[next] as number;
      if (state[target] === 1) dag[target]?.push(node);
      else {
        dag[node]?.push(target);
        if (state[target] === 0) {
          state[target] = 1;
          stack.push([target, 0]);
        }
      }
    }
  }
  return dag;
}

/** Layer of each connected member: one right of its furthest predecessor. */
function longestPathLayers(dag: readonly number[][], connected: ReadonlySet<number>): number[][] {
  const indegree = new Int32Array(dag.length);
  for (const targets of dag) for (const t of targets) indegree[t] = (indegree[t] ?? 0) + 1;
  const layer = new Int32Array(dag.length);
  const queue = [...connected].filter((i) => indegree[i] === 0).sort((a, b) => a - b);
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head] as number;
    for (const t of dag[node] ?? []) {
      layer[t] = Math.max(layer[t] ?? 0, (layer[node] ?? 0) + 1);
      indegree[t] = (indegree[t] ?? 0) - 1;
      if (indegree[t] === 0) queue.push(t);
    }
  }
  // A dense level's longest path runs through most of its members: one per column would make a
  // ribbon (a sparse one's long paths are real chains, and stay). Squeezing the layers into about √n columns keeps the drawing near square and still
  // left to right (members on one column may then call each other).
  let deepest = 0;
  for (const node of connected) deepest = Math.max(deepest, layer[node] ?? 0);
  const columns = Math.max(2, Math.ceil(Math.sqrt(connected.size * 1.5)));
  const isDense = dag.reduce((sum, targets) => sum + targets.length, 0) > 2 * connected.size;
  const squeeze = isDense && deepest + 1 > columns ? columns / (deepest + 1) : 1;
  const layers: number[][] = [];
  for (const node of [...connected].sort((a, b) => a - b)) {
    const l = Math.floor((layer[node] ?? 0) * squeeze);
    (layers[l] ??= []).push(node);
  }
  return layers.filter((l) => l.length > 0);
}

/** Orders each layer by the mean place of its neighbours in the layers before (then after) it. */
function orderLayers(dag: readonly number[][], layers: number[][]): number[][] {
  const preds: number[][] = dag.map(() => []);
  dag.forEach((targets, s) => targets.forEach((t) => preds[t]?.push(s)));
  const rank = new Float64Array(dag.length);
  const rerank = () => layers.forEach((layer) => layer.forEach((node, i) => (rank[node] = layer.length > 1 ? i / (layer.length - 1) : 0.5)));
  rerank();
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    const forward = sweep % 2 === 0;
    const order = forward ? layers.slice(1) : layers.slice(0, -1).reverse();
    for (const layer of order) {
      const key = new Map<number, number>();
      for (const node of layer) {
        const neighbours = forward ? (preds[node] ?? []) : (dag[node] ?? []);
        key.set(node, neighbours.length > 0 ? neighbours.reduce((sum, n) => sum + (rank[n] ?? 0), 0) / neighbours.length : (rank[node] ?? 0));
      }
      layer.sort((a, b) => (key.get(a) ?? 0) - (key.get(b) ?? 0));
      layer.forEach((node, i) => (rank[node] = layer.length > 1 ? i / (layer.length - 1) : 0.5));
    }
  }
  return layers;
}
