import type { Point, Rect } from './types';

const CELL = 256;
/** How far (in steps) the search for a free spot spirals out before it falls back to the right edge. */
const MAX_RINGS = 40;

/**
 * Which rectangles of one container are taken, bucketed in a uniform grid so that "is this spot
 * free" is cheap, and where the nearest free spot to a wished-for position is.
 */
export class Occupancy {
  private readonly rects = new Map<string, Rect>();
  private readonly cells = new Map<number, Set<string>>();
  private bounds: { minX: number; minY: number; maxX: number; maxY: number } | undefined;

  /** `gap`: least space kept between any two rectangles. */
  constructor(private readonly gap: number) {}

  get extent(): { minX: number; minY: number; maxX: number; maxY: number } | undefined {
    return this.bounds;
  }

  add(key: string, rect: Rect): void {
    this.rects.set(key, rect);
    for (const cell of cellsOf(rect)) {
      let members = this.cells.get(cell);
      if (!members) this.cells.set(cell, (members = new Set()));
      members.add(key);
    }
    const b = this.bounds;
    this.bounds = b
      ? { minX: Math.min(b.minX, rect.x), minY: Math.min(b.minY, rect.y), maxX: Math.max(b.maxX, rect.x + rect.width), maxY: Math.max(b.maxY, rect.y + rect.height) }
      : { minX: rect.x, minY: rect.y, maxX: rect.x + rect.width, maxY: rect.y + rect.height };
  }

  remove(key: string): void {
    const rect = this.rects.get(key);
    if (!rect) return;
    this.rects.delete(key);
    for (const cell of cellsOf(rect)) this.cells.get(cell)?.delete(key);
    // Bounds only grow: they steer where new things go, and shrinking them is not worth a rescan.
  }

  /** Keys of the rectangles closer than `gap` to `rect`. */
  collisions(rect: Rect): string[] {
    const grown = { x: rect.x - this.gap, y: rect.y - this.gap, width: rect.width + 2 * this.gap, height: rect.height + 2 * this.gap };
    const hits = new Set<string>();
    for (const cell of cellsOf(grown)) {
      for (const key of this.cells.get(cell) ?? []) {
        const other = this.rects.get(key);
        if (other && overlaps(grown, other)) hits.add(key);
      }
    }
    return [...hits];
  }

  isFree(rect: Rect): boolean {
    const g = this.gap;
    const x = rect.x - g;
    const y = rect.y - g;
    const right = rect.x + rect.width + g;
    const bottom = rect.y + rect.height + g;
    for (let cx = Math.floor(x / CELL); cx <= Math.floor(right / CELL); cx++) {
      for (let cy = Math.floor(y / CELL); cy <= Math.floor(bottom / CELL); cy++) {
        const members = this.cells.get(cellNumber(cx, cy));
        if (!members) continue;
        for (const key of members) {
          const o = this.rects.get(key);
          if (o && x < o.x + o.width && o.x < right && y < o.y + o.height && o.y < bottom) return false;
        }
      }
    }
    return true;
  }

  /**
   * The free top-left nearest to `wish` for a `width`×`height` rectangle, searched on rings of
   * growing distance; `nonNegative` keeps it inside a box's content area. Far right of everything
   * is always free, so there is always an answer.
   */
  findFree(wish: Point, width: number, height: number, nonNegative: boolean): Point {
    const start = nonNegative ? { x: Math.max(0, wish.x), y: Math.max(0, wish.y) } : wish;
    // Steps of half the rectangle (plus gap) find tight spots without trying every pixel.
    const stepX = Math.max(8, Math.round((width + this.gap) / 2));
    const stepY = Math.max(8, Math.round((height + this.gap) / 2));
    for (let ring = 0; ring <= MAX_RINGS; ring++) {
      let best: Point | undefined;
      let bestDistance = Infinity;
      for (const [dx, dy] of ringOffsets(ring)) {
        const candidate = { x: start.x + dx * stepX, y: start.y + dy * stepY };
        if (nonNegative && (candidate.x < 0 || candidate.y < 0)) continue;
        const distance = (dx * stepX) ** 2 + (dy * stepY) ** 2;
        if (distance >= bestDistance) continue;
        if (this.isFree({ ...candidate, width, height })) {
          best = candidate;
          bestDistance = distance;
        }
      }
      if (best) return best;
    }
    const right = (this.bounds?.maxX ?? 0) + this.gap;
    return { x: right, y: nonNegative ? Math.max(0, start.y) : start.y };
  }
}

function* ringOffsets(ring: number): Generator<[number, number]> {
  if (ring === 0) {
    yield [0, 0];
    return;
  }
  for (let i = -ring; i <= ring; i++) {
    yield [i, -ring];
    yield [i, ring];
  }
  for (let i = -ring + 1; i <= ring - 1; i++) {
    yield [-ring, i];
    yield [ring, i];
  }
}

/** Cell numbers of the grid cells a rectangle touches (coordinates within ±8 million px). */
function cellsOf(rect: Rect): number[] {
  const cells: number[] = [];
  const x0 = Math.floor(rect.x / CELL);
  const x1 = Math.floor((rect.x + rect.width) / CELL);
  const y0 = Math.floor(rect.y / CELL);
  const y1 = Math.floor((rect.y + rect.height) / CELL);
  for (let cx = x0; cx <= x1; cx++) for (let cy = y0; cy <= y1; cy++) cells.push(cellNumber(cx, cy));
  return cells;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function cellNumber(cx: number, cy: number): number {
  return (cx + 32768) * 65536 + (cy + 32768);
}
