import { Link } from 'react-router';
import { detailPath } from '../../app/links';
import { useCarriedSearch } from '../../app/url-state';
import { Facts, LabelsAndPods, PanelSection, SidePanel, VersionBadges, formatCreated, useNow } from '../../ui';
import type { Workload } from './derive';
import { DataplaneBadge, PodsReady } from './WorkloadCells';

export function WorkloadPanel({ workload, onClose }: { workload: Workload; onClose: () => void }) {
  const now = useNow();
  const href = `${detailPath('workload', workload.namespace, workload.name)}${useCarriedSearch()}`;
  return (
    <SidePanel
      title={<Link to={href}>{workload.name}</Link>}
      subtitle={`${workload.kind} in ${workload.namespace}`}
      onClose={onClose}
      actions={
        <Link className="button" to={href} title="Overview, metrics, traces and logs of this workload">
          Open
        </Link>
      }
    >
      <PanelSection title="Summary">
        <Facts
          items={[
            ['App', workload.app ?? ''],
            ['Versions', workload.versions.length ? <VersionBadges versions={workload.versions} className="workload-versions" /> : ''],
            ['Pods ready', <PodsReady workload={workload} />],
            ['Replicas wanted', workload.desired === undefined ? '' : String(workload.desired)],
            ['Data plane', <DataplaneBadge workload={workload} />],
            ['Age', formatCreated(workload.created, now)],
          ]}
        />
      </PanelSection>
      <LabelsAndPods labels={workload.labels} pods={workload.pods} />
      <PanelSection title="Containers" count={workload.containers.length}>
        <Facts items={workload.containers.map((c) => [c.name, <span className="mono">{c.image}</span>] as const)} />
      </PanelSection>
    </SidePanel>
  );
}
