import { describe, expect, it } from 'vitest';
import { compareValues, formatSort, parseSort, sortRows } from './sort';

describe('sortRows', () => {
  const rows = ['pod-10', 'pod-2', '', 'Pod-1'];
  it('sorts text naturally and case-insensitively, blanks last', () => {
    expect(sortRows(rows, (r) => r, false)).toEqual(['Pod-1', 'pod-2', 'pod-10', '']);
  });
  it('keeps blanks last when descending', () => {
    expect(sortRows(rows, (r) => r, true)).toEqual(['pod-10', 'pod-2', 'Pod-1', '']);
  });
  it('sorts numbers by value and breaks ties', () => {
    const items = [{ n: 2, k: 'b' }, { n: 10, k: 'a' }, { n: 2, k: 'a' }];
    expect(sortRows(items, (i) => i.n, false, (i) => i.k)).toEqual([{ n: 2, k: 'a' }, { n: 2, k: 'b' }, { n: 10, k: 'a' }]);
  });
  it('leaves rows alone without a sort value', () => {
    expect(sortRows(rows, undefined, false)).toBe(rows);
  });
  it('puts undefined after everything', () => {
    expect(compareValues(undefined, 3)).toBeGreaterThan(0);
  });
});

describe('sort in the URL', () => {
  it('round-trips', () => {
    expect(parseSort('-age')).toEqual({ column: 'age', descending: true });
    expect(formatSort({ column: 'name', descending: false })).toBe('name');
    expect(parseSort('')).toBeUndefined();
  });
});
