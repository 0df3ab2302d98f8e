/**
 * The layout's promises over whole sequences of graphs, as a refreshing, collapsing and expanding
 * user produces them: every member inside its box's content area (below the header, within the
 * padding) and no two members of one container overlapping.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { elkLevelLayouter } from './elk-level';
import { StableLayoutEngine } from './engine';
import type { EngineResult } from './engine';
import type { LevelLayouter } from './level';
import { overlaps } from './occupancy';
import { BOX_HEADER_HEIGHT, BOX_PADDING, NODE_HEIGHT, NODE_WIDTH } from './sizes';
import { request, rowLayouter } from './test-fixtures';
import type { LayoutBoxInput, LayoutInput, LayoutNodeInput, Rect } from './types';

/** Broken promises, each saying which member and which container. */
function violations(input: LayoutInput, result: EngineResult): string[] {
  const boxes = new Map<string, Rect>();
  input.boxes.forEach((b, i) => {
    const [x = NaN, y = NaN, width = NaN, height = NaN] = result.boxes.subarray(i * 4, i * 4 + 4);
    boxes.set(b.id, { x, y, width, height });
  });
  const members = new Map<string, Array<[string, Rect]>>();
  const add = (container: string | undefined, id: string, rect: Rect) => {
    const key = container !== undefined && boxes.has(container) ? container : '';
    members.set(key, [...(members.get(key) ?? []), [id, rect]]);
  };
  input.boxes.forEach((b) => add(b.parent, b.id, boxes.get(b.id) as Rect));
  input.nodes.forEach((n, i) => add(n.box, n.id, { x: result.nodes[i * 2] ?? NaN, y: result.nodes[i * 2 + 1] ?? NaN, width: NODE_WIDTH, height: NODE_HEIGHT }));
  const found: string[] = [];
  for (const [container, list] of members) {
    const frame = boxes.get(container);
    for (const [id, r] of list) {
      const inside =
        !frame ||
        (r.x >= frame.x + BOX_PADDING &&
          r.y >= frame.y + BOX_HEADER_HEIGHT + BOX_PADDING &&
          r.x + r.width <= frame.x + frame.width - BOX_PADDING &&
          r.y + r.height <= frame.y + frame.height - BOX_PADDING);
      if (!inside) found.push(`${id} ${JSON.stringify(r)} is not inside ${container} ${JSON.stringify(frame)}`);
    }
    for (let a = 0; a < list.length; a++)
      for (let b = a + 1; b < list.length; b++) {
        const [idA, rectA] = list[a] as [string, Rect];
        const [idB, rectB] = list[b] as [string, Rect];
        if (overlaps(rectA, rectB)) found.push(`${idA} overlaps ${idB} in ${container || 'the top level'}`);
      }
  }
  return found;
}

function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** Namespaces holding app boxes holding versions, service nodes beside them, an external node; some edges. */
function meshLike(next: () => number): LayoutInput {
  const boxes: LayoutBoxInput[] = [];
  const nodes: LayoutNodeInput[] = [];
  const namespaces = 1 + Math.floor(next() * 3);
  for (let n = 0; n < namespaces; n++) {
    const namespace = `box:namespace/ns${n}`;
    boxes.push({ id: namespace, label: `ns${n}` });
    const apps = 1 + Math.floor(next() * 5);
    for (let a = 0; a < apps; a++) {
      const app = `box:app/ns${n}/app${a}`;
      boxes.push({ id: app, parent: namespace, label: `app${a}` });
      const versions = 1 + Math.floor(next() * 3);
      for (let v = 0; v < versions; v++) nodes.push({ id: `versionedApp:ns${n}/app${a}/v${v}`, box: app, kind: 'versionedApp' });
      if (next() < 0.4) nodes.push({ id: `service:ns${n}/app${a}`, box: namespace, kind: 'service' });
    }
  }
  nodes.push({ id: 'external:api.example', kind: 'external' });
  const edges = Array.from({ length: Math.round(nodes.length * 1.3) }, (_, i) => {
    const source = nodes[Math.floor(next() * nodes.length)]?.id ?? '';
    const target = nodes[Math.floor(next() * nodes.length)]?.id ?? '';
    return { id: `e${i}`, source, target };
  });
  return { nodes, edges, boxes };
}

/** A refresh that brings a new node into some box, with an edge to it. */
function withNewNode(input: LayoutInput, next: () => number, serial: number): LayoutInput {
  const box = input.boxes[Math.floor(next() * input.boxes.length)];
  const from = input.nodes[Math.floor(next() * input.nodes.length)];
  const id = `service:new${serial}`;
  return {
    nodes: [...input.nodes, { id, box: box?.id, kind: 'service' }],
    edges: from ? [...input.edges, { id: `new${serial}`, source: from.id, target: id }] : input.edges,
    boxes: input.boxes,
  };
}

/** The box with everything inside it folded into its aggregate node, edges redirected to that node. */
function collapsed(input: LayoutInput, boxId: string): LayoutInput {
  const inside = new Set([boxId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const b of input.boxes)
      if (b.parent !== undefined && inside.has(b.parent) && !inside.has(b.id)) {
        inside.add(b.id);
        grew = true;
      }
  }
  const aggregate = `aggregate:${boxId.slice('box:'.length)}`;
  const folded = new Set(input.nodes.filter((n) => n.box !== undefined && inside.has(n.box)).map((n) => n.id));
  const redirect = (id: string) => (folded.has(id) ? aggregate : id);
  return {
    nodes: [...input.nodes.filter((n) => !folded.has(n.id)), { id: aggregate, box: input.boxes.find((b) => b.id === boxId)?.parent, kind: 'aggregate' }],
    edges: input.edges.map((e) => ({ ...e, source: redirect(e.source), target: redirect(e.target) })),
    boxes: input.boxes.filter((b) => !inside.has(b.id)),
  };
}

/** Lays out a user's session on one mesh: refreshes adding nodes, collapses and expands; checks every step. */
async function session(layouter: LevelLayouter, seed: number, steps: number): Promise<string[]> {
  const next = random(seed);
  const engine = new StableLayoutEngine(layouter);
  const full = meshLike(next);
  let current = full;
  let grown = full;
  for (let step = 0; step < steps; step++) {
    const found = violations(current, await engine.layout(request(current, step + 1)));
    if (found.length > 0) return [`seed ${seed}, step ${step}:`, ...found];
    const roll = next();
    if (roll < 0.4) current = grown = withNewNode(grown, next, step);
    else if (roll < 0.7) current = collapsed(grown, grown.boxes[Math.floor(next() * grown.boxes.length)]?.id ?? '');
    else if (roll < 0.85) current = grown;
    // Another namespace selection or graph type: many of the same ids, in other company.
    else current = grown = meshLike(next);
  }
  return [];
}

describe('layout invariants', () => {
  it('keeps every member inside its box and apart from its siblings across refreshes, collapses and expands', async () => {
    for (let seed = 1; seed <= 100; seed++) expect(await session(rowLayouter, seed, 12)).toEqual([]);
  });

  it('keeps them with ELK placing the levels', async () => {
    const elk = elkLevelLayouter(new ELK());
    for (let seed = 1; seed <= 6; seed++) expect(await session(elk, seed, 6)).toEqual([]);
  });

  it('grows a box around a node that a refresh brings, also when the box is at the edge of its namespace', async () => {
    const engine = new StableLayoutEngine(rowLayouter);
    const bookinfo: LayoutInput = {
      boxes: [
        { id: 'box:namespace/bookinfo', label: 'bookinfo' },
        { id: 'box:app/bookinfo/reviews', parent: 'box:namespace/bookinfo', label: 'reviews' },
        { id: 'box:app/bookinfo/ratings', parent: 'box:namespace/bookinfo', label: 'ratings' },
      ],
      nodes: [
        { id: 'versionedApp:bookinfo/reviews/v2', box: 'box:app/bookinfo/reviews', kind: 'versionedApp' },
        { id: 'versionedApp:bookinfo/ratings/v1', box: 'box:app/bookinfo/ratings', kind: 'versionedApp' },
      ],
      edges: [{ id: 'r', source: 'versionedApp:bookinfo/reviews/v2', target: 'versionedApp:bookinfo/ratings/v1' }],
    };
    expect(violations(bookinfo, await engine.layout(request(bookinfo)))).toEqual([]);
    const refreshed: LayoutInput = {
      ...bookinfo,
      nodes: [...bookinfo.nodes, { id: 'service:bookinfo/ratings', box: 'box:app/bookinfo/ratings', kind: 'service' }],
      edges: [...bookinfo.edges, { id: 's', source: 'versionedApp:bookinfo/reviews/v2', target: 'service:bookinfo/ratings' }],
    };
    expect(violations(refreshed, await engine.layout(request(refreshed, 2)))).toEqual([]);
  });
});
