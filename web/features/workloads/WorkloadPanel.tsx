import { Badge, Facts, LabelList, PanelSection, PodList, SidePanel, formatAge, useNow } from '../../ui';
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
            ['Versions', workload.versions.length ? <span className="workload-versions">{workload.versions.map((v) => <Badge key={v}>{v}</Badge>)}</span> : ''],
            ['Pods ready', <PodsReady workload={workload} />],
            ['Replicas wanted', workload.desired === undefined ? '' : String(workload.desired)],
            ['Data plane', <DataplaneBadge workload={workload} />],
            ['Age', workload.created ? `${formatAge(workload.created, now)} (${new Date(workload.created).toLocaleString()})` : ''],
          ]}
        />
      </PanelSection>
      <PanelSection title="Labels" count={Object.keys(workload.labels).length}>
        <LabelList labels={workload.labels} />
      </PanelSection>
      <PanelSection title="Pods" count={workload.pods.length}>
        <PodList pods={workload.pods} />
      </PanelSection>
      <PanelSection title="Containers" count={workload.containers.length}>
        <Facts items={workload.containers.map((c) => [c.name, <span className="mono">{c.image}</span>] as const)} />
      </PanelSection>
    </SidePanel>
  );
}
