import { describe, expect, it } from 'vitest';
import { spanningTree } from './elk-level';

describe('spanningTree', () => {
  it('keeps one path to every member and joins components through a hub', () => {
    const items = ['a', 'b', 'c', 'd', 'e'].map((key) => ({ key, width: 10, height: 10 }));
    const tree = spanningTree({ items, edges: [['a', 'b'], ['b', 'c'], ['c', 'a'], ['d', 'e']] });
    expect(tree.items).toHaveLength(6);
    // n members plus the hub: n edges, and every member is reached exactly once.
    expect(tree.edges).toHaveLength(5);
    expect(new Set(tree.edges.map(([, target]) => target)).size).toBe(5);
  });

  it('adds no hub to a connected level', () => {
    const items = ['a', 'b', 'c'].map((key) => ({ key, width: 10, height: 10 }));
    const tree = spanningTree({ items, edges: [['a', 'b'], ['b', 'c'], ['c', 'a']] });
    expect(tree.items).toBe(items);
    expect(tree.edges).toHaveLength(2);
  });
});
