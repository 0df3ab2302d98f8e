import { describe, expect, it } from 'vitest';
import { niceScale, project } from './scatter-scale';

describe('niceScale', () => {
  it('puts round ticks inside the range', () => {
    expect(niceScale(0, 1000).ticks).toEqual([0, 500, 1000]);
    expect(niceScale(0, 95, 4).ticks).toEqual([0, 50]);
    expect(niceScale(3, 17, 4).ticks).toEqual([5, 10, 15]);
  });

  it('widens an empty range so a single point still has an axis', () => {
    const scale = niceScale(500, 500);
    expect(scale.min).toBeLessThan(500);
    expect(scale.max).toBeGreaterThan(500);
  });

  it('projects linearly', () => {
    expect(project({ min: 10, max: 20 }, 15, 200)).toBe(100);
  });
});
