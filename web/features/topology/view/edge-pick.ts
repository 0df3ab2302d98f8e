/**
 * Which edge a click on the canvas background meant: the faint edges of a crowded graph are one
 * drawing, not elements that receive clicks, so a click is matched to the nearest curve by geometry.
 */
import type { TopologyEdge } from '../../../../mesh/topology/model';
import type { Point } from '../layout';
import { curvePoint, nodeEdgeCurve } from './geometry';

/** Straight pieces per curve: at the zooms where edges are clicked, the error stays under a pixel. */
const PIECES = 24;

/** Distance from `p` to the segment a–b. */
export function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.min(1, Math.max(0, ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/**
 * The id of the edge whose curve passes nearest `point` (flow coordinates), if it is within
 * `maxDistance`; '' when none is. The first edge wins a tie.
 */
export function nearestEdge(point: Point, edges: readonly Pick<TopologyEdge, 'id' | 'source' | 'target'>[], positions: ReadonlyMap<string, Point>, maxDistance: number): string {
  let best = '';
  let bestDistance = maxDistance;
  for (const edge of edges) {
    const from = positions.get(edge.source);
    const to = positions.get(edge.target);
    if (!from || !to) continue;
    const curve = nodeEdgeCurve(from, to);
    // The curve stays inside its control points' box: skip edges that box keeps too far away.
    const xs = [curve.from.x, curve.c1.x, curve.c2.x, curve.to.x];
    const ys = [curve.from.y, curve.to.y];
    if (point.x < Math.min(...xs) - bestDistance || point.x > Math.max(...xs) + bestDistance) continue;
    if (point.y < Math.min(...ys) - bestDistance || point.y > Math.max(...ys) + bestDistance) continue;
    let previous = curve.from;
    for (let i = 1; i <= PIECES; i++) {
      const next = curvePoint(curve, i / PIECES);
      const distance = distanceToSegment(point, previous, next);
      if (best === '' ? distance <= bestDistance : distance < bestDistance) {
        best = edge.id;
        bestDistance = distance;
      }
      previous = next;
    }
  }
  return best;
}
