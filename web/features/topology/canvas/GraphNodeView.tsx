import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { NodeBadge } from '../../../../mesh/topology/model';
import { HEALTH_TEXT } from '../view/format';
import { ICON_CENTER, ICON_SIZE } from '../view/geometry';
import { BADGE_GLYPHS, isWarningBadge, shapeOf, shapePath } from '../view/shapes';
import type { GraphFlowNode } from './flow-elements';
import { plural } from '../../../ui/format';

const PAD = 3;
const BOX = ICON_SIZE + 2 * PAD;
const HANDLE_STYLE = { top: ICON_CENTER.y } as const;
/** Two rows of two fit beside the icon; more would run past the node (and its app box). */
const MAX_BADGES = 4;

/** The badges beside the icon; when there are too many, the last place says how many more (named in its title). */
function NodeBadges({ badges }: { badges: readonly NodeBadge[] }) {
  const shown = badges.length > MAX_BADGES ? badges.slice(0, MAX_BADGES - 1) : badges;
  const rest = badges.slice(shown.length);
  return (
    <span className="topology-node-badges">
      {shown.map((badge) => (
        <span key={badge} className={`topology-badge${isWarningBadge(badge) ? ' is-warning' : ''}`} title={BADGE_GLYPHS[badge].title}>
          {BADGE_GLYPHS[badge].glyph}
        </span>
      ))}
      {rest.length > 0 ? (
        <span className="topology-badge is-more" title={rest.map((badge) => BADGE_GLYPHS[badge].title).join('\n')}>
          +{rest.length}
        </span>
      ) : null}
    </span>
  );
}

/** One workload, app, service, external or aggregate node: its shape ringed in its health colour, name and badges. */
export const GraphNodeView = memo(function GraphNodeView({ data }: NodeProps<GraphFlowNode>) {
  const { node } = data;
  const shape = shapeOf(node);
  const subtitle = node.kind === 'aggregate' ? plural(node.memberCount ?? 0, 'node') : node.version ? node.version : undefined;
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
      {node.badges.length > 0 ? <NodeBadges badges={node.badges} /> : null}
      <span className="topology-node-label">
        <span className="topology-node-name">{node.name}</span>
        {subtitle ? <span className="topology-node-sub">{subtitle}</span> : null}
      </span>
      <Handle type="source" id="out" position={Position.Right} className="topology-handle" style={{ ...HANDLE_STYLE, left: ICON_CENTER.x + ICON_SIZE / 2 }} isConnectable={false} />
    </div>
  );
});
