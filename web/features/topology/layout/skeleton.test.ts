import { describe, expect, it } from 'vitest';
import type { LevelGraph } from './level';
import { EDGES_PER_ITEM, layoutSkeleton } from './skeleton';

function complete(n: number): LevelGraph {
  const items = Array.from({ length: n }, (_, i) => ({ key: `n${i}`, width: 40, height: 40 }));
  const edges: Array<readonly [string, string]> = [];
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) if (a !== b) edges.push([`n${a}`, `n${b}`]);
  return { items, edges };
}

function components(graph: LevelGraph): number {
  const seen = new Set<string>();
  let count = 0;
  for (const item of graph.items) {
    if (seen.has(item.key)) continue;
    count++;
    const stack = [item.key];
    seen.add(item.key);
    while (stack.length > 0) {
      const key = stack.pop() ?? '';
      for (const [s, t] of graph.edges) {
        const next = s === key ? t : t === key ? s : undefined;
        if (next !== undefined && !seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
  }
  return count;
}

describe('layoutSkeleton', () => {
  it('keeps a sparse level as it is', () => {
    const sparse: LevelGraph = { items: complete(3).items, edges: [['n0', 'n1'], ['n1', 'n2']] };
    expect(layoutSkeleton(sparse)).toBe(sparse);
  });

  it('lays a dense level out by at most the edge budget, keeping it connected and the edges as given', () => {
    const dense = complete(41);
    const skeleton = layoutSkeleton(dense);
    expect(skeleton.edges.length).toBe(41 * EDGES_PER_ITEM);
    expect(components(skeleton)).toBe(1);
    const given = new Set(dense.edges.map(([s, t]) => `${s}>${t}`));
    expect(skeleton.edges.every(([s, t]) => given.has(`${s}>${t}`))).toBe(true);
    // One direction per pair is enough to pull two members together.
    const pairs = new Set(skeleton.edges.map(([s, t]) => [s, t].sort().join('|')));
    expect(pairs.size).toBe(skeleton.edges.length);
  });

  it('keeps separate groups separate and each one connected', () => {
    const a = complete(6);
    const b: LevelGraph = {
      items: a.items.map((i) => ({ ...i, key: `b${i.key}` })),
      edges: a.edges.map(([s, t]) => [`b${s}`, `b${t}`] as const),
    };
    const both = layoutSkeleton({ items: [...a.items, ...b.items], edges: [...a.edges, ...b.edges] });
    expect(components(both)).toBe(2);
  });
});
