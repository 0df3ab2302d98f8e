import { Facts, LabelsAndPods, PanelSection, SidePanel, VersionBadges, formatCreated, useNow } from '../../ui';
import type { Workload } from './derive';
import { DataplaneBadge, PodsReady } from './WorkloadCells';

export function WorkloadPanel({ workload, onClose }: { workload: Workload; onClose: () => void }) {
  const now = useNow();
  return (
    <SidePanel title={workload.name} subtitle={`${workload.kind} in ${workload.namespace}`} onClose={onClose}>
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
