import type { ELK } from 'elkjs/lib/elk-api';
import { describe, expect, it } from 'vitest';
import { elkLevelLayouter } from './elk-level';
import type { LevelGraph } from './level';
import { overlaps } from './occupancy';
import { prefersQuickLayered, quickLayered } from './quick-layered';
import type { Rect } from './types';

const item = (key: string, width = 160, height = 72) => ({ key, width, height });

/** `count` members, each with edges to the `fanOut` members after it (so a DAG), plus `loose` members without edges. */
function dense(count: number, fanOut: number, loose = 0): LevelGraph {
  const items = Array.from({ length: count + loose }, (_, i) => item(`n:${i}`));
  const edges: Array<readonly [string, string]> = [];
  for (let i = 0; i < count; i++) for (let k = 1; k <= fanOut && i + k < count; k++) edges.push([`n:${i}`, `n:${i + k}`]);
  return { items, edges };
}

function rects(graph: LevelGraph, positions: ReadonlyMap<string, { x: number; y: number }>): Rect[] {
  return graph.items.map((i) => ({ ...(positions.get(i.key) ?? { x: NaN, y: NaN }), width: i.width, height: i.height }));
}

describe('quickLayered', () => {
  it('draws a chain left to right', () => {
    const graph = dense(5, 1);
    const positions = quickLayered(graph);
    for (const [source, target] of graph.edges) expect(positions.get(source)?.x ?? NaN).toBeLessThan(positions.get(target)?.x ?? NaN);
  });

  it('draws a dense acyclic level in about √n columns, no edge right to left, without overlaps', () => {
    const graph = dense(41, 10);
    const positions = quickLayered(graph);
    for (const [source, target] of graph.edges) expect(positions.get(source)?.x ?? NaN).toBeLessThanOrEqual(positions.get(target)?.x ?? NaN);
    const columns = new Set([...positions.values()].map((p) => p.x));
    expect(columns.size).toBeGreaterThanOrEqual(4);
    expect(columns.size).toBeLessThanOrEqual(8);
    const all = rects(graph, positions);
    for (let a = 0; a < all.length; a++) for (let b = a + 1; b < all.length; b++) expect(overlaps(all[a] as Rect, all[b] as Rect)).toBe(false);
  });

  it('places members of a cycle, and members without edges in a grid below the rest', () => {
    const graph: LevelGraph = {
      items: [item('n:a'), item('n:b'), item('n:c'), item('n:lone1'), item('n:lone2'), item('b:box', 400, 300)],
      edges: [
        ['n:a', 'n:b'],
        ['n:b', 'n:c'],
        ['n:c', 'n:a'],
        ['n:a', 'n:a'],
      ],
    };
    const positions = quickLayered(graph);
    expect(positions.size).toBe(graph.items.length);
    const bottomOfCycle = Math.max(...['n:a', 'n:b', 'n:c'].map((k) => (positions.get(k)?.y ?? NaN) + 72));
    for (const key of ['n:lone1', 'n:lone2', 'b:box']) expect(positions.get(key)?.y ?? NaN).toBeGreaterThan(bottomOfCycle);
    const all = rects(graph, positions);
    for (let a = 0; a < all.length; a++) for (let b = a + 1; b < all.length; b++) expect(overlaps(all[a] as Rect, all[b] as Rect)).toBe(false);
  });

  it('takes levels that ELK would lay out slowly, not the small ones', () => {
    expect(prefersQuickLayered(dense(41, 10))).toBe(true);
    expect(prefersQuickLayered(dense(200, 1))).toBe(true);
    expect(prefersQuickLayered(dense(26, 2))).toBe(false);
    expect(prefersQuickLayered(dense(80, 1))).toBe(false);
  });
});

describe('elkLevelLayouter with the quick placement', () => {
  it('answers a big dense layered level without waiting for ELK, and sends ELK the rest', async () => {
    let loads = 0;
    const laidOut: string[][] = [];
    const fakeElk = {
      layout: (graph: { children?: Array<{ id: string; children?: Array<{ id: string }> }> }) => {
        laidOut.push((graph.children ?? []).flatMap((c) => (c.children ?? []).map((n) => n.id)));
        return Promise.resolve(graph);
      },
    } as unknown as ELK;
    const layouter = elkLevelLayouter(() => {
      loads++;
      return Promise.resolve(fakeElk);
    });
    const big = dense(41, 10);
    const [positions] = await layouter([big], 'layered');
    expect(positions?.size).toBe(41);
    expect(loads).toBe(0);

    await layouter([big, dense(3, 1)], 'layered');
    expect(loads).toBe(1);
    expect(laidOut).toEqual([['n:0', 'n:1', 'n:2']]);
    // Other algorithms are the user's explicit choice: ELK draws them whatever the size.
    await layouter([big], 'force');
    expect(laidOut).toHaveLength(2);
  });
});
