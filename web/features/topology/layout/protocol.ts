import { isLayoutAlgorithm } from './algorithms';
import type { LayoutAlgorithm } from './algorithms';
import type { LayoutInput } from './types';

/**
 * What the main thread posts to the layout worker: ids once, structure as index arrays, so a
 * 1,000-node graph crosses the thread boundary as a few flat arrays.
 */
export interface LayoutRequest {
  readonly seq: number;
  readonly algorithm: LayoutAlgorithm;
  readonly nodeIds: readonly string[];
  /** Per node, the index of its box in boxIds, or -1. */
  readonly nodeBox: Int32Array;
  readonly boxIds: readonly string[];
  /** Per box, the index of its parent box, or -1. */
  readonly boxParent: Int32Array;
  /** Source and target node index of each edge, flat. */
  readonly edges: Int32Array;
}

export type LayoutResponse =
  | {
      readonly type: 'result';
      readonly seq: number;
      /** x, y (absolute top-left) per node, in request order. */
      readonly nodes: Float64Array;
      /** x, y, width, height per box, in request order. */
      readonly boxes: Float64Array;
    }
  | { readonly type: 'error'; readonly seq: number; readonly message: string };

/** The request for an input, and a key that is equal exactly when two inputs lay out the same. */
export function encodeLayoutRequest(input: LayoutInput, algorithm: LayoutAlgorithm, seq: number): { request: LayoutRequest; key: string } {
  const boxIndex = new Map<string, number>();
  input.boxes.forEach((box, i) => boxIndex.set(box.id, i));
  const nodeIndex = new Map<string, number>();
  input.nodes.forEach((node, i) => nodeIndex.set(node.id, i));

  const boxParent = new Int32Array(input.boxes.length);
  input.boxes.forEach((box, i) => (boxParent[i] = box.parent === undefined ? -1 : (boxIndex.get(box.parent) ?? -1)));
  const nodeBox = new Int32Array(input.nodes.length);
  input.nodes.forEach((node, i) => (nodeBox[i] = node.box === undefined ? -1 : (boxIndex.get(node.box) ?? -1)));

  const pairs: number[] = [];
  const edgeKeys: string[] = [];
  for (const edge of input.edges) {
    const source = nodeIndex.get(edge.source);
    const target = nodeIndex.get(edge.target);
    // Edges to nodes that are not drawn do not shape the layout.
    if (source === undefined || target === undefined) continue;
    pairs.push(source, target);
    edgeKeys.push(`${source}>${target}`);
  }
  const request: LayoutRequest = {
    seq,
    algorithm,
    nodeIds: input.nodes.map((n) => n.id),
    nodeBox,
    boxIds: input.boxes.map((b) => b.id),
    boxParent,
    edges: Int32Array.from(pairs),
  };
  const key = [
    algorithm,
    input.nodes.map((n, i) => `${n.id}@${nodeBox[i]}`).join(' '),
    input.boxes.map((b, i) => `${b.id}@${boxParent[i]}`).join(' '),
    edgeKeys.join(' '),
  ].join('|');
  return { request, key };
}

/** Checks a message that arrived at the worker; throws saying what is wrong. */
export function parseLayoutRequest(data: unknown): LayoutRequest {
  if (typeof data !== 'object' || data === null) throw new Error('layout request: expected an object');
  const r = data as Record<string, unknown>;
  if (typeof r.seq !== 'number') throw new Error('layout request: seq must be a number');
  if (!isLayoutAlgorithm(r.algorithm)) throw new Error(`layout request: unknown algorithm ${JSON.stringify(r.algorithm)}`);
  const nodeIds = stringArray(r.nodeIds, 'nodeIds');
  const boxIds = stringArray(r.boxIds, 'boxIds');
  const nodeBox = indexArray(r.nodeBox, 'nodeBox', nodeIds.length, boxIds.length);
  const boxParent = indexArray(r.boxParent, 'boxParent', boxIds.length, boxIds.length);
  if (!(r.edges instanceof Int32Array) || r.edges.length % 2 !== 0) throw new Error('layout request: edges must be an Int32Array of pairs');
  for (const index of r.edges) if (index < 0 || index >= nodeIds.length) throw new Error(`layout request: edge node index ${index} out of range`);
  return { seq: r.seq, algorithm: r.algorithm, nodeIds, nodeBox, boxIds, boxParent, edges: r.edges };
}

function stringArray(value: unknown, name: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new Error(`layout request: ${name} must be an array of strings`);
  return value as string[];
}

function indexArray(value: unknown, name: string, length: number, bound: number): Int32Array {
  if (!(value instanceof Int32Array) || value.length !== length) throw new Error(`layout request: ${name} must be an Int32Array of ${length}`);
  for (const index of value) if (index < -1 || index >= bound) throw new Error(`layout request: ${name} index ${index} out of range`);
  return value;
}
