/**
 * Geometry the layout computes with and the view draws with, in React Flow units (CSS px at zoom 1).
 * A node's box includes its label under the icon, so laid-out nodes never overlap their labels.
 */
export const NODE_WIDTH = 160;
export const NODE_HEIGHT = 72;

/** Space between a box's border and the nodes (or inner boxes) inside it. */
export const BOX_PADDING = 20;
/** Height of the strip at the top of a box that shows its label; members sit below it. */
export const BOX_HEADER_HEIGHT = 28;

/** Least free space kept between siblings (nodes or boxes) when the layout places something new. */
export const NODE_SPACING = 32;
