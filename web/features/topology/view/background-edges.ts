/**
 * The faint edges of a crowded graph, drawn as a handful of SVG paths instead of one element per
 * edge: one path per health colour and line style, whose data strings all its edges' curves together.
 */
import type { Health, TopologyEdge } from '../../../../mesh/topology/model';
import type { Point } from '../layout';
import { curvePath, nodeEdgeCurve } from './geometry';

export interface BackgroundPath {
  /** Stable per health and style, for React keys. */
  readonly key: string;
  readonly health: Health;
  /** TCP edges are dashed, as their full edges are. */
  readonly dashed: boolean;
  readonly d: string;
}

const HEALTH_ORDER: readonly Health[] = ['unknown', 'idle', 'healthy', 'degraded', 'failure'];

/** Edges whose ends are both placed, grouped; failing colours come last so that they paint on top. */
export function backgroundPaths(edges: readonly Pick<TopologyEdge, 'source' | 'target' | 'health' | 'protocol'>[], positions: ReadonlyMap<string, Point>): BackgroundPath[] {
  const groups = new Map<string, { health: Health; dashed: boolean; parts: string[] }>();
  for (const edge of edges) {
    const from = positions.get(edge.source);
    const to = positions.get(edge.target);
    if (!from || !to) continue;
    const dashed = edge.protocol === 'tcp';
    const key = `${edge.health}-${dashed ? 'dashed' : 'solid'}`;
    let group = groups.get(key);
    if (!group) {
      group = { health: edge.health, dashed, parts: [] };
      groups.set(key, group);
    }
    group.parts.push(curvePath(nodeEdgeCurve(from, to)));
  }
  return [...groups]
    .map(([key, group]) => ({ key, health: group.health, dashed: group.dashed, d: group.parts.join('') }))
    .sort((a, b) => HEALTH_ORDER.indexOf(a.health) - HEALTH_ORDER.indexOf(b.health) || Number(a.dashed) - Number(b.dashed));
}
