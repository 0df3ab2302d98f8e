import { describe, expect, it } from 'vitest';
import { encodeLayoutRequest, parseLayoutRequest } from './protocol';
import { meshInput } from './test-fixtures';

describe('layout request encoding', () => {
  const input = meshInput(2, 3);

  it('flattens structure into index arrays and skips edges to nodes not drawn', () => {
    const { request } = encodeLayoutRequest(
      { ...input, edges: [...input.edges, { id: 'x', source: 'workload:ns0/w0', target: 'gone' }] },
      'layered',
      7,
    );
    expect(request.nodeIds).toHaveLength(6);
    expect([...request.nodeBox]).toEqual([0, 0, 0, 1, 1, 1]);
    expect([...request.boxParent]).toEqual([-1, -1]);
    expect([...request.edges]).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4, 5]);
    expect(parseLayoutRequest(request)).toEqual(request);
  });

  it('gives the same key to the same structure and a different one to any structural change', () => {
    const key = (i: typeof input, algorithm: 'layered' | 'force' = 'layered') => encodeLayoutRequest(i, algorithm, 0).key;
    const same = { nodes: input.nodes.map((n) => ({ ...n })), edges: [...input.edges], boxes: [...input.boxes] };
    expect(key(same)).toBe(key(input));
    expect(key(input, 'force')).not.toBe(key(input));
    expect(key({ ...input, edges: input.edges.slice(1) })).not.toBe(key(input));
    expect(key({ ...input, nodes: input.nodes.map((n, i) => (i === 0 ? { ...n, box: 'box:namespace/ns1' } : n)) })).not.toBe(key(input));
  });

  it('says what is wrong with a malformed request', () => {
    const { request } = encodeLayoutRequest(input, 'layered', 1);
    expect(() => parseLayoutRequest({ ...request, algorithm: 'spiral' })).toThrow(/unknown algorithm "spiral"/);
    expect(() => parseLayoutRequest({ ...request, edges: Int32Array.from([0, 99]) })).toThrow(/edge node index 99 out of range/);
    expect(() => parseLayoutRequest({ ...request, nodeBox: new Int32Array(2) })).toThrow(/nodeBox must be an Int32Array of 6/);
    expect(() => parseLayoutRequest(null)).toThrow(/expected an object/);
  });
});
