import { EdgeLabelRenderer, useStore } from '@xyflow/react';
import type { ReactFlowState } from '@xyflow/react';
import { useEffect, useMemo, useState } from 'react';
import type { TopologyEdge } from '../../../../mesh/topology/model';
import type { Point } from '../layout';
import { edgeLabelText } from '../view/format';
import type { EdgeLabelMode } from '../view/format';
import { edgePath, ICON_CENTER, ICON_SIZE, NODE_WIDTH, sourcePoint, targetPoint } from '../view/geometry';
import { LABEL_HEIGHT_PX, cullLabels, labelWidth } from '../view/label-culling';
import type { LabelCandidate } from '../view/label-culling';
import { VIEW_TILE, zoomBucket } from '../view/zoom';

interface Props {
  readonly edges: readonly TopologyEdge[];
  readonly positions: ReadonlyMap<string, Point>;
  readonly mode: EdgeLabelMode;
  readonly selectedId: string;
  readonly hoveredId: string;
  /** Only the hovered and selected edge's labels, whatever the zoom (a crowded graph). */
  readonly onDemandOnly: boolean;
}

/** How long the view must rest before labels are placed again: culling runs once per gesture, not per frame. */
const SETTLE_MS = 150;

function useSettled<T>(value: T): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [value]);
  return settled;
}

/** The view, coarsened to tiles, plus the zoom bucket: changes only when labels may need re-placing. */
function selectViewKey(state: ReactFlowState): string {
  const [tx, ty, zoom] = state.transform;
  const left = Math.floor(-tx / zoom / VIEW_TILE);
  const top = Math.floor(-ty / zoom / VIEW_TILE);
  const right = Math.ceil((state.width - tx) / zoom / VIEW_TILE);
  const bottom = Math.ceil((state.height - ty) / zoom / VIEW_TILE);
  return `${zoomBucket(zoom)}|${left}|${top}|${right}|${bottom}`;
}

/** Node icons and names are obstacles: a label over a node's name would hide it. */
const NODE_OBSTACLE = { width: NODE_WIDTH * 0.6, height: 52 };

/**
 * Edge labels, drawn once for the whole graph: all of them when zoomed in (culled so that none
 * overlaps another or a node), else only the hovered and the selected edge's.
 */
export function EdgeLabels({ edges, positions, mode, selectedId, hoveredId, onDemandOnly }: Props) {
  const viewKey = useSettled(useStore(selectViewKey));
  const placed = useMemo(() => {
    const [bucket, left, top, right, bottom] = viewKey.split('|');
    const bounds = { left: Number(left) * VIEW_TILE, top: Number(top) * VIEW_TILE, right: Number(right) * VIEW_TILE, bottom: Number(bottom) * VIEW_TILE };
    const inView = (p: Point) => p.x >= bounds.left && p.x <= bounds.right && p.y >= bounds.top && p.y <= bounds.bottom;
    const all = bucket === 'near' && mode !== 'none' && !onDemandOnly;
    const labels: { id: string; text: string; at: Point; health: string }[] = [];
    const candidates: LabelCandidate[] = [];
    for (const edge of edges) {
      const pinned = edge.id === selectedId || edge.id === hoveredId;
      if (!all && !pinned) continue;
      const from = positions.get(edge.source);
      const to = positions.get(edge.target);
      if (!from || !to) continue;
      const { mid } = edgePath(sourcePoint(from), targetPoint(to));
      if (!pinned && !inView(mid)) continue;
      const text = edgeLabelText(edge, mode === 'none' ? 'rps' : mode);
      if (!text) continue;
      labels.push({ id: edge.id, text, at: mid, health: edge.health });
      candidates.push({ id: edge.id, x: mid.x, y: mid.y, width: labelWidth(text), height: LABEL_HEIGHT_PX, priority: pinned ? 1e12 : edge.rps });
    }
    if (all)
      for (const [id, p] of positions)
        if (inView(p)) candidates.push({ id: `node:${id}`, x: p.x + ICON_CENTER.x, y: p.y + ICON_CENTER.y + ICON_SIZE / 2, ...NODE_OBSTACLE, priority: 1e13 });
    const kept = cullLabels(candidates, 1);
    return labels.filter((label) => kept.has(label.id));
  }, [viewKey, edges, positions, mode, selectedId, hoveredId, onDemandOnly]);

  return (
    <EdgeLabelRenderer>
      {placed.map((label) => (
        <div
          key={label.id}
          className={`topology-edge-label health-${label.health}`}
          data-edge-id={label.id}
          style={{ transform: `translate(-50%, -50%) translate(${label.at.x}px, ${label.at.y}px)` }}
        >
          {label.text}
        </div>
      ))}
    </EdgeLabelRenderer>
  );
}
