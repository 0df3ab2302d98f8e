import type { LayoutAlgorithm } from './algorithms';
import { boxKey, buildHierarchy, nodeKey, ROOT } from './hierarchy';
import type { Container } from './hierarchy';
import { levelSignature } from './level';
import type { LevelGraph, LevelItem, LevelLayouter } from './level';
import { counterpartKey, mergeLevel, separate } from './merge';
import type { LayoutRequest } from './protocol';
import { BOX_HEADER_HEIGHT, BOX_PADDING, NODE_HEIGHT, NODE_SPACING, NODE_WIDTH } from './sizes';
import type { Point, Rect } from './types';

/** A laid-out container: where its members are and how big its frame is. */
export interface LevelLayout {
  readonly signature: string;
  /** Members' rectangles relative to the container's content origin (inside padding and header). */
  readonly rects: ReadonlyMap<string, Rect>;
  /** The box's outer size; for the top level, the extent of its members. */
  readonly width: number;
  readonly height: number;
}

export interface EngineResult {
  /** x, y per node of the request. */
  readonly nodes: Float64Array;
  /** x, y, width, height per box of the request. */
  readonly boxes: Float64Array;
}

export interface EngineStats {
  /** Levels laid out from scratch by the level layouter. */
  fresh: number;
  /** Levels taken unchanged from the previous round or the cache. */
  reused: number;
  /** Levels where existing members stayed and new ones were fitted in. */
  merged: number;
}

/** Thrown when a newer request made the running one pointless. */
export class LayoutCancelled extends Error {
  constructor() {
    super('layout superseded by a newer request');
  }
}

const CACHE_LIMIT = 512;

/**
 * Hierarchical, incremental, stable layout. Each box's inside is laid out on its own (innermost
 * first) and then treated as one fixed-size member of its parent. A level whose members and
 * internal edges did not change is reused as it was; a level that changed keeps its existing
 * members in place and fits new ones in; a level seen for the first time is laid out from scratch
 * (or taken from a cache keyed by its signature, e.g. a namespace collapsed and expanded again).
 */
export class StableLayoutEngine {
  private algorithm: LayoutAlgorithm | undefined;
  private previous = new Map<string, LevelLayout>();
  private readonly cache = new Map<string, LevelLayout>();
  readonly stats: EngineStats = { fresh: 0, reused: 0, merged: 0 };

  constructor(private readonly layoutLevel: LevelLayouter) {}

  async layout(request: LayoutRequest, isStale: () => boolean = () => false): Promise<EngineResult> {
    if (request.algorithm !== this.algorithm) {
      // A new algorithm is a request to redraw everything its way.
      this.previous = new Map();
      this.algorithm = request.algorithm;
    }
    const containers = buildHierarchy(request);
    const levels = new Map<string, LevelLayout>();
    // Deepest boxes first, since a box's size comes from its inside; one ELK call per depth.
    for (const group of byDepth(containers)) {
      const fresh: Array<{ id: string; graph: LevelGraph; signature: string }> = [];
      for (const container of group) {
        const graph = levelGraph(container, request, levels);
        const signature = levelSignature(graph, request.algorithm);
        const known = this.knownLayout(container.id, graph, signature);
        if (known) levels.set(container.id, known);
        else fresh.push({ id: container.id, graph, signature });
      }
      if (fresh.length === 0) continue;
      const laidOut = await this.layoutLevel(fresh.map((f) => f.graph), request.algorithm);
      if (isStale()) throw new LayoutCancelled();
      fresh.forEach(({ id, graph, signature }, i) => {
        this.stats.fresh++;
        const positions = normalized(separate(laidOut[i] ?? new Map<string, Point>(), graph.items, NODE_SPACING / 2));
        levels.set(id, this.remember(toLevel(signature, graph, positions, id !== ROOT)));
      });
    }
    for (const [id, level] of levels) this.previous.set(id, level);
    return compose(request, levels);
  }

  /** The level as it was, from the cache, or merged from the previous round; undefined if it needs a fresh layout. */
  private knownLayout(id: string, graph: LevelGraph, signature: string): LevelLayout | undefined {
    const before = this.previous.get(id);
    if (before?.signature === signature) {
      this.stats.reused++;
      return before;
    }
    if (before && graph.items.some((i) => before.rects.has(i.key) || before.rects.has(counterpartKey(i.key)))) {
      this.stats.merged++;
      const positions = mergeLevel(before.rects, graph, { gap: NODE_SPACING, nonNegative: id !== ROOT });
      return this.remember(toLevel(signature, graph, positions, id !== ROOT));
    }
    const cached = this.cache.get(signature);
    if (cached) {
      this.stats.reused++;
      return this.remember(cached);
    }
    return undefined;
  }

  /** Least recently used levels leave the cache first. */
  private remember(level: LevelLayout): LevelLayout {
    this.cache.delete(level.signature);
    this.cache.set(level.signature, level);
    if (this.cache.size > CACHE_LIMIT) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return level;
  }
}

function byDepth(containers: readonly Container[]): Container[][] {
  const groups: Container[][] = [];
  for (const container of containers) {
    const last = groups[groups.length - 1];
    if (last && last[0]?.depth === container.depth) last.push(container);
    else groups.push([container]);
  }
  return groups;
}

function levelGraph(container: Container, request: LayoutRequest, levels: ReadonlyMap<string, LevelLayout>): LevelGraph {
  const items: LevelItem[] = [];
  for (const b of container.childBoxes) {
    const id = request.boxIds[b] ?? '';
    const inner = levels.get(id);
    items.push({ key: boxKey(id), width: inner?.width ?? NODE_WIDTH, height: inner?.height ?? NODE_HEIGHT });
  }
  for (const n of container.childNodes) items.push({ key: nodeKey(request.nodeIds[n] ?? ''), width: NODE_WIDTH, height: NODE_HEIGHT });
  return { items, edges: container.edges };
}

function normalized(positions: ReadonlyMap<string, Point>): Map<string, Point> {
  let minX = Infinity;
  let minY = Infinity;
  for (const p of positions.values()) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
  }
  const shifted = new Map<string, Point>();
  for (const [key, p] of positions) shifted.set(key, { x: Math.round(p.x - minX), y: Math.round(p.y - minY) });
  return shifted;
}

function toLevel(signature: string, graph: LevelGraph, positions: ReadonlyMap<string, Point>, isBox: boolean): LevelLayout {
  const rects = new Map<string, Rect>();
  let maxX = 0;
  let maxY = 0;
  for (const item of graph.items) {
    const at = positions.get(item.key) ?? { x: 0, y: 0 };
    rects.set(item.key, { x: at.x, y: at.y, width: item.width, height: item.height });
    maxX = Math.max(maxX, at.x + item.width);
    maxY = Math.max(maxY, at.y + item.height);
  }
  if (!isBox) return { signature, rects, width: maxX, height: maxY };
  return {
    signature,
    rects,
    width: Math.max(maxX, NODE_WIDTH) + 2 * BOX_PADDING,
    height: maxY + BOX_HEADER_HEIGHT + 2 * BOX_PADDING,
  };
}

/** Absolute positions, top level first, each box's members offset by the box's content origin. */
function compose(request: LayoutRequest, levels: ReadonlyMap<string, LevelLayout>): EngineResult {
  const nodes = new Float64Array(request.nodeIds.length * 2);
  const boxes = new Float64Array(request.boxIds.length * 4);
  const origins = new Map<string, Point>([[ROOT, { x: 0, y: 0 }]]);
  const containerOfBox = (i: number) => (i < 0 ? ROOT : (request.boxIds[i] ?? ROOT));

  // Parents before children: a box's origin is known once its parent has been placed.
  const order: number[] = [];
  const visited = new Set<number>();
  const visit = (i: number) => {
    if (visited.has(i)) return;
    visited.add(i);
    const parent = request.boxParent[i] ?? -1;
    if (parent >= 0) visit(parent);
    order.push(i);
  };
  request.boxIds.forEach((_, i) => visit(i));
  for (const i of order) {
    const id = request.boxIds[i] ?? '';
    const container = containerOfBox(request.boxParent[i] ?? -1);
    const origin = origins.get(container) ?? { x: 0, y: 0 };
    const rect = levels.get(container)?.rects.get(boxKey(id));
    const x = origin.x + (rect?.x ?? 0);
    const y = origin.y + (rect?.y ?? 0);
    boxes.set([x, y, rect?.width ?? 0, rect?.height ?? 0], i * 4);
    origins.set(id, { x: x + BOX_PADDING, y: y + BOX_HEADER_HEIGHT + BOX_PADDING });
  }
  request.nodeIds.forEach((id, i) => {
    const container = containerOfBox(request.nodeBox[i] ?? -1);
    const origin = origins.get(container) ?? { x: 0, y: 0 };
    const rect = levels.get(container)?.rects.get(nodeKey(id));
    nodes[i * 2] = origin.x + (rect?.x ?? 0);
    nodes[i * 2 + 1] = origin.y + (rect?.y ?? 0);
  });
  return { nodes, boxes };
}
