import { describe, expect, it } from 'vitest';
import type { LevelItem } from './level';
import { mergeLevel } from './merge';
import { overlaps } from './occupancy';
import type { Point, Rect } from './types';

const item = (key: string, width = 100, height = 50): LevelItem => ({ key, width, height });
const gap = 20;

function rectsOf(positions: ReadonlyMap<string, Point>, items: readonly LevelItem[]): Rect[] {
  return items.map((i) => ({ ...(positions.get(i.key) ?? { x: NaN, y: NaN }), width: i.width, height: i.height }));
}

function expectNoOverlap(rects: readonly Rect[]): void {
  for (let a = 0; a < rects.length; a++)
    for (let b = a + 1; b < rects.length; b++) {
      const ra = rects[a];
      const rb = rects[b];
      if (ra && rb) expect(overlaps(ra, rb), `${JSON.stringify(ra)} overlaps ${JSON.stringify(rb)}`).toBe(false);
    }
}

describe('mergeLevel', () => {
  const previous = new Map<string, Rect>([
    ['n:a', { x: 0, y: 0, width: 100, height: 50 }],
    ['n:b', { x: 200, y: 0, width: 100, height: 50 }],
    ['n:c', { x: 400, y: 0, width: 100, height: 50 }],
  ]);

  it('keeps existing members exactly where they were and drops removed ones', () => {
    const items = [item('n:a'), item('n:c')];
    const merged = mergeLevel(previous, { items, edges: [] }, { gap, nonNegative: true });
    expect([...merged]).toEqual([
      ['n:a', { x: 0, y: 0 }],
      ['n:c', { x: 400, y: 0 }],
    ]);
  });

  it('puts a new member next to its neighbour without overlapping anything', () => {
    const items = [item('n:a'), item('n:b'), item('n:c'), item('n:d')];
    const merged = mergeLevel(previous, { items, edges: [['n:c', 'n:d']] }, { gap, nonNegative: true });
    const d = merged.get('n:d');
    expect(d).toBeDefined();
    // Downstream of c: to its right, roughly level with it.
    expect(d?.x).toBeGreaterThan(400);
    expect(Math.abs((d?.y ?? 0) - 0)).toBeLessThan(100);
    expectNoOverlap(rectsOf(merged, items));
  });

  it('places many new members, connected or not, all without overlap', () => {
    const items = [item('n:a'), item('n:b'), item('n:c'), ...Array.from({ length: 60 }, (_, i) => item(`n:new${i}`))];
    const edges = Array.from({ length: 30 }, (_, i) => [i % 2 ? 'n:a' : 'n:b', `n:new${i}`] as const);
    const merged = mergeLevel(previous, { items, edges }, { gap, nonNegative: true });
    expect(merged.size).toBe(items.length);
    expectNoOverlap(rectsOf(merged, items).map((r) => ({ ...r, width: r.width + gap - 1, height: r.height + gap - 1 })));
    for (const p of merged.values()) expect(Math.min(p.x, p.y)).toBeGreaterThanOrEqual(0);
  });

  it('lets a grown member keep its place and moves only what it now covers', () => {
    const items = [item('n:a', 300, 50), item('n:b'), item('n:c')];
    const merged = mergeLevel(previous, { items, edges: [] }, { gap, nonNegative: true });
    expect(merged.get('n:a')).toEqual({ x: 0, y: 0 });
    expect(merged.get('n:c')).toEqual({ x: 400, y: 0 });
    expect(merged.get('n:b')).not.toEqual({ x: 200, y: 0 });
    expectNoOverlap(rectsOf(merged, items));
  });

  it('gives a box the place of the aggregate node it expanded from', () => {
    const previous = new Map<string, Rect>([
      ['n:a', { x: 0, y: 0, width: 100, height: 50 }],
      ['n:aggregate:namespace/b', { x: 200, y: 0, width: 100, height: 50 }],
      ['n:c', { x: 400, y: 0, width: 100, height: 50 }],
    ]);
    const items = [item('n:a'), item('b:box:namespace/b', 400, 300), item('n:c')];
    const merged = mergeLevel(previous, { items, edges: [] }, { gap, nonNegative: true });
    expect(merged.get('b:box:namespace/b')).toBeDefined();
    // It inherits b's spot if free; it is not, as the box is wide, so it lands nearby and c stays put.
    expect(merged.get('n:c')).toEqual({ x: 400, y: 0 });
    expectNoOverlap(rectsOf(merged, items));
    const small = mergeLevel(previous, { items: [item('n:a'), item('b:box:namespace/b'), item('n:c')], edges: [] }, { gap, nonNegative: true });
    expect(small.get('b:box:namespace/b')).toEqual({ x: 200, y: 0 });
  });
});
