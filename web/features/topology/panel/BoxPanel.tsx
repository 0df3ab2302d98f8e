import type { TopologyBox, TopologyGraph } from '../../../../mesh/topology/model';
import { Facts, PanelSection, SidePanel } from '../../../ui';
import { formatRps } from '../view/format';

export function BoxPanel({ box, graph, onCollapse, onClose }: { box: TopologyBox; graph: TopologyGraph; onCollapse: () => void; onClose: () => void }) {
  const members = graph.nodes.filter((n) => n.box === box.id || graph.boxes.some((b) => b.parent === box.id && b.id === n.box));
  const ids = new Set(members.map((n) => n.id));
  const count = (health: string) => members.filter((n) => n.health === health).length;
  const inbound = graph.edges.filter((e) => ids.has(e.target) && !ids.has(e.source)).reduce((sum, e) => sum + e.rps, 0);
  return (
    <SidePanel
      title={box.label}
      subtitle={`${box.kind[0]?.toUpperCase()}${box.kind.slice(1)} box`}
      onClose={onClose}
      actions={
        <button type="button" className="button" onClick={onCollapse}>
          Collapse
        </button>
      }
    >
      <PanelSection title="Members" count={members.length}>
        <Facts
          items={[
            ['Healthy', String(count('healthy'))],
            ['Degraded', String(count('degraded'))],
            ['Failing', String(count('failure'))],
            ['Idle', String(count('idle'))],
            ['Requests in from outside', formatRps(inbound)],
          ]}
        />
      </PanelSection>
    </SidePanel>
  );
}
