import { describe, expect, it } from 'vitest';
import { distanceToSegment, nearestEdge } from './edge-pick';
import { curvePoint, nodeEdgeCurve, sourcePoint, targetPoint } from './geometry';

describe('distanceToSegment', () => {
  it('measures to the nearest point of the segment, its ends included', () => {
    expect(distanceToSegment({ x: 5, y: 3 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toBe(3);
    expect(distanceToSegment({ x: -3, y: 4 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toBe(5);
    expect(distanceToSegment({ x: 13, y: 4 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toBe(5);
    expect(distanceToSegment({ x: 3, y: 4 }, { x: 0, y: 0 }, { x: 0, y: 0 })).toBe(5);
  });
});

describe('nearestEdge', () => {
  const positions = new Map([
    ['a', { x: 0, y: 0 }],
    ['b', { x: 400, y: 0 }],
    ['c', { x: 400, y: 300 }],
  ]);
  const edges = [
    { id: 'a→b', source: 'a', target: 'b' },
    { id: 'a→c', source: 'a', target: 'c' },
    { id: 'a→gone', source: 'a', target: 'gone' },
  ];
  const mid = (from: string, to: string) => {
    const s = positions.get(from) ?? { x: 0, y: 0 };
    const t = positions.get(to) ?? { x: 0, y: 0 };
    const a = sourcePoint(s);
    const b = targetPoint(t);
    return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  };

  it("picks the edge whose curve passes through the point: a curve's midpoint is its chord's", () => {
    expect(nearestEdge(mid('a', 'b'), edges, positions, 4)).toBe('a→b');
    expect(nearestEdge(mid('a', 'c'), edges, positions, 4)).toBe('a→c');
  });

  it('follows the curve, not the chord', () => {
    const curve = nodeEdgeCurve({ x: 0, y: 0 }, { x: 400, y: 300 });
    const onCurve = curvePoint(curve, 0.2);
    expect(nearestEdge({ x: onCurve.x, y: onCurve.y + 2 }, edges, positions, 4)).toBe('a→c');
  });

  it('picks the nearer of two edges and none beyond the distance', () => {
    const point = mid('a', 'b');
    expect(nearestEdge({ x: point.x, y: point.y + 3 }, edges, positions, 10)).toBe('a→b');
    expect(nearestEdge({ x: point.x, y: point.y + 30 }, edges, positions, 10)).toBe('');
    expect(nearestEdge({ x: -500, y: -500 }, edges, positions, 10)).toBe('');
  });
});
