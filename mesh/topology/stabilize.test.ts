import { describe, expect, it } from 'vitest';
import { sampleGraph } from './sample-graph';
import { deepEqual, stabilizeGraph } from './stabilize';

describe('stabilizeGraph', () => {
  it('returns the previous graph when nothing but the time changed', () => {
    const first = sampleGraph(1000);
    const second = sampleGraph(2000);
    expect(stabilizeGraph(first, second)).toBe(first);
  });

  it('reuses unchanged nodes and edges and takes the changed ones', () => {
    const first = sampleGraph(1000);
    const second = sampleGraph(2000);
    const changed = { ...second, edges: second.edges.map((e, i) => (i === 0 ? { ...e, rps: e.rps + 1 } : e)) };
    const result = stabilizeGraph(first, changed);
    expect(result).not.toBe(first);
    expect(result.timestamp).toBe(2000);
    expect(result.nodes).toBe(first.nodes);
    expect(result.edges[0]).toBe(changed.edges[0]);
    expect(result.edges[1]).toBe(first.edges[1]);
  });

  it('starts over when the graph type differs', () => {
    const first = sampleGraph(1000);
    const next = { ...sampleGraph(1000), type: 'app' as const };
    expect(stabilizeGraph(first, next)).toBe(next);
  });
});

describe('deepEqual', () => {
  it('compares JSON-like data, ignoring undefined fields', () => {
    expect(deepEqual({ a: [1, { b: 2 }], c: undefined }, { a: [1, { b: 2 }] })).toBe(true);
    expect(deepEqual({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(deepEqual({ a: NaN }, { a: NaN })).toBe(true);
    expect(deepEqual([], {})).toBe(false);
  });
});
