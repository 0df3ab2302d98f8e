import { describe, expect, it } from 'vitest';
import { sampleGraph } from '../../../../mesh/topology/sample-graph';
import { createFlowElements, keepDragged } from './flow-elements';
import type { FlowInput } from './flow-elements';

const graph = sampleGraph();
const positions = new Map(graph.nodes.map((n, i) => [n.id, { x: i * 200, y: 0 }]));
const input: FlowInput = {
  nodes: graph.nodes,
  edges: graph.edges,
  boxes: graph.boxes,
  nodePositions: positions,
  boxRects: new Map(graph.boxes.map((b) => [b.id, { x: -20, y: -40, width: 3000, height: 200 }])),
  selectedId: '',
};

describe('React Flow elements', () => {
  it('draws every placed node and box, and edges between placed nodes', () => {
    const { nodes, edges } = createFlowElements()(input);
    expect(nodes.filter((n) => n.type === 'graph')).toHaveLength(graph.nodes.length);
    expect(nodes.filter((n) => n.type === 'box')).toHaveLength(graph.boxes.length);
    expect(edges).toHaveLength(graph.edges.length);
  });
  it('reuses unchanged elements across calls, so React Flow re-renders nothing', () => {
    const toFlow = createFlowElements();
    const first = toFlow(input);
    const refreshed = toFlow({ ...input, nodes: graph.nodes.map((n) => ({ ...n })), edges: graph.edges.map((e) => ({ ...e })) });
    refreshed.nodes.forEach((node, i) => expect(node).toBe(first.nodes[i]));
    refreshed.edges.forEach((edge, i) => expect(edge).toBe(first.edges[i]));
  });
  it('replaces only what changed: the selected node and a node that moved', () => {
    const toFlow = createFlowElements();
    const first = toFlow(input);
    const [a, b] = graph.nodes;
    const moved = new Map(positions).set(b!.id, { x: 5, y: 5 });
    const second = toFlow({ ...input, selectedId: a!.id, nodePositions: moved });
    const changed = second.nodes.filter((node, i) => node !== first.nodes[i]).map((n) => n.id);
    expect(changed.sort()).toEqual([a!.id, b!.id].sort());
    expect(second.nodes.find((n) => n.id === a!.id)?.selected).toBe(true);
  });
  it('keeps the node array itself when only the edges changed (a crowded graph mounting the edges in focus)', () => {
    const toFlow = createFlowElements();
    const first = toFlow(input);
    const fewer = toFlow({ ...input, edges: graph.edges.slice(0, 1) });
    expect(fewer.nodes).toBe(first.nodes);
    expect(fewer.edges).toHaveLength(1);
    expect(toFlow({ ...input, selectedId: graph.nodes[0]!.id }).nodes).not.toBe(first.nodes);
  });
  it('leaves out nodes without a position yet, and their edges', () => {
    const [first] = graph.nodes;
    const partial = new Map(positions);
    partial.delete(first!.id);
    const { nodes, edges } = createFlowElements()({ ...input, nodePositions: partial });
    expect(nodes.some((n) => n.id === first!.id)).toBe(false);
    expect(edges.some((e) => e.source === first!.id || e.target === first!.id)).toBe(false);
  });
  it('marks find matches and dims the rest', () => {
    const [first] = graph.nodes;
    const { nodes } = createFlowElements()({ ...input, matches: new Set([first!.id]) });
    expect(nodes.find((n) => n.id === first!.id)?.className).toBe('is-match');
    expect(nodes.find((n) => n.type === 'graph' && n.id !== first!.id)?.className).toBe('is-dimmed');
  });
  it('keeps a node being dragged where the pointer has it when new elements arrive', () => {
    const current = createFlowElements()(input).nodes;
    const [held, other] = current.filter((n) => n.type === 'graph');
    const dragging = current.map((n) => (n.id === held!.id ? { ...n, position: { x: 999, y: 77 }, dragging: true } : n));
    const refreshed = createFlowElements()({ ...input, nodePositions: new Map(positions).set(held!.id, { x: 1, y: 1 }).set(other!.id, { x: 2, y: 2 }) }).nodes;
    const shown = keepDragged(refreshed, dragging);
    expect(shown.find((n) => n.id === held!.id)).toMatchObject({ position: { x: 999, y: 77 }, dragging: true });
    expect(shown.find((n) => n.id === other!.id)?.position).toEqual({ x: 2, y: 2 });
    expect(keepDragged(refreshed, current)).toEqual(refreshed);
  });
});
