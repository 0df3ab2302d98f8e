import type { TopologyGraph, TopologyNode } from '../../../../mesh/topology/model';
import { boxOfAggregate } from '../../../../mesh/topology/ids';
import type { TimeWindow } from '../../../app/time-window';
import { Facts, PanelSection, SidePanel, StatusDot, plural } from '../../../ui';
import { HEALTH_TEXT, formatBytesPerSecond, formatPercent, formatRps } from '../view/format';
import { BADGE_GLYPHS } from '../view/shapes';
import { healthTone } from './health-tone';
import { ConfigLinks, TelemetryLinks } from './links';
import { TelemetrySparklines } from './TelemetrySparklines';
import { inboundQuery } from './telemetry-queries';

const KIND_TEXT: Record<TopologyNode['kind'], string> = {
  workload: 'Workload',
  app: 'App',
  service: 'Service',
  external: 'External destination',
  unknown: 'Unknown source (outside the mesh)',
  aggregate: 'Group',
};

export interface NodePanelProps {
  readonly node: TopologyNode;
  readonly graph: TopologyGraph;
  readonly window: TimeWindow;
  readonly focused: boolean;
  readonly onFocus: () => void;
  readonly onExpand: (boxId: string) => void;
  readonly onClose: () => void;
}

export function NodePanel({ node, graph, window, focused, onFocus, onExpand, onClose }: NodePanelProps) {
  const inbound = graph.edges.filter((e) => e.target === node.id).length;
  const outbound = graph.edges.filter((e) => e.source === node.id).length;
  const box = boxOfAggregate(node.id);
  return (
    <SidePanel
      title={node.name}
      subtitle={`${KIND_TEXT[node.kind]}${node.namespace ? ` in ${node.namespace}` : ''}`}
      onClose={onClose}
      actions={
        <span className="topology-panel-actions">
          {box ? (
            <button type="button" className="button" onClick={() => onExpand(box)}>
              Expand
            </button>
          ) : null}
          <button type="button" className="button" onClick={onFocus} disabled={focused} title="Show only this node and its neighbours">
            Focus
          </button>
        </span>
      }
    >
      <PanelSection title="Health">
        <Facts
          items={[
            ['Health', <StatusDot tone={healthTone(node.health)}>{HEALTH_TEXT[node.health]}</StatusDot>],
            ['Requests in', `${formatRps(node.traffic.inRps)} · ${formatPercent(node.traffic.inErrorRatio)} errors`],
            ['Requests out', `${formatRps(node.traffic.outRps)} · ${formatPercent(node.traffic.outErrorRatio)} errors`],
            ['TCP in / out', node.traffic.inTcpBps || node.traffic.outTcpBps ? `${formatBytesPerSecond(node.traffic.inTcpBps)} / ${formatBytesPerSecond(node.traffic.outTcpBps)}` : ''],
            ['Edges', `${inbound} in · ${outbound} out`],
            ...(node.memberCount !== undefined ? [['Members', `${plural(node.memberCount, 'node')} (double-click to expand)`] as const] : []),
          ]}
        />
      </PanelSection>
      <PanelSection title="Inbound traffic">
        <TelemetrySparklines query={inboundQuery(node)} window={window} />
      </PanelSection>
      <PanelSection title="Identity">
        <Facts
          items={[
            ['App', node.app ?? ''],
            ['Version', node.version ?? ''],
            ['Workload', node.workload ?? ''],
            ['Service', node.service ?? ''],
            ['Cluster', node.cluster],
          ]}
        />
      </PanelSection>
      {node.badges.length > 0 ? (
        <PanelSection title="Marks" count={node.badges.length}>
          <ul className="topology-badge-list">
            {node.badges.map((badge) => (
              <li key={badge}>
                <span className="topology-badge">{BADGE_GLYPHS[badge].glyph}</span> {BADGE_GLYPHS[badge].title}
              </li>
            ))}
          </ul>
        </PanelSection>
      ) : null}
      <PanelSection title="Config that applies" count={node.config.length}>
        <ConfigLinks refs={node.config} />
      </PanelSection>
      <PanelSection title="Go to">
        <TelemetryLinks node={node} window={window} />
      </PanelSection>
    </SidePanel>
  );
}
