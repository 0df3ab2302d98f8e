import type { PodView } from '../api';
import { Badge } from './Badge';
import { LabelList } from './Chip';
import { formatAge } from './format';
import { PodList } from './PodList';
import { PanelSection } from './SidePanel';

export function VersionBadges({ versions, className, title }: { versions: readonly string[]; className: string; title?: string }) {
  return (
    <span className={className} title={title}>
      {versions.map((v) => <Badge key={v}>{v}</Badge>)}
    </span>
  );
}

/** "5h (11/25/2026, 10:04:00 AM)", or '' when unknown. */
export function formatCreated(created: string | undefined, now: number): string {
  return created ? `${formatAge(created, now)} (${new Date(created).toLocaleString()})` : '';
}

/** The closing sections of a service's or workload's side panel: its labels and pods. */
export function LabelsAndPods({ labels, pods }: { labels: Readonly<Record<string, string>>; pods: readonly PodView[] }) {
  return (
    <>
      <PanelSection title="Labels" count={Object.keys(labels).length}>
        <LabelList labels={labels} />
      </PanelSection>
      <PanelSection title="Pods" count={pods.length}>
        <PodList pods={pods} />
      </PanelSection>
    </>
  );
}
