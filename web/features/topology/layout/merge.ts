import { aggregateNodeId, boxOfAggregate } from '../../../../mesh/topology/ids';
import type { LevelGraph, LevelItem } from './level';
import { Occupancy } from './occupancy';
import type { Point, Rect } from './types';

export interface MergeOptions {
  /** Least space between two members. */
  readonly gap: number;
  /** Inside a box, members stay right of and below its content origin so the box never has to move. */
  readonly nonNegative: boolean;
}

/** The aggregate node a box collapses into, or the box an aggregate node expands into: one inherits the other's place. */
export function counterpartKey(key: string): string {
  const id = key.slice(2);
  return key.startsWith('n:') ? `b:${boxOfAggregate(id) ?? id}` : `n:${aggregateNodeId(id)}`;
}

/**
 * A level's new positions given its previous ones: members that existed stay where they were,
 * a member that grew keeps its top-left and pushes aside only what it now overlaps, and new
 * members go to the nearest free spot next to the members they have edges with.
 */
export function mergeLevel(previous: ReadonlyMap<string, Rect>, graph: LevelGraph, options: MergeOptions): Map<string, Point> {
  const positions = new Map<string, Point>();
  const occupancy = new Occupancy(options.gap);
  const byKey = new Map(graph.items.map((item) => [item.key, item]));
  const toPlace: LevelItem[] = [];
  const resized: LevelItem[] = [];

  for (const item of graph.items) {
    const before = previous.get(item.key);
    if (!before) toPlace.push(item);
    else if (before.width === item.width && before.height === item.height) {
      positions.set(item.key, { x: before.x, y: before.y });
      occupancy.add(item.key, { x: before.x, y: before.y, width: item.width, height: item.height });
    } else resized.push(item);
  }

  const resizedPlaced = new Set<string>();
  for (const item of resized) {
    const before = previous.get(item.key);
    if (!before) continue;
    const rect = { x: before.x, y: before.y, width: item.width, height: item.height };
    const hits = occupancy.collisions(rect);
    if (hits.some((hit) => resizedPlaced.has(hit))) {
      toPlace.push(item);
      continue;
    }
    for (const hit of hits) {
      occupancy.remove(hit);
      positions.delete(hit);
      const evicted = byKey.get(hit);
      if (evicted) toPlace.push(evicted);
    }
    positions.set(item.key, { x: rect.x, y: rect.y });
    occupancy.add(item.key, rect);
    resizedPlaced.add(item.key);
  }

  placeNew(toPlace, graph, previous, positions, occupancy, options);
  return positions;
}

interface Neighbour {
  readonly key: string;
  /** The edge goes from the neighbour to this member. */
  readonly upstream: boolean;
}

function placeNew(
  toPlace: readonly LevelItem[],
  graph: LevelGraph,
  previous: ReadonlyMap<string, Rect>,
  positions: Map<string, Point>,
  occupancy: Occupancy,
  options: MergeOptions,
): void {
  if (toPlace.length === 0) return;
  const sizes = new Map(graph.items.map((item) => [item.key, item]));
  const neighbours = new Map<string, Neighbour[]>();
  const link = (from: string, entry: Neighbour) => {
    let list = neighbours.get(from);
    if (!list) neighbours.set(from, (list = []));
    list.push(entry);
  };
  for (const [source, target] of graph.edges) {
    link(target, { key: source, upstream: true });
    link(source, { key: target, upstream: false });
  }

  const pending = new Map(toPlace.map((item) => [item.key, item]));
  const queue: LevelItem[] = [];
  const queued = new Set<string>();
  const enqueue = (item: LevelItem) => {
    if (queued.has(item.key)) return;
    queued.add(item.key);
    queue.push(item);
  };
  for (const item of toPlace) {
    const anchored = (neighbours.get(item.key) ?? []).some((n) => positions.has(n.key));
    if (anchored || inheritedSpot(item, previous, sizes)) enqueue(item);
  }

  while (pending.size > 0) {
    let item = queue.shift();
    if (!item) {
      item = pending.values().next().value as LevelItem;
      queued.add(item.key);
    }
    if (!pending.has(item.key)) continue;
    pending.delete(item.key);
    const wish = inheritedSpot(item, previous, sizes) ?? besideNeighbours(item, neighbours.get(item.key) ?? [], positions, sizes, options.gap) ?? belowEverything(occupancy, options.gap);
    // Whole pixels: a fractional spot (a mean of neighbours) would make a box's frame, computed from
    // its members' extent, miss containing them by a rounding error.
    const spot = occupancy.findFree({ x: Math.round(wish.x), y: Math.round(wish.y) }, item.width, item.height, options.nonNegative);
    positions.set(item.key, spot);
    occupancy.add(item.key, { ...spot, width: item.width, height: item.height });
    for (const n of neighbours.get(item.key) ?? []) {
      const next = pending.get(n.key);
      if (next) enqueue(next);
    }
  }
}

/** Where the member's counterpart (the aggregate node of a box just expanded, or vice versa) was. */
function inheritedSpot(item: LevelItem, previous: ReadonlyMap<string, Rect>, current: ReadonlyMap<string, LevelItem>): Point | undefined {
  const other = counterpartKey(item.key);
  const before = previous.get(other);
  return before && !current.has(other) ? { x: before.x, y: before.y } : undefined;
}

/** Downstream of its sources and upstream of its targets, at the mean of those wishes. */
function besideNeighbours(
  item: LevelItem,
  neighbours: readonly Neighbour[],
  positions: ReadonlyMap<string, Point>,
  sizes: ReadonlyMap<string, LevelItem>,
  gap: number,
): Point | undefined {
  let sumX = 0;
  let sumY = 0;
  let count = 0;
  for (const n of neighbours) {
    const at = positions.get(n.key);
    const size = sizes.get(n.key);
    if (!at || !size) continue;
    const offset = size.width / 2 + item.width / 2 + 2 * gap;
    sumX += at.x + size.width / 2 + (n.upstream ? offset : -offset);
    sumY += at.y + size.height / 2;
    count++;
  }
  if (count === 0) return undefined;
  return { x: sumX / count - item.width / 2, y: sumY / count - item.height / 2 };
}

function belowEverything(occupancy: Occupancy, gap: number): Point {
  const extent = occupancy.extent;
  return extent ? { x: extent.minX, y: extent.maxY + gap } : { x: 0, y: 0 };
}

/**
 * Pushes apart members a from-scratch layout left overlapping (force and stress do not promise
 * otherwise), each to the free spot nearest its laid-out position, top-left first.
 */
export function separate(positions: ReadonlyMap<string, Point>, items: readonly LevelItem[], gap: number): Map<string, Point> {
  const occupancy = new Occupancy(gap);
  const ordered = [...items].sort((a, b) => {
    const pa = positions.get(a.key) ?? { x: 0, y: 0 };
    const pb = positions.get(b.key) ?? { x: 0, y: 0 };
    return pa.x - pb.x || pa.y - pb.y;
  });
  const separated = new Map<string, Point>();
  for (const item of ordered) {
    const spot = occupancy.findFree(positions.get(item.key) ?? { x: 0, y: 0 }, item.width, item.height, false);
    separated.set(item.key, spot);
    occupancy.add(item.key, { ...spot, width: item.width, height: item.height });
  }
  return separated;
}
