import { describe, expect, it } from 'vitest';
import { exportGraphJson, topologyDocument, TOPOLOGY_EXPORT_FORMAT } from './export';
import { sampleGraph } from './sample-graph';

describe('exportGraphJson', () => {
  const graph = sampleGraph(Date.UTC(2026, 10, 25, 12, 0, 0));

  it('writes a versioned envelope, then the data, with no positions unless given', () => {
    const doc = JSON.parse(exportGraphJson(graph)) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(['format', 'version', 'graphType', 'timestamp', 'windowSeconds', 'boxes', 'nodes', 'edges']);
    expect(doc).toMatchObject({ format: TOPOLOGY_EXPORT_FORMAT, version: 1, graphType: 'workload', timestamp: '2026-11-25T12:00:00.000Z', windowSeconds: 600 });
    expect(JSON.stringify(doc)).not.toContain('position');
  });

  it('is byte-identical whatever the order of nodes, edges and keys', () => {
    const shuffled = { ...graph, nodes: [...graph.nodes].reverse(), edges: [...graph.edges].reverse(), boxes: [...graph.boxes].reverse() };
    expect(exportGraphJson(shuffled)).toBe(exportGraphJson(graph));
    const nodes = (JSON.parse(exportGraphJson(graph)) as { nodes: Record<string, unknown>[] }).nodes;
    expect(Object.keys(nodes[0] ?? {})).toEqual([...Object.keys(nodes[0] ?? {})].sort());
    expect(nodes.map((n) => n.id)).toEqual([...nodes.map((n) => String(n.id))].sort());
  });

  it('adds positions and the view when given', () => {
    const positions = new Map([['workload:bookinfo/details-v1', { x: 10, y: 20 }]]);
    const doc = topologyDocument(graph, { positions, view: { namespaces: ['bookinfo'], find: 'fi' } });
    expect(doc.nodes.find((n) => n.id === 'workload:bookinfo/details-v1')?.position).toEqual({ x: 10, y: 20 });
    expect(doc.nodes.filter((n) => n.position)).toHaveLength(1);
    expect(JSON.parse(exportGraphJson(graph, { view: { find: 'fi' } })).view).toEqual({ find: 'fi' });
  });
});
