/**
 * The graph as React Flow nodes and edges. Objects are reused from the previous call whenever what
 * they draw is unchanged, so a refresh or a selection change re-renders only the elements it touched,
 * and pan/zoom re-renders none.
 */
import type { Edge, Node } from '@xyflow/react';
import type { TopologyBox, TopologyEdge, TopologyNode } from '../../../../mesh/topology/model';
import type { Point, Rect } from '../layout';
import { NODE_HEIGHT, NODE_WIDTH } from '../view/geometry';

export type GraphFlowNode = Node<{ node: TopologyNode }, 'graph'>;
export type BoxFlowNode = Node<{ box: TopologyBox }, 'box'>;
export type FlowNode = GraphFlowNode | BoxFlowNode;
export type TrafficFlowEdge = Edge<{ edge: TopologyEdge }, 'traffic'>;

export interface FlowInput {
  readonly nodes: readonly TopologyNode[];
  readonly edges: readonly TopologyEdge[];
  readonly boxes: readonly TopologyBox[];
  readonly nodePositions: ReadonlyMap<string, Point>;
  readonly boxRects: ReadonlyMap<string, Rect>;
  readonly selectedId: string;
  /** Ids matched by the find expression; undefined when there is none. */
  readonly matches?: ReadonlySet<string>;
}

export interface FlowElements {
  readonly nodes: FlowNode[];
  readonly edges: TrafficFlowEdge[];
}

/** What a graph node draws; equal signatures mean the old object can be reused. */
function nodeSignature(node: TopologyNode): string {
  return [node.kind, node.name, node.namespace, node.health, node.badges.join(','), node.memberCount ?? '', node.isGateway ?? '', node.version ?? ''].join('|');
}

function edgeSignature(edge: TopologyEdge): string {
  return [edge.health, edge.rps.toPrecision(3), edge.protocol, edge.mtlsRatio ?? '', edge.throughputBps.toPrecision(3)].join('|');
}

/** What a screen reader (and a test) calls the node: "workload reviews-v1", "versionedApp reviews v2". */
export function nodeLabel(node: TopologyNode): string {
  const version = node.version && !node.name.endsWith(node.version) && node.kind !== 'aggregate' ? ` ${node.version}` : '';
  return `${node.kind === 'aggregate' ? 'group' : node.kind} ${node.name}${version}`;
}

function matchClass(id: string, matches: ReadonlySet<string> | undefined): string {
  if (!matches) return '';
  return matches.has(id) ? 'is-match' : 'is-dimmed';
}

export function createFlowElements(): (input: FlowInput) => FlowElements {
  const nodeCache = new Map<string, { signature: string; value: FlowNode }>();
  const edgeCache = new Map<string, { signature: string; value: TrafficFlowEdge }>();
  let previousNodes: FlowNode[] = [];
  return (input) => {
    const nodes: FlowNode[] = [];
    const seenNodes = new Set<string>();
    const reuseNode = (id: string, signature: string, build: () => FlowNode) => {
      seenNodes.add(id);
      const cached = nodeCache.get(id);
      if (cached && cached.signature === signature) return cached.value;
      const value = build();
      nodeCache.set(id, { signature, value });
      return value;
    };
    for (const box of input.boxes) {
      const rect = input.boxRects.get(box.id);
      if (!rect) continue;
      const selected = box.id === input.selectedId;
      const signature = `${box.label}|${rect.x}|${rect.y}|${rect.width}|${rect.height}|${selected}`;
      nodes.push(
        reuseNode(box.id, signature, () => ({
          id: box.id,
          type: 'box',
          position: { x: rect.x, y: rect.y },
          width: rect.width,
          height: rect.height,
          zIndex: box.kind === 'cluster' ? -3 : box.kind === 'namespace' ? -2 : -1,
          draggable: false,
          selected,
          className: `topology-box-node kind-${box.kind}`,
          ariaLabel: `${box.kind} ${box.label}`,
          data: { box },
        })),
      );
    }
    for (const node of input.nodes) {
      const position = input.nodePositions.get(node.id);
      if (!position) continue;
      const selected = node.id === input.selectedId;
      const className = matchClass(node.id, input.matches);
      const signature = `${nodeSignature(node)}|${position.x}|${position.y}|${selected}|${className}`;
      nodes.push(
        reuseNode(node.id, signature, () => ({
          id: node.id,
          type: 'graph',
          position,
          width: NODE_WIDTH,
          height: NODE_HEIGHT,
          selected,
          className,
          ariaLabel: nodeLabel(node),
          data: { node },
        })),
      );
    }
    for (const id of nodeCache.keys()) if (!seenNodes.has(id)) nodeCache.delete(id);

    const placed = input.nodePositions;
    const edges: TrafficFlowEdge[] = [];
    const seenEdges = new Set<string>();
    for (const edge of input.edges) {
      if (!placed.has(edge.source) || !placed.has(edge.target)) continue;
      seenEdges.add(edge.id);
      const selected = edge.id === input.selectedId;
      const className = matchClass(edge.id, input.matches);
      const signature = `${edgeSignature(edge)}|${selected}|${className}`;
      const cached = edgeCache.get(edge.id);
      if (cached && cached.signature === signature) {
        edges.push(cached.value);
        continue;
      }
      const value: TrafficFlowEdge = {
        id: edge.id,
        type: 'traffic',
        source: edge.source,
        target: edge.target,
        sourceHandle: 'out',
        targetHandle: 'in',
        selected,
        className,
        ariaLabel: `${edge.protocol.toUpperCase()} traffic ${edge.source} to ${edge.target}`,
        data: { edge },
      };
      edgeCache.set(edge.id, { signature, value });
      edges.push(value);
    }
    for (const id of edgeCache.keys()) if (!seenEdges.has(id)) edgeCache.delete(id);
    // The same array when no node changed (e.g. only the edges in focus did), so React Flow skips its node pass.
    const sameNodes = nodes.length === previousNodes.length && nodes.every((node, i) => node === previousNodes[i]);
    if (!sameNodes) previousNodes = nodes;
    return { nodes: previousNodes, edges };
  };
}

/**
 * The nodes to show when new elements arrive: `next`, except that a node the user is dragging stays
 * where the pointer has it (a refresh landing mid-drag must not snap it back or end the drag).
 */
export function keepDragged(next: readonly FlowNode[], current: readonly FlowNode[]): FlowNode[] {
  const dragged = new Map(current.filter((node) => node.dragging).map((node) => [node.id, node]));
  if (dragged.size === 0) return [...next];
  return next.map((node) => {
    const held = dragged.get(node.id);
    return held ? { ...node, position: held.position, dragging: true } : node;
  });
}
