import type { EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { edgeWidth } from '../view/format';
import { MTLS_THRESHOLD, edgePath } from '../view/geometry';
import type { TrafficFlowEdge } from './flow-elements';

/** A request edge: health colour, width by rate, dashed for TCP, a lock when mutual TLS carries it. */
export const TrafficEdgeView = memo(function TrafficEdgeView({ id, source, target, sourceX, sourceY, targetX, targetY, data, selected }: EdgeProps<TrafficFlowEdge>) {
  const edge = data?.edge;
  if (!edge) return null;
  const { path, lock } = edgePath({ x: sourceX, y: sourceY }, { x: targetX, y: targetY });
  const mtls = (edge.mtlsRatio ?? 0) >= MTLS_THRESHOLD;
  return (
    <g className={`topology-edge health-${edge.health} protocol-${edge.protocol}${selected ? ' is-selected' : ''}`} data-edge-id={id} data-source={source} data-target={target}>
      <path d={path} className="topology-edge-hit" />
      <path d={path} className="topology-edge-path" style={{ strokeWidth: edgeWidth(edge.rps) }} markerEnd={`url(#topology-arrow-${edge.health})`} />
      {mtls ? (
        <g className="topology-edge-lock" transform={`translate(${lock.x - 5} ${lock.y - 6})`}>
          <title>mutual TLS</title>
          <rect x="1" y="5" width="8" height="6" rx="1" />
          <path d="M3 5V3.5a2 2 0 0 1 4 0V5" fill="none" />
        </g>
      ) : null}
    </g>
  );
});
