/**
 * Zoom buckets: the canvas draws less when zoomed out (no names, then no badges or edge labels).
 * Only the bucket is watched, never the zoom itself, so a wheel step re-renders nothing unless it
 * crosses a bucket boundary.
 */
export type ZoomBucket = 'far' | 'mid' | 'near';

/** Below this zoom ('far') nodes are drawn without their names. */
export const NAMES_SHOWN_ZOOM = 0.3;

export function zoomBucket(zoom: number): ZoomBucket {
  if (zoom < NAMES_SHOWN_ZOOM) return 'far';
  if (zoom < 0.55) return 'mid';
  return 'near';
}

/** The label-culling grid step in flow units: labels are only re-placed when the view moves this far. */
export const VIEW_TILE = 400;

/** The smallest on-screen scale at which a group node's icon and name stay readable. */
const READABLE_SCALE = 0.85;
/** topology.css has one rule per step. */
const BOOST_STEPS = [1, 1.5, 2, 2.5, 3] as const;

/**
 * How much group (aggregate) nodes are enlarged so that they stay legible when zoomed out: the
 * smallest step that brings them near READABLE_SCALE on screen, in coarse steps so that a wheel
 * step only restyles when it crosses one.
 */
export function aggregateBoost(zoom: number): number {
  const wanted = READABLE_SCALE / Math.max(zoom, 1e-6);
  for (const step of BOOST_STEPS) if (step >= wanted) return step;
  return BOOST_STEPS[BOOST_STEPS.length - 1] ?? 1;
}
