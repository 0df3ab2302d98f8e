import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { HEALTH_TEXT } from '../view/format';
import { ICON_CENTER, ICON_SIZE } from '../view/geometry';
import { BADGE_GLYPHS, isWarningBadge, shapeOf, shapePath } from '../view/shapes';
import type { GraphFlowNode } from './flow-elements';

const PAD = 3;
const BOX = ICON_SIZE + 2 * PAD;
const HANDLE_STYLE = { top: ICON_CENTER.y } as const;

/** One workload, app, service, external or aggregate node: its shape ringed in its health colour, name and badges. */
export const GraphNodeView = memo(function GraphNodeView({ data }: NodeProps<GraphFlowNode>) {
  const { node } = data;
  const shape = shapeOf(node);
  const subtitle = node.kind === 'aggregate' ? `${node.memberCount ?? 0} nodes` : node.version ? node.version : undefined;
  return (
    <div className={`topology-node health-${node.health} kind-${node.kind}`} title={`${node.name} · ${node.namespace} · ${HEALTH_TEXT[node.health]}`}>
      <Handle type="target" id="in" position={Position.Left} className="topology-handle" style={{ ...HANDLE_STYLE, left: ICON_CENTER.x - ICON_SIZE / 2 }} isConnectable={false} />
      <svg className="topology-node-icon" width={BOX} height={BOX} viewBox={`0 0 ${BOX} ${BOX}`} aria-hidden>
        <path d={shapePath(shape, BOX / 2, BOX / 2, ICON_SIZE)} className="topology-node-shape" />
        {node.memberCount !== undefined ? (
          <text x={BOX / 2} y={BOX / 2 + 4} textAnchor="middle" className="topology-node-count">
            {node.memberCount > 999 ? `${Math.round(node.memberCount / 1000)}k` : node.memberCount}
          </text>
        ) : null}
      </svg>
      {node.badges.length > 0 ? (
        <span className="topology-node-badges">
          {node.badges.map((badge) => (
            <span key={badge} className={`topology-badge${isWarningBadge(badge) ? ' is-warning' : ''}`} title={BADGE_GLYPHS[badge].title}>
              {BADGE_GLYPHS[badge].glyph}
            </span>
          ))}
        </span>
      ) : null}
      <span className="topology-node-label">
        <span className="topology-node-name">{node.name}</span>
        {subtitle ? <span className="topology-node-sub">{subtitle}</span> : null}
      </span>
      <Handle type="source" id="out" position={Position.Right} className="topology-handle" style={{ ...HANDLE_STYLE, left: ICON_CENTER.x + ICON_SIZE / 2 }} isConnectable={false} />
    </div>
  );
});
