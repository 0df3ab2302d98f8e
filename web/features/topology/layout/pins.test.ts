import { describe, expect, it } from 'vitest';
import { applyPins } from './pins';
import { BOX_PADDING, NODE_WIDTH } from './sizes';

describe('applyPins', () => {
  const layout = {
    nodes: new Map([
      ['a', { x: 40, y: 80 }],
      ['b', { x: 300, y: 80 }],
    ]),
    boxes: new Map([
      ['ns', { x: 0, y: 0, width: 500, height: 200 }],
      ['cluster', { x: -20, y: -50, width: 540, height: 270 }],
    ]),
  };
  const containment = { nodeBox: new Map([['a', 'ns']]), boxParent: new Map([['ns', 'cluster']]) };

  it('returns the layout itself when no pin changes anything', () => {
    expect(applyPins(layout, containment, new Map())).toBe(layout);
    expect(applyPins(layout, containment, new Map([['a', { x: 40, y: 80 }], ['gone', { x: 1, y: 1 }]]))).toBe(layout);
  });

  it('moves a pinned node and grows its boxes, innermost outwards, to keep it inside', () => {
    const pinned = applyPins(layout, containment, new Map([['a', { x: 900, y: 100 }]]));
    expect(pinned.nodes.get('a')).toEqual({ x: 900, y: 100 });
    expect(pinned.nodes.get('b')).toBe(layout.nodes.get('b'));
    const ns = pinned.boxes.get('ns');
    expect(ns).toEqual({ x: 0, y: 0, width: 900 + NODE_WIDTH + BOX_PADDING, height: 200 });
    expect((pinned.boxes.get('cluster')?.width ?? 0) + -20).toBeGreaterThanOrEqual(900 + NODE_WIDTH + 2 * BOX_PADDING);
  });
});
