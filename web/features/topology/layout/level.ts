import type { LayoutAlgorithm } from './algorithms';
import type { Point } from './types';

/** Something a container lays out: a node or an inner box, as a fixed-size rectangle. */
export interface LevelItem {
  readonly key: string;
  readonly width: number;
  readonly height: number;
}

/** One level's members and the edges among them (item keys). */
export interface LevelGraph {
  readonly items: readonly LevelItem[];
  readonly edges: ReadonlyArray<readonly [string, string]>;
}

/**
 * Lays out levels from scratch, independently of each other: per level, the top-left of each
 * item (any origin). Taking several at once lets ELK pay its per-call cost once per depth.
 */
export type LevelLayouter = (graphs: readonly LevelGraph[], algorithm: LayoutAlgorithm) => Promise<Array<Map<string, Point>>>;

/** Equal for two levels exactly when a fresh layout of them would be the same. */
export function levelSignature(graph: LevelGraph, algorithm: LayoutAlgorithm): string {
  const items = graph.items.map((i) => `${i.key}:${i.width}x${i.height}`).sort();
  const edges = graph.edges.map(([s, t]) => `${s}>${t}`).sort();
  return `${algorithm}\u0001${items.join('\u0002')}\u0001${edges.join('\u0002')}`;
}
