import { describe, expect, it } from 'vitest';
import { containsRect, fitPadding, fitZoom, revealViewport, viewportShowing } from './viewport';
import { NAMES_SHOWN_ZOOM } from './zoom';

const VIEW = { width: 1000, height: 500 };
const CORNER = { width: 227, height: 177 };

describe('fitPadding', () => {
  it('keeps 5% on every side when there is no corner panel', () => {
    expect(fitPadding({ width: 400, height: 400 }, VIEW, undefined, 1.2)).toEqual({ top: 25, right: 50, bottom: 25, left: 50 });
  });

  it('keeps the column beside the minimap free for a tall graph, which loses nothing by it', () => {
    const padding = fitPadding({ width: 300, height: 900 }, VIEW, CORNER, 1.2);
    expect(padding.right).toBe(227);
    expect(padding.bottom).toBe(25);
  });

  it('keeps the band above the minimap free for a wide graph', () => {
    const padding = fitPadding({ width: 3000, height: 300 }, VIEW, CORNER, 1.2);
    expect(padding.bottom).toBe(177);
    expect(padding.right).toBe(50);
  });

  it('never places a node under the minimap', () => {
    for (const bounds of [{ width: 300, height: 900 }, { width: 3000, height: 300 }, { width: 1000, height: 500 }]) {
      const padding = fitPadding(bounds, VIEW, CORNER, 1.2);
      const zoom = fitZoom(bounds, VIEW, padding, 1.2);
      const { x, y } = viewportShowing({ x: 0, y: 0, ...bounds }, VIEW, padding, zoom);
      const right = x + bounds.width * zoom;
      const bottom = y + bounds.height * zoom;
      const underMinimap = right > VIEW.width - CORNER.width && bottom > VIEW.height - CORNER.height;
      expect(underMinimap).toBe(false);
    }
  });
});

describe('fitZoom', () => {
  it('is limited by the tighter dimension and by the maximum zoom', () => {
    const padding = { top: 0, right: 0, bottom: 0, left: 0 };
    expect(fitZoom({ width: 2000, height: 100 }, VIEW, padding, 1.2)).toBe(0.5);
    expect(fitZoom({ width: 10, height: 10 }, VIEW, padding, 1.2)).toBe(1.2);
  });
});

describe('viewportShowing', () => {
  it('centres the rectangle in the room the padding leaves', () => {
    const padding = { top: 0, right: 200, bottom: 0, left: 0 };
    const viewport = viewportShowing({ x: 100, y: 50, width: 400, height: 200 }, VIEW, padding, 1);
    // Room 800 × 500: the 400 × 200 rect starts at (200, 150) on screen.
    expect(viewport).toEqual({ x: 200 - 100, y: 150 - 50, zoom: 1 });
  });
});

describe('containsRect', () => {
  const outer = { x: 0, y: 0, width: 100, height: 100 };
  it('holds for a rectangle inside, edges included', () => {
    expect(containsRect(outer, { x: 0, y: 0, width: 100, height: 100 })).toBe(true);
    expect(containsRect(outer, { x: 10, y: 10, width: 20, height: 20 })).toBe(true);
  });
  it('fails for one that sticks out on any side', () => {
    expect(containsRect(outer, { x: -1, y: 10, width: 20, height: 20 })).toBe(false);
    expect(containsRect(outer, { x: 90, y: 10, width: 20, height: 20 })).toBe(false);
    expect(containsRect(outer, { x: 10, y: 90, width: 20, height: 20 })).toBe(false);
  });
});

describe('revealViewport', () => {
  it('keeps the current zoom when the box fits at it, centring the box', () => {
    const viewport = revealViewport({ x: 1000, y: 1000, width: 200, height: 100 }, VIEW, undefined, 1, 1.2);
    expect(viewport.zoom).toBe(1);
    expect(viewport.x + 1000 + 100).toBeCloseTo(500);
    expect(viewport.y + 1000 + 50).toBeCloseTo(250);
  });

  it('zooms out to fit a bigger box', () => {
    const viewport = revealViewport({ x: 0, y: 0, width: 1800, height: 400 }, VIEW, undefined, 1, 1.2);
    expect(viewport.zoom).toBeCloseTo(0.5);
  });

  it('stops at the zoom where names still show, and shows a huge box from its top-left corner', () => {
    const viewport = revealViewport({ x: 100, y: 200, width: 500, height: 20_000 }, VIEW, undefined, 1, 1.2);
    expect(viewport.zoom).toBe(NAMES_SHOWN_ZOOM);
    expect(viewport.y + 200 * NAMES_SHOWN_ZOOM).toBeCloseTo(25);
  });

  it('never zooms in: a user zoomed further out stays so', () => {
    expect(revealViewport({ x: 0, y: 0, width: 100, height: 100 }, VIEW, undefined, 0.1, 1.2).zoom).toBe(0.1);
  });
});
