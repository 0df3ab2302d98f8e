import type { LayoutAlgorithm } from './algorithms';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Rect extends Point {
  readonly width: number;
  readonly height: number;
}

export interface LayoutNodeInput {
  readonly id: string;
  /** The innermost box holding the node, if any. */
  readonly box?: string;
  readonly kind: string;
}

export interface LayoutEdgeInput {
  readonly id: string;
  readonly source: string;
  readonly target: string;
}

export interface LayoutBoxInput {
  readonly id: string;
  readonly parent?: string;
  readonly label: string;
}

export interface LayoutInput {
  readonly nodes: readonly LayoutNodeInput[];
  readonly edges: readonly LayoutEdgeInput[];
  readonly boxes: readonly LayoutBoxInput[];
}

export interface LayoutOptions {
  readonly algorithm: LayoutAlgorithm;
  /** Positions (absolute top-left) the user dragged nodes to; they always win. */
  readonly pinned: ReadonlyMap<string, Point>;
}

export interface StableLayout {
  /** Absolute top-left of every node of the input that has a position yet. */
  readonly nodes: ReadonlyMap<string, Point>;
  /** Absolute rectangle of every box. */
  readonly boxes: ReadonlyMap<string, Rect>;
  /** A layout round trip is running; the maps hold the previous result meanwhile. */
  readonly pending: boolean;
  readonly error?: Error;
  /** How long the last round trip took, main thread post to result, in ms. */
  readonly lastLayoutMs?: number;
}
