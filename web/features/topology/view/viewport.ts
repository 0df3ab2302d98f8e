import type { Rect } from '../layout';
import { NAMES_SHOWN_ZOOM } from './zoom';

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** Pixels kept free on each side of the view. */
export interface Sides {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** Room kept around the graph on every side, as a share of the view's width or height. */
const MARGIN = 0.05;

/**
 * Padding for fitting a graph of `bounds` size into `view` so that nothing lands under a panel of
 * `corner` size in the bottom-right corner (the minimap): either the column beside it or the band
 * above it is kept free, whichever leaves the graph larger.
 */
export function fitPadding(bounds: Size, view: Size, corner: Size | undefined, maxZoom: number): Sides {
  const base = { top: view.height * MARGIN, right: view.width * MARGIN, bottom: view.height * MARGIN, left: view.width * MARGIN };
  if (!corner) return base;
  const beside = { ...base, right: Math.max(base.right, corner.width) };
  const above = { ...base, bottom: Math.max(base.bottom, corner.height) };
  return fitZoom(bounds, view, beside, maxZoom) >= fitZoom(bounds, view, above, maxZoom) ? beside : above;
}

export function fitZoom(bounds: Size, view: Size, padding: Sides, maxZoom: number): number {
  const width = Math.max(1, view.width - padding.left - padding.right);
  const height = Math.max(1, view.height - padding.top - padding.bottom);
  return Math.min(maxZoom, width / Math.max(1, bounds.width), height / Math.max(1, bounds.height));
}

/** Whether `inner` lies wholly inside `outer`. */
export function containsRect(outer: Rect, inner: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

/**
 * The viewport (translation and zoom) that shows `rect` at `zoom` in the room the padding leaves:
 * centred along a dimension where it fits, from its start (top or left) where it does not.
 */
export function viewportShowing(rect: Rect, view: Size, padding: Sides, zoom: number): { x: number; y: number; zoom: number } {
  const roomWidth = view.width - padding.left - padding.right;
  const roomHeight = view.height - padding.top - padding.bottom;
  return {
    x: padding.left + Math.max(0, roomWidth - rect.width * zoom) / 2 - rect.x * zoom,
    y: padding.top + Math.max(0, roomHeight - rect.height * zoom) / 2 - rect.y * zoom,
    zoom,
  };
}

/**
 * The viewport that brings a box just opened into view: at the current zoom if it fits, else zoomed
 * out to fit it, but not so far that names disappear (a big box then shows from its top-left).
 */
export function revealViewport(box: Rect, view: Size, corner: Size | undefined, currentZoom: number, maxZoom: number): { x: number; y: number; zoom: number } {
  const padding = fitPadding(box, view, corner, maxZoom);
  const zoom = Math.min(currentZoom, Math.max(fitZoom(box, view, padding, maxZoom), NAMES_SHOWN_ZOOM));
  return viewportShowing(box, view, padding, zoom);
}
