import { describe, expect, it } from 'vitest';
import { CHUNK_CAPACITY, ChunkTable } from './chunks';

function filled(values: readonly number[], stale: ReadonlySet<number> = new Set()): { table: ChunkTable; id: number } {
  const table = new ChunkTable();
  const id = table.create(1000);
  values.forEach((v, i) => table.append(id, 1000 + i * 15, v, stale.has(i)));
  return { table, id };
}

function read(table: ChunkTable, id: number): number[] {
  return Array.from({ length: table.length(id) }, (_, i) => table.valueAt(id, i));
}

describe('ChunkTable', () => {
  it('stores a slowly rising counter in one byte per sample', () => {
    const values = Array.from({ length: CHUNK_CAPACITY }, (_, i) => 5_000_000 + Math.floor(i / 2));
    const { table, id } = filled(values);
    expect(read(table, id)).toEqual(values);
    expect(table.byteSize(id)).toBe(CHUNK_CAPACITY);
  });

  it('widens as values move away from the first one, giving back every double exactly', () => {
    const values = [7, 8, 300, 70_000, 3_000_000_000, 3_000_000_000.5, -0, 1e300, Number.NaN, Infinity, 0.1];
    const { table, id } = filled(values);
    const got = read(table, id);
    values.forEach((v, i) => expect(Object.is(got[i], v)).toBe(true));
  });

  it('keeps integers that are exact only as doubles (beyond 2^53) exact', () => {
    const values = [2 ** 60, 2 ** 60 + 256, 2 ** 60 + 512, 2 ** 60 + 1024];
    const { table, id } = filled(values);
    expect(read(table, id)).toEqual(values);
  });

  it('marks staleness apart from the values, before and after widening', () => {
    const { table, id } = filled([1, 2, 3, 100_000, 5], new Set([1, 4]));
    expect([0, 1, 2, 3, 4].map((i) => table.isStale(id, i))).toEqual([false, true, false, false, true]);
    expect(table.valueAt(id, 2)).toBe(3);
    expect(table.valueAt(id, 3)).toBe(100_000);
  });

  it('reuses the ids and storage of released chunks', () => {
    const { table, id } = filled([1, 2, 3]);
    table.release(id);
    const again = table.create(5000);
    expect(again).toBe(id);
    expect(table.length(again)).toBe(0);
    table.append(again, 5000, 42, false);
    expect(table.valueAt(again, 0)).toBe(42);
    expect(table.isStale(again, 0)).toBe(false);
  });
});
