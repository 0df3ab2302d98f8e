import { Background, MiniMap, ReactFlow, applyNodeChanges } from '@xyflow/react';
import type { NodeChange, NodeMouseHandler, OnNodeDrag, EdgeMouseHandler, NodeTypes, EdgeTypes, ReactFlowInstance } from '@xyflow/react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { MouseEvent as ReactMouseEvent, RefObject } from 'react';
import type { Health, TopologyGraph } from '../../../../mesh/topology/model';
import type { Point, Rect } from '../layout';
import { focusedEdges, isCrowded } from '../view/focus';
import type { EdgeLabelMode } from '../view/format';
import { BackgroundEdges } from './BackgroundEdges';
import { BoxNodeView } from './BoxNodeView';
import { CanvasActionsContext } from './canvas-actions';
import type { CanvasActions } from './canvas-actions';
import { EdgeLabels } from './EdgeLabels';
import { createFlowElements, keepDragged } from './flow-elements';
import type { FlowNode, TrafficFlowEdge } from './flow-elements';
import { GraphNodeView } from './GraphNodeView';
import { edgeAtPointer, usePaneEdgeHover } from './pane-edge-pick';
import { TrafficEdgeView } from './TrafficEdgeView';
import { ViewportControls } from './ViewportControls';
import type { CanvasHandle, RevealRequest } from './ViewportControls';
import { ZoomBucketClass } from './ZoomBucketClass';

const NODE_TYPES: NodeTypes = { graph: GraphNodeView, box: BoxNodeView };
const EDGE_TYPES: EdgeTypes = { traffic: TrafficEdgeView };
const HEALTHS: readonly Health[] = ['healthy', 'degraded', 'failure', 'idle', 'unknown'];
/** Graphs up to this many nodes show a minimap; on bigger ones it would only be a grey blur. */
const MINIMAP_MAX_NODES = 150;
/** The minimap's corner: React Flow's default minimap (200 × 150) and its panel margin, plus a gap. */
const MINIMAP_CORNER = { width: 200 + 15 + 12, height: 150 + 15 + 12 };
/**
 * Up to this many nodes plus edges everything stays mounted: culling to the visible ones would
 * re-render the node and edge layers on every pan frame, which costs more than drawing them all.
 */
const FULL_MOUNT_LIMIT = 1500;
/**
 * How long the view must rest before it counts as still. Longer than the pause between wheel steps
 * (d3-zoom ends a wheel gesture after 150 ms without one), so that a series of them is one motion.
 */
const MOTION_SETTLE_MS = 300;

function isMoving(element: HTMLElement | null): boolean {
  return element?.dataset.moving !== undefined;
}

function setMoving(element: HTMLElement | null, moving: boolean) {
  if (!element || moving === isMoving(element)) return;
  if (moving) element.dataset.moving = 'true';
  else delete element.dataset.moving;
}

/** Flags the container while the view moves, for the CSS to skip costly details; cleared once it rests. */
function useMotionFlag(container: RefObject<HTMLElement | null>) {
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onMoveStart = useCallback(() => {
    clearTimeout(timer.current);
    // Written on the element, not kept in state: a pan must not re-render the canvas at its start and end.
    setMoving(container.current, true);
  }, [container]);
  const onMoveEnd = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setMoving(container.current, false), MOTION_SETTLE_MS);
  }, [container]);
  return { onMoveStart, onMoveEnd };
}

export interface TopologyCanvasProps {
  readonly graph: TopologyGraph;
  readonly nodePositions: ReadonlyMap<string, Point>;
  readonly boxRects: ReadonlyMap<string, Rect>;
  readonly labelMode: EdgeLabelMode;
  readonly selectedId: string;
  readonly matches?: ReadonlySet<string>;
  readonly showBadges: boolean;
  readonly animate: boolean;
  readonly onSelect: (id: string) => void;
  readonly onToggleBox: (boxId: string) => void;
  readonly onExpandAggregate: (nodeId: string) => void;
  readonly onPin: (nodeId: string, position: Point) => void;
  /** Bumped by the "Fit" button; the view fits on the first graph and then only when asked. */
  readonly fitSignal: number;
  /** A box just opened, to bring into view once placed. */
  readonly reveal?: RevealRequest;
  readonly handleRef: RefObject<CanvasHandle | null>;
}

export function TopologyCanvas(props: TopologyCanvasProps) {
  const { graph, nodePositions, boxRects, selectedId, matches, onSelect, onExpandAggregate, onPin } = props;
  const container = useRef<HTMLDivElement>(null);
  const toFlow = useMemo(() => createFlowElements(), []);
  const [hoveredId, setHoveredId] = useState('');
  const [hoveredNodeId, setHoveredNodeId] = useState('');
  const crowded = isCrowded(graph.edges.length, graph.nodes.length);
  // A crowded graph draws its edges faint as one background; only those in focus are full edges.
  const fullEdges = useMemo(
    () => (crowded ? focusedEdges(graph.edges, { nodeIds: [hoveredNodeId, selectedId], selectedId, hoveredEdgeId: hoveredId, matches }) : graph.edges),
    [crowded, graph.edges, hoveredNodeId, selectedId, hoveredId, matches],
  );
  const elements = useMemo(
    () => toFlow({ nodes: graph.nodes, edges: fullEdges, boxes: graph.boxes, nodePositions, boxRects, selectedId, matches }),
    [toFlow, graph.nodes, fullEdges, graph.boxes, nodePositions, boxRects, selectedId, matches],
  );
  // Nodes are held here too so that a drag moves the node before the layout hears of the pin.
  const [nodes, setNodes] = useState<FlowNode[]>(() => [...elements.nodes]);
  const [seen, setSeen] = useState(elements.nodes);
  if (seen !== elements.nodes) {
    setSeen(elements.nodes);
    setNodes(keepDragged(elements.nodes, nodes));
  }
  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => setNodes((current) => applyNodeChanges(changes, current)), []);
  const hasFocus = crowded && (hoveredNodeId !== '' || selectedId !== '');
  const flow = useRef<ReactFlowInstance<FlowNode, TrafficFlowEdge>>(null);

  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });
  const actions = useMemo<CanvasActions>(() => ({ toggleBox: (id) => latest.current.onToggleBox(id) }), []);

  const onNodeClick = useCallback<NodeMouseHandler<FlowNode>>((_, node) => onSelect(node.id), [onSelect]);
  const onNodeDoubleClick = useCallback<NodeMouseHandler<FlowNode>>(
    (_, node) => {
      if (node.type === 'graph' && node.data.node.kind === 'aggregate') onExpandAggregate(node.id);
    },
    [onExpandAggregate],
  );
  const onNodeDragStop = useCallback<OnNodeDrag<FlowNode>>((_, node) => onPin(node.id, node.position), [onPin]);
  const onEdgeClick = useCallback<EdgeMouseHandler<TrafficFlowEdge>>((_, edge) => onSelect(edge.id), [onSelect]);
  // Hover is ignored while the view moves: the pointer sweeps over many elements and each would re-render the labels.
  const onEdgeEnter = useCallback<EdgeMouseHandler<TrafficFlowEdge>>((_, edge) => {
    if (!isMoving(container.current)) setHoveredId(edge.id);
  }, []);
  const onEdgeLeave = useCallback<EdgeMouseHandler<TrafficFlowEdge>>(() => setHoveredId(''), []);
  const onPaneClick = useCallback(
    (event: ReactMouseEvent) => {
      const instance = flow.current;
      onSelect(crowded && instance ? edgeAtPointer(instance, event, graph.edges, nodePositions) : '');
    },
    [crowded, graph.edges, nodePositions, onSelect],
  );
  const movingNow = useCallback(() => isMoving(container.current), []);
  const { onPaneMouseMove, onPaneMouseLeave } = usePaneEdgeHover({ crowded, flow, edges: graph.edges, positions: nodePositions, moving: movingNow, onHover: setHoveredId });
  const onInit = useCallback((instance: ReactFlowInstance<FlowNode, TrafficFlowEdge>) => {
    flow.current = instance;
  }, []);
  const onNodeEnter = useCallback<NodeMouseHandler<FlowNode>>((_, node) => {
    if (!isMoving(container.current)) setHoveredNodeId(node.type === 'graph' ? node.id : '');
  }, []);
  const onNodeLeave = useCallback<NodeMouseHandler<FlowNode>>(() => setHoveredNodeId(''), []);
  const { onMoveStart, onMoveEnd } = useMotionFlag(container);
  const showMinimap = nodes.length > 0 && nodes.length <= MINIMAP_MAX_NODES;

  return (
    <div
      ref={container}
      className={`topology-canvas${props.showBadges ? '' : ' hide-badges'}${props.animate ? ' animate-traffic' : ''}${matches ? ' has-find' : ''}${crowded ? ' is-crowded' : ''}`}
      data-testid="topology-canvas"
      data-zoom="near"
      data-graph-timestamp={graph.timestamp}
    >
      <svg className="topology-defs" aria-hidden>
        <defs>
          {HEALTHS.map((health) => (
            <marker key={health} id={`topology-arrow-${health}`} viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse">
              <path d="M0 1L9 5L0 9z" className={`topology-arrow health-${health}`} />
            </marker>
          ))}
        </defs>
      </svg>
      <CanvasActionsContext value={actions}>
        <ReactFlow<FlowNode, TrafficFlowEdge>
          nodes={nodes}
          edges={elements.edges}
          nodeTypes={NODE_TYPES}
          edgeTypes={EDGE_TYPES}
          onNodesChange={onNodesChange}
          onNodeClick={onNodeClick}
          onNodeDoubleClick={onNodeDoubleClick}
          onNodeDragStop={onNodeDragStop}
          onEdgeClick={onEdgeClick}
          onEdgeMouseEnter={onEdgeEnter}
          onEdgeMouseLeave={onEdgeLeave}
          onPaneClick={onPaneClick}
          onPaneMouseMove={onPaneMouseMove}
          onPaneMouseLeave={onPaneMouseLeave}
          onNodeMouseEnter={onNodeEnter}
          onNodeMouseLeave={onNodeLeave}
          onMoveStart={onMoveStart}
          onMoveEnd={onMoveEnd}
          onInit={onInit}
          onlyRenderVisibleElements={nodes.length + elements.edges.length > FULL_MOUNT_LIMIT}
          nodesConnectable={false}
          edgesFocusable
          zoomOnDoubleClick={false}
          minZoom={0.03}
          maxZoom={3}
          proOptions={{ hideAttribution: true }}
          aria-label="Topology graph"
        >
          <Background gap={24} size={1} />
          {showMinimap ? <MiniMap pannable zoomable position="bottom-right" className="topology-minimap" bgColor="var(--bg-sunken)" maskColor="rgba(127, 136, 147, 0.22)" nodeColor="var(--border-strong)" /> : null}
          {crowded ? <BackgroundEdges edges={graph.edges} positions={nodePositions} dimmed={hasFocus} /> : null}
          <ZoomBucketClass containerRef={container} />
          <EdgeLabels edges={graph.edges} positions={nodePositions} mode={props.labelMode} selectedId={selectedId} hoveredId={hoveredId} onDemandOnly={crowded} />
          <ViewportControls
            hasNodes={nodes.length > 0}
            fitSignal={props.fitSignal}
            reveal={props.reveal}
            boxRects={boxRects}
            corner={showMinimap ? MINIMAP_CORNER : undefined}
            handleRef={props.handleRef}
          />
        </ReactFlow>
      </CanvasActionsContext>
    </div>
  );
}
