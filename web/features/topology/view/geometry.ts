/**
 * Where things sit inside a laid-out node (NODE_WIDTH × NODE_HEIGHT, label under the icon) and how
 * edges run between them; the canvas and the SVG export draw from the same numbers.
 */
import { NODE_HEIGHT, NODE_WIDTH } from '../layout';
import type { Point } from '../layout';

export const ICON_SIZE = 36;
/** Icon centre relative to the node's top-left. */
export const ICON_CENTER: Point = { x: NODE_WIDTH / 2, y: 24 };
/** Baseline-centre of the name label relative to the node's top-left. */
export const NAME_Y = 58;
export { NODE_HEIGHT, NODE_WIDTH };

/** Edges leave a node on the right of its icon and enter on the left (traffic flows left to right). */
export function sourcePoint(nodeTopLeft: Point): Point {
  return { x: nodeTopLeft.x + ICON_CENTER.x + ICON_SIZE / 2, y: nodeTopLeft.y + ICON_CENTER.y };
}

export function targetPoint(nodeTopLeft: Point): Point {
  return { x: nodeTopLeft.x + ICON_CENTER.x - ICON_SIZE / 2, y: nodeTopLeft.y + ICON_CENTER.y };
}

/** Share of mTLS traffic above which an edge counts as encrypted and shows a lock (Kiali uses the same cut). */
export const MTLS_THRESHOLD = 0.95;

/**
 * The lock on an mTLS edge as two paths around the lock point (8 × 10 px): the body, filled with the
 * surface colour, and the shackle; both stroked in the muted text colour.
 */
export const LOCK_GLYPH = { body: 'M-3 -1h6a1 1 0 0 1 1 1v4a1 1 0 0 1-1 1h-6a1 1 0 0 1-1-1v-4a1 1 0 0 1 1-1z', shackle: 'M-2 -1V-2.5a2 2 0 0 1 4 0V-1' } as const;

/** Where the mTLS lock sits along an edge: near its source, away from the label at the midpoint. */
const LOCK_T = 0.18;

/** The control points of an edge's curve: horizontal tangents at both ends, at least 30 px of pull. */
export interface EdgeCurve {
  readonly from: Point;
  readonly c1: Point;
  readonly c2: Point;
  readonly to: Point;
}

export function edgeCurve(from: Point, to: Point): EdgeCurve {
  const dx = Math.max(30, Math.abs(to.x - from.x) / 2);
  return { from, c1: { x: from.x + dx, y: from.y }, c2: { x: to.x - dx, y: to.y }, to };
}

/** An edge between two laid-out nodes (their top-left corners), from the source's right to the target's left. */
export function nodeEdgeCurve(sourceTopLeft: Point, targetTopLeft: Point): EdgeCurve {
  return edgeCurve(sourcePoint(sourceTopLeft), targetPoint(targetTopLeft));
}

/** The curve as SVG path data, one decimal. */
export function curvePath({ from, c1, c2, to }: EdgeCurve): string {
  const f = (n: number) => Number(n.toFixed(1));
  return `M${f(from.x)} ${f(from.y)}C${f(c1.x)} ${f(c1.y)} ${f(c2.x)} ${f(c2.y)} ${f(to.x)} ${f(to.y)}`;
}

/** The point at `t` (0 at the source, 1 at the target) along the curve. */
export function curvePoint({ from, c1, c2, to }: EdgeCurve, t: number): Point {
  return bezierPoint(from, c1, c2, to, t);
}

/**
 * A horizontal-tangent cubic curve. Its midpoint (where the label goes) is the chord's; `lock` is a
 * point on the curve near the source.
 */
export function edgePath(from: Point, to: Point): { path: string; mid: Point; lock: Point } {
  const curve = edgeCurve(from, to);
  return {
    path: curvePath(curve),
    mid: { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 },
    lock: curvePoint(curve, LOCK_T),
  };
}

function bezierPoint(p0: Point, p1: Point, p2: Point, p3: Point, t: number): Point {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return { x: a * p0.x + b * p1.x + c * p2.x + d * p3.x, y: a * p0.y + b * p1.y + c * p2.y + d * p3.y };
}
