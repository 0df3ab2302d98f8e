import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { LAYOUT_ALGORITHMS } from './algorithms';
import { elkLevelLayouter } from './elk-level';
import { LayoutCancelled, StableLayoutEngine } from './engine';
import type { EngineResult } from './engine';
import { overlaps } from './occupancy';
import { BOX_HEADER_HEIGHT, BOX_PADDING, NODE_HEIGHT, NODE_WIDTH } from './sizes';
import { meshInput, request, rowLayouter } from './test-fixtures';
import type { LayoutInput, Rect } from './types';

function nodeRects(input: LayoutInput, result: EngineResult): Map<string, Rect> {
  return new Map(input.nodes.map((n, i) => [n.id, { x: result.nodes[i * 2] ?? NaN, y: result.nodes[i * 2 + 1] ?? NaN, width: NODE_WIDTH, height: NODE_HEIGHT }]));
}

function boxRects(input: LayoutInput, result: EngineResult): Map<string, Rect> {
  return new Map(
    input.boxes.map((b, i) => {
      const [x = NaN, y = NaN, width = NaN, height = NaN] = result.boxes.subarray(i * 4, i * 4 + 4);
      return [b.id, { x, y, width, height }];
    }),
  );
}

function expectNoOverlaps(rects: readonly Rect[]): void {
  for (let a = 0; a < rects.length; a++)
    for (let b = a + 1; b < rects.length; b++) expect(overlaps(rects[a] as Rect, rects[b] as Rect)).toBe(false);
}

function inside(inner: Rect, outer: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

describe('StableLayoutEngine', () => {
  it('composes absolute positions: nodes inside their boxes, below the header', async () => {
    const input = meshInput(3, 4);
    const result = await new StableLayoutEngine(rowLayouter).layout(request(input));
    const nodes = nodeRects(input, result);
    const boxes = boxRects(input, result);
    for (const node of input.nodes) {
      const box = boxes.get(node.box ?? '') as Rect;
      const rect = nodes.get(node.id) as Rect;
      expect(inside(rect, box)).toBe(true);
      expect(rect.y).toBeGreaterThanOrEqual(box.y + BOX_HEADER_HEIGHT + BOX_PADDING);
    }
    expectNoOverlaps([...boxes.values()]);
  });

  it('does not move anything when the same graph comes again, and reuses every level', async () => {
    const engine = new StableLayoutEngine(rowLayouter);
    const input = meshInput(4, 5);
    const first = await engine.layout(request(input));
    const fresh = engine.stats.fresh;
    const second = await engine.layout(request({ ...input, nodes: [...input.nodes] }, 2));
    expect(second.nodes).toEqual(first.nodes);
    expect(second.boxes).toEqual(first.boxes);
    expect(engine.stats.fresh).toBe(fresh);
    expect(engine.stats.reused).toBe(5);
  });

  it('keeps existing nodes in place when a node is added, and fits the new one in without overlap', async () => {
    const engine = new StableLayoutEngine(rowLayouter);
    const input = meshInput(3, 4);
    const first = nodeRects(input, await engine.layout(request(input)));
    const grown: LayoutInput = {
      ...input,
      nodes: [...input.nodes, { id: 'workload:ns1/new', box: 'box:namespace/ns1', kind: 'workload' }],
      edges: [...input.edges, { id: 'new', source: 'workload:ns1/w0', target: 'workload:ns1/new' }],
    };
    const result = await engine.layout(request(grown, 2));
    const after = nodeRects(grown, result);
    for (const [id, rect] of first) {
      // Only ns1 may have grown, and it grows right/down, so every old node keeps its absolute place.
      expect(after.get(id), id).toEqual(rect);
    }
    expectNoOverlaps([...after.values()]);
    expectNoOverlaps([...boxRects(grown, result).values()]);
  });

  it('reuses a namespace layout from the cache when it comes back after a collapse', async () => {
    const engine = new StableLayoutEngine(rowLayouter);
    const expanded = meshInput(2, 3);
    await engine.layout(request(expanded));
    const collapsed: LayoutInput = {
      boxes: [expanded.boxes[0] ?? { id: '', label: '' }],
      nodes: [...expanded.nodes.filter((n) => n.box === 'box:namespace/ns0'), { id: 'box:namespace/ns1', kind: 'aggregate' }],
      edges: [],
    };
    await engine.layout(request(collapsed, 2));
    const fresh = engine.stats.fresh;
    await engine.layout(request(expanded, 3));
    expect(engine.stats.fresh).toBe(fresh);
  });

  it('lays out all boxes of one depth in a single layouter call', async () => {
    const calls: number[] = [];
    const counting: typeof rowLayouter = (graphs, algorithm) => {
      calls.push(graphs.length);
      return rowLayouter(graphs, algorithm);
    };
    await new StableLayoutEngine(counting).layout(request(meshInput(5, 3)));
    // Five namespace boxes at once, then the top level with the five boxes.
    expect(calls).toEqual([5, 1]);
  });

  it('stops a layout that a newer request made stale', async () => {
    const engine = new StableLayoutEngine(rowLayouter);
    await expect(engine.layout(request(meshInput(2, 2)), () => true)).rejects.toBeInstanceOf(LayoutCancelled);
  });

  it.each(LAYOUT_ALGORITHMS.map((a) => a.id))('lays out a mesh with ELK %s without overlapping nodes', async (algorithm) => {
    const engine = new StableLayoutEngine(elkLevelLayouter(new ELK()));
    const mesh = meshInput(3, 6);
    // A cycle, and a node with no edges: not every algorithm is built for those.
    const input: LayoutInput = {
      ...mesh,
      nodes: [...mesh.nodes, { id: 'lonely', kind: 'unknown' }],
      edges: [...mesh.edges, { id: 'back', source: 'workload:ns0/w5', target: 'workload:ns0/w0' }],
    };
    const result = await engine.layout({ ...request(input), algorithm });
    const nodes = [...nodeRects(input, result).values()];
    for (const rect of nodes) expect(Number.isFinite(rect.x) && Number.isFinite(rect.y)).toBe(true);
    expectNoOverlaps(nodes);
    expectNoOverlaps([...boxRects(input, result).values()]);
  });
});
