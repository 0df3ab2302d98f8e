import { describe, expect, it } from 'vitest';
import { alignSeries, hasNoValues, nearestSeries } from './align';

describe('alignSeries', () => {
  it('merges timestamps and leaves gaps as null', () => {
    const columns = alignSeries([
      { label: 'v1', times: [30, 15], values: [3, 1.5] },
      { label: 'v2', times: [15, 45], values: [2, NaN] },
    ]);
    expect(columns).toEqual([
      [15, 30, 45],
      [1.5, 3, null],
      [2, null, null],
    ]);
    expect(hasNoValues(columns)).toBe(false);
  });

  it('knows when there is nothing to draw', () => {
    expect(hasNoValues(alignSeries([]))).toBe(true);
    expect(hasNoValues(alignSeries([{ label: 'a', times: [1], values: [Infinity] }]))).toBe(true);
  });
});

describe('nearestSeries', () => {
  const columns = alignSeries([
    { label: 'low', times: [1, 2], values: [1, 1] },
    { label: 'high', times: [1, 2], values: [10, 10] },
    { label: 'gap', times: [1], values: [5] },
  ]);

  it('picks the closest visible series with a value at that index', () => {
    expect(nearestSeries(columns, 0, 6)).toBe(2);
    expect(nearestSeries(columns, 1, 6)).toBe(1);
    expect(nearestSeries(columns, 0, 6, new Set([2]))).toBe(1);
    expect(nearestSeries(columns, 0, 6, new Set([0, 1, 2]))).toBe(-1);
  });
});
