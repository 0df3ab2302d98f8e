import { BOX_HEADER_HEIGHT, BOX_PADDING, NODE_HEIGHT, NODE_WIDTH } from './sizes';
import type { Point, Rect } from './types';

export interface LaidOut {
  readonly nodes: ReadonlyMap<string, Point>;
  readonly boxes: ReadonlyMap<string, Rect>;
}

/** Which box holds each node and each box, to grow the right frames around a pinned node. */
export interface Containment {
  readonly nodeBox: ReadonlyMap<string, string>;
  readonly boxParent: ReadonlyMap<string, string>;
}

/**
 * Pinned positions win over the layout; the boxes holding a pinned node grow to keep it inside.
 * Cheap enough for the main thread, so dragging never waits for the worker.
 */
export function applyPins(layout: LaidOut, containment: Containment, pinned: ReadonlyMap<string, Point>): LaidOut {
  const relevant = [...pinned].filter(([id, at]) => {
    const current = layout.nodes.get(id);
    return current !== undefined && (current.x !== at.x || current.y !== at.y);
  });
  if (relevant.length === 0) return layout;
  const nodes = new Map(layout.nodes);
  const boxes = new Map(layout.boxes);
  for (const [id, at] of relevant) {
    nodes.set(id, at);
    let inner: Rect = { x: at.x, y: at.y, width: NODE_WIDTH, height: NODE_HEIGHT };
    for (let box = containment.nodeBox.get(id); box !== undefined; box = containment.boxParent.get(box)) {
      const frame = boxes.get(box);
      if (!frame) break;
      const grown = enclose(frame, inner);
      boxes.set(box, grown);
      inner = grown;
    }
  }
  return { nodes, boxes };
}

function enclose(frame: Rect, inner: Rect): Rect {
  const x = Math.min(frame.x, inner.x - BOX_PADDING);
  const y = Math.min(frame.y, inner.y - BOX_PADDING - BOX_HEADER_HEIGHT);
  const right = Math.max(frame.x + frame.width, inner.x + inner.width + BOX_PADDING);
  const bottom = Math.max(frame.y + frame.height, inner.y + inner.height + BOX_PADDING);
  return { x, y, width: right - x, height: bottom - y };
}
