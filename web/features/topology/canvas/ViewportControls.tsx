import { ControlButton, Controls, useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback, useEffect, useRef } from 'react';
import type { RefObject } from 'react';
import type { Rect } from '../layout';
import { containsRect, fitPadding, revealViewport } from '../view/viewport';
import type { Size } from '../view/viewport';

const MAX_FIT_ZOOM = 1.2;
const REVEAL_MS = 400;

export interface CanvasHandle {
  /** The part of the graph in view, in flow coordinates. */
  viewRect(): Rect;
}

/** A box to bring into view once it has been placed (`seq` tells two requests for the same box apart). */
export interface RevealRequest {
  readonly boxId: string;
  readonly seq: number;
}

interface ViewportControlsProps {
  readonly hasNodes: boolean;
  readonly fitSignal: number;
  readonly reveal: RevealRequest | undefined;
  readonly boxRects: ReadonlyMap<string, Rect>;
  /** The panel in the bottom-right corner that a fit keeps clear of, if shown. */
  readonly corner: Size | undefined;
  readonly handleRef: RefObject<CanvasHandle | null>;
}

/**
 * The zoom buttons and what moves the view by itself: a fit on the first graph and when asked, and
 * a pan (zooming out if need be) to a box just opened when it lies outside the view.
 */
export function ViewportControls({ hasNodes, fitSignal, reveal, boxRects, corner, handleRef }: ViewportControlsProps) {
  const flow = useReactFlow();
  const store = useStoreApi();
  const viewSize = useCallback((): Size => {
    const { width, height } = store.getState();
    return { width, height };
  }, [store]);

  const viewRect = useCallback((): Rect => {
    const { x, y, zoom } = flow.getViewport();
    const { width, height } = viewSize();
    return { x: -x / zoom, y: -y / zoom, width: width / zoom, height: height / zoom };
  }, [flow, viewSize]);

  const fit = useCallback(() => {
    const bounds = flow.getNodesBounds(flow.getNodes());
    const padding = fitPadding(bounds, viewSize(), corner, MAX_FIT_ZOOM);
    return flow.fitView({ maxZoom: MAX_FIT_ZOOM, padding: { top: `${padding.top}px`, right: `${padding.right}px`, bottom: `${padding.bottom}px`, left: `${padding.left}px` } });
  }, [flow, corner, viewSize]);

  useEffect(() => {
    handleRef.current = { viewRect };
    return () => {
      handleRef.current = null;
    };
  }, [viewRect, handleRef]);

  const fitted = useRef(false);
  const marked = useRef(false);
  const lastSignal = useRef(fitSignal);
  useEffect(() => {
    // The canvas stays mounted while there is nothing to draw: the next graph is fitted as a first one.
    if (!hasNodes) {
      fitted.current = false;
      return;
    }
    if (fitted.current && lastSignal.current === fitSignal) return;
    const frame = requestAnimationFrame(() => {
      fitted.current = true;
      lastSignal.current = fitSignal;
      void fit();
      if (!marked.current) performance.mark('meshdeck:topology-interactive');
      marked.current = true;
    });
    return () => cancelAnimationFrame(frame);
  }, [hasNodes, fitSignal, fit]);

  const revealed = useRef(0);
  useEffect(() => {
    const box = reveal ? boxRects.get(reveal.boxId) : undefined;
    if (!reveal || !box || revealed.current === reveal.seq) return;
    revealed.current = reveal.seq;
    if (containsRect(viewRect(), box)) return;
    void flow.setViewport(revealViewport(box, viewSize(), corner, flow.getZoom(), MAX_FIT_ZOOM), { duration: REVEAL_MS });
  }, [reveal, boxRects, viewRect, viewSize, corner, flow]);

  return (
    <Controls showInteractive={false} showFitView={false} position="bottom-left">
      <ControlButton className="react-flow__controls-fitview" title="Fit view" aria-label="Fit view" onClick={() => void fit()}>
        <FitIcon />
      </ControlButton>
    </Controls>
  );
}

function FitIcon() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden>
      <path d="M1 5V1h4M11 1h4v4M15 11v4h-4M5 15H1v-4" fill="none" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  );
}
