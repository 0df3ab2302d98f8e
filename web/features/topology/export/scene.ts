/** What is in view, with positions: the input of the SVG (and so PNG) export. */
import type { TopologyBox, TopologyEdge, TopologyNode } from '../../../../mesh/topology/model';
import type { Point, Rect } from '../layout';
import { MTLS_THRESHOLD, NODE_HEIGHT, NODE_WIDTH, edgePath, sourcePoint, targetPoint } from '../view/geometry';

export interface SceneNode {
  readonly node: TopologyNode;
  readonly position: Point;
}
export interface SceneEdge {
  readonly edge: TopologyEdge;
  readonly path: string;
  readonly mid: Point;
  readonly label: string;
  /** Where the mTLS lock goes, when mutual TLS carries the edge. */
  readonly lock?: Point;
}
export interface SceneBox {
  readonly box: TopologyBox;
  readonly rect: Rect;
}
export interface Scene {
  readonly view: Rect;
  readonly boxes: readonly SceneBox[];
  readonly edges: readonly SceneEdge[];
  readonly nodes: readonly SceneNode[];
}

export interface SceneInput {
  readonly nodes: readonly TopologyNode[];
  readonly edges: readonly TopologyEdge[];
  readonly boxes: readonly TopologyBox[];
  readonly nodePositions: ReadonlyMap<string, Point>;
  readonly boxRects: ReadonlyMap<string, Rect>;
  /** The label each edge shows now ('' or absent: none). */
  readonly labels: ReadonlyMap<string, string>;
  /** The visible part of the canvas in flow coordinates. */
  readonly view: Rect;
}

function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Keeps what intersects the view; an edge is kept when either end is. */
export function sceneOf(input: SceneInput): Scene {
  const nodes: SceneNode[] = [];
  const inView = new Set<string>();
  for (const node of input.nodes) {
    const position = input.nodePositions.get(node.id);
    if (!position || !intersects({ ...position, width: NODE_WIDTH, height: NODE_HEIGHT }, input.view)) continue;
    nodes.push({ node, position });
    inView.add(node.id);
  }
  const edges: SceneEdge[] = [];
  for (const edge of input.edges) {
    if (!inView.has(edge.source) && !inView.has(edge.target)) continue;
    const from = input.nodePositions.get(edge.source);
    const to = input.nodePositions.get(edge.target);
    if (!from || !to) continue;
    const { path, mid, lock } = edgePath(sourcePoint(from), targetPoint(to));
    const mtls = (edge.mtlsRatio ?? 0) >= MTLS_THRESHOLD;
    edges.push({ edge, path, mid, label: input.labels.get(edge.id) ?? '', ...(mtls ? { lock } : {}) });
  }
  const boxes: SceneBox[] = [];
  for (const box of input.boxes) {
    const rect = input.boxRects.get(box.id);
    if (rect && intersects(rect, input.view)) boxes.push({ box, rect });
  }
  return { view: input.view, boxes: sortOuterFirst(boxes), edges, nodes };
}

/** Outer boxes are painted first so that inner ones sit on top. */
function sortOuterFirst(boxes: SceneBox[]): SceneBox[] {
  return boxes.sort((a, b) => b.rect.width * b.rect.height - a.rect.width * a.rect.height);
}
