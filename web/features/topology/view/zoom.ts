/**
 * Zoom buckets: the canvas draws less when zoomed out (no names, then no badges or edge labels).
 * Only the bucket is watched, never the zoom itself, so a wheel step re-renders nothing unless it
 * crosses a bucket boundary.
 */
export type ZoomBucket = 'far' | 'mid' | 'near';

export function zoomBucket(zoom: number): ZoomBucket {
  if (zoom < 0.3) return 'far';
  if (zoom < 0.55) return 'mid';
  return 'near';
}

/** The label-culling grid step in flow units: labels are only re-placed when the view moves this far. */
export const VIEW_TILE = 400;
