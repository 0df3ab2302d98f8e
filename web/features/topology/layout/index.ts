/** Topology layout: ELK in a Web Worker, hierarchical by box, incremental and stable across refreshes. */
import { layoutClient } from './layout-client';
export { LAYOUT_ALGORITHMS, DEFAULT_LAYOUT_ALGORITHM, isLayoutAlgorithm } from './algorithms';
export type { LayoutAlgorithm } from './algorithms';
export { NODE_WIDTH, NODE_HEIGHT, BOX_PADDING, BOX_HEADER_HEIGHT, NODE_SPACING } from './sizes';
export type { LayoutInput, LayoutNodeInput, LayoutEdgeInput, LayoutBoxInput, LayoutOptions, StableLayout, Point, Rect } from './types';
export { useStableLayout } from './use-stable-layout';

/** Starts the layout worker ahead of the first layout (see LayoutClient.warm). */
export function warmLayoutWorker(): void {
  layoutClient().warm();
}

// ELK takes longer to start than the graph's queries take to answer, so the worker starts as soon
// as the topology's code has loaded, before the page even renders (the page warms it too).
if (typeof Worker !== 'undefined') warmLayoutWorker();
