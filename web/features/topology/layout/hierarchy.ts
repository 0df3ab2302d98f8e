import type { LayoutRequest } from './protocol';

/** The top level, which is laid out like a box without a frame. */
export const ROOT = '';

/** Keys of what a container lays out: nodes and boxes have separate key spaces. */
export const nodeKey = (id: string): string => `n:${id}`;
export const boxKey = (id: string): string => `b:${id}`;

/** One level of the hierarchical layout: a box (or the top level) and its direct members. */
export interface Container {
  /** ROOT or the box's id. */
  readonly id: string;
  /** Index in the request's boxIds, -1 for the top level. */
  readonly boxIndex: number;
  readonly depth: number;
  readonly childBoxes: number[];
  readonly childNodes: number[];
  /** Edges between members, lifted to the members that hold their ends, as item keys; deduplicated. */
  readonly edges: Array<readonly [string, string]>;
}

/** Containers ordered innermost first (a box after all boxes inside it). */
export function buildHierarchy(request: LayoutRequest): Container[] {
  const { boxIds, boxParent, nodeIds, nodeBox, edges } = request;
  const depth = boxDepths(boxIds, boxParent);
  const root: Container = { id: ROOT, boxIndex: -1, depth: 0, childBoxes: [], childNodes: [], edges: [] };
  const boxes = boxIds.map((id, i): Container => ({ id, boxIndex: i, depth: (depth[i] ?? 0) + 1, childBoxes: [], childNodes: [], edges: [] }));
  const containerOfBox = (index: number): Container => (index < 0 ? root : (boxes[index] ?? root));
  boxParent.forEach((parent, i) => containerOfBox(parent).childBoxes.push(i));
  nodeBox.forEach((box, i) => containerOfBox(box).childNodes.push(i));

  const seen = new Set<string>();
  for (let e = 0; e + 1 < edges.length; e += 2) {
    const source = edges[e] ?? 0;
    const target = edges[e + 1] ?? 0;
    if (source === target) continue;
    // Walk both ends up to the innermost box holding both; the items just below it are the edge's ends there.
    let sourceItem = nodeKey(nodeIds[source] ?? '');
    let targetItem = nodeKey(nodeIds[target] ?? '');
    let sourceBox = nodeBox[source] ?? -1;
    let targetBox = nodeBox[target] ?? -1;
    while (sourceBox !== targetBox) {
      const sourceDepth = sourceBox < 0 ? 0 : (depth[sourceBox] ?? 0) + 1;
      const targetDepth = targetBox < 0 ? 0 : (depth[targetBox] ?? 0) + 1;
      if (sourceDepth >= targetDepth) {
        sourceItem = boxKey(boxIds[sourceBox] ?? '');
        sourceBox = boxParent[sourceBox] ?? -1;
      } else {
        targetItem = boxKey(boxIds[targetBox] ?? '');
        targetBox = boxParent[targetBox] ?? -1;
      }
    }
    if (sourceItem === targetItem) continue;
    const container = containerOfBox(sourceBox);
    const key = `${container.id}\u0000${sourceItem}\u0000${targetItem}`;
    if (seen.has(key)) continue;
    seen.add(key);
    container.edges.push([sourceItem, targetItem]);
  }
  return [...boxes.sort((a, b) => b.depth - a.depth), root];
}

/** Depth of each box below the top level (0 for a top-level box); throws on a cycle of parents. */
function boxDepths(boxIds: readonly string[], boxParent: Int32Array): Int32Array {
  const depth = new Int32Array(boxIds.length).fill(-1);
  for (let i = 0; i < boxIds.length; i++) {
    const chain: number[] = [];
    let current = i;
    while (current >= 0 && depth[current] === -1) {
      if (chain.includes(current)) throw new Error(`layout: box ${boxIds[current]} is inside itself (its parents form a cycle)`);
      chain.push(current);
      current = boxParent[current] ?? -1;
    }
    let d = current < 0 ? -1 : (depth[current] ?? 0);
    for (let k = chain.length - 1; k >= 0; k--) depth[chain[k] ?? 0] = ++d;
  }
  return depth;
}
