/**
 * Picking a faint edge of a crowded graph with the pointer: the background drawing is transparent to
 * it (see BackgroundEdges), so the pane finds the edge nearest to the pointer instead.
 */
import type { ReactFlowInstance } from '@xyflow/react';
import { useCallback, useEffect, useRef } from 'react';
import type { MouseEvent as ReactMouseEvent, RefObject } from 'react';
import type { TopologyEdge } from '../../../../mesh/topology/model';
import type { Point } from '../layout';
import { nearestEdge } from '../view/edge-pick';
import type { FlowNode, TrafficFlowEdge } from './flow-elements';

/** How near (in screen pixels) the pointer must be to a faint edge to pick it. */
const EDGE_PICK_PX = 6;

type Flow = ReactFlowInstance<FlowNode, TrafficFlowEdge>;
type Edges = readonly Pick<TopologyEdge, 'id' | 'source' | 'target'>[];

/** The id of the edge under the pointer, or ''. */
export function edgeAtPointer(flow: Flow, event: { clientX: number; clientY: number }, edges: Edges, positions: ReadonlyMap<string, Point>): string {
  const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }, { snapToGrid: false });
  return nearestEdge(point, edges, positions, EDGE_PICK_PX / flow.getZoom());
}

interface HoverOptions {
  /** Only a crowded graph has faint edges; the others' edges take the pointer themselves. */
  readonly crowded: boolean;
  readonly flow: RefObject<Flow | null>;
  readonly edges: Edges;
  readonly positions: ReadonlyMap<string, Point>;
  /** While the view moves, hover is ignored (the pointer sweeps over many edges). */
  readonly moving: () => boolean;
  readonly onHover: (edgeId: string) => void;
}

/** Pane mouse handlers that hover the faint edge under the pointer, at most once a frame, and let it go as the pointer leaves. */
export function usePaneEdgeHover({ crowded, flow, edges, positions, moving, onHover }: HoverOptions) {
  const frame = useRef(0);
  const pointer = useRef({ clientX: 0, clientY: 0 });
  /** The edge this pane picked last: only that one is let go here (a full edge's own hover clears itself). */
  const picked = useRef('');
  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  const onPaneMouseMove = useCallback(
    (event: ReactMouseEvent) => {
      if (!crowded) return;
      // Moves over nodes and full edges bubble up to the pane too.
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest('.react-flow__edge')) return;
      if (target?.closest('.react-flow__node')) {
        cancelAnimationFrame(frame.current);
        frame.current = 0;
        if (picked.current) onHover((picked.current = ''));
        return;
      }
      pointer.current = { clientX: event.clientX, clientY: event.clientY };
      if (frame.current) return;
      frame.current = requestAnimationFrame(() => {
        frame.current = 0;
        const instance = flow.current;
        if (!instance || moving()) return;
        const id = edgeAtPointer(instance, pointer.current, edges, positions);
        if (id === picked.current) return;
        picked.current = id;
        onHover(id);
      });
    },
    [crowded, flow, edges, positions, moving, onHover],
  );
  const onPaneMouseLeave = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = 0;
    picked.current = '';
    onHover('');
  }, [onHover]);
  return { onPaneMouseMove, onPaneMouseLeave };
}
