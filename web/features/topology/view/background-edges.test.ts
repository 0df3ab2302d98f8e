import { describe, expect, it } from 'vitest';
import type { EdgeProtocol, Health } from '../../../../mesh/topology/model';
import { backgroundPaths } from './background-edges';
import { edgePath, sourcePoint, targetPoint } from './geometry';

const positions = new Map([
  ['a', { x: 0, y: 0 }],
  ['b', { x: 300, y: 100 }],
  ['c', { x: 600, y: -50 }],
]);
const edge = (source: string, target: string, health: Health, protocol: EdgeProtocol = 'http') => ({ source, target, health, protocol });

describe('backgroundPaths', () => {
  it('draws each edge with the same curve as its full edge', () => {
    const [only] = backgroundPaths([edge('a', 'b', 'healthy')], positions);
    const full = edgePath(sourcePoint({ x: 0, y: 0 }), targetPoint({ x: 300, y: 100 })).path;
    expect(only).toEqual({ key: 'healthy-solid', health: 'healthy', dashed: false, d: full });
  });

  it('joins the edges of one colour and style into one path, failing colours last', () => {
    const paths = backgroundPaths(
      [edge('a', 'b', 'failure'), edge('b', 'c', 'healthy'), edge('a', 'c', 'healthy'), edge('a', 'c', 'healthy', 'tcp')],
      positions,
    );
    expect(paths.map((p) => p.key)).toEqual(['healthy-solid', 'healthy-dashed', 'failure-solid']);
    const healthy = paths[0]?.d ?? '';
    expect(healthy.match(/M/g)).toHaveLength(2);
    expect(healthy.startsWith(edgePath(sourcePoint({ x: 300, y: 100 }), targetPoint({ x: 600, y: -50 })).path)).toBe(true);
    expect(paths[1]?.dashed).toBe(true);
  });

  it('leaves out edges with an end not placed yet', () => {
    expect(backgroundPaths([edge('a', 'nowhere', 'healthy'), edge('nowhere', 'b', 'healthy')], positions)).toEqual([]);
  });
});
