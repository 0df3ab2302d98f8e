import { describe, expect, it } from 'vitest';
import { Occupancy, overlaps } from './occupancy';

describe('Occupancy', () => {
  it('reports collisions within the gap and frees removed rectangles', () => {
    const grid = new Occupancy(10);
    grid.add('a', { x: 0, y: 0, width: 100, height: 50 });
    expect(grid.collisions({ x: 105, y: 0, width: 20, height: 20 })).toEqual(['a']);
    expect(grid.isFree({ x: 111, y: 0, width: 20, height: 20 })).toBe(true);
    grid.remove('a');
    expect(grid.isFree({ x: 0, y: 0, width: 100, height: 50 })).toBe(true);
  });

  it('finds the nearest free spot that keeps the gap to every rectangle', () => {
    const grid = new Occupancy(10);
    for (let i = 0; i < 20; i++) grid.add(`r${i}`, { x: (i % 5) * 120, y: Math.floor(i / 5) * 70, width: 100, height: 50 });
    const spot = grid.findFree({ x: 130, y: 80 }, 100, 50, false);
    expect(grid.isFree({ ...spot, width: 100, height: 50 })).toBe(true);
    expect(Math.hypot(spot.x - 130, spot.y - 80)).toBeLessThan(400);
  });

  it('stays in the non-negative quadrant when asked', () => {
    const grid = new Occupancy(10);
    grid.add('a', { x: 0, y: 0, width: 100, height: 100 });
    const spot = grid.findFree({ x: -50, y: -50 }, 40, 40, true);
    expect(spot.x).toBeGreaterThanOrEqual(0);
    expect(spot.y).toBeGreaterThanOrEqual(0);
    expect(grid.isFree({ ...spot, width: 40, height: 40 })).toBe(true);
  });

  it('falls back to the right of everything when the neighbourhood is full', () => {
    const grid = new Occupancy(0);
    grid.add('wall', { x: -5000, y: -5000, width: 10_000, height: 10_000 });
    expect(grid.findFree({ x: 0, y: 0 }, 10, 10, false)).toEqual({ x: 5000, y: 0 });
  });

  it('overlaps is strict at touching edges', () => {
    expect(overlaps({ x: 0, y: 0, width: 10, height: 10 }, { x: 10, y: 0, width: 10, height: 10 })).toBe(false);
    expect(overlaps({ x: 0, y: 0, width: 10, height: 10 }, { x: 9, y: 9, width: 10, height: 10 })).toBe(true);
  });
});
