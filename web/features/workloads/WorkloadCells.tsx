import { Badge, StatusDot } from '../../ui';
import type { Tone } from '../../ui';
import type { Workload } from './derive';

/** "2/3" ready pods, coloured by whether the workload has what it asks for. */
export function PodsReady({ workload }: { workload: Workload }) {
  const total = workload.pods.length;
  const expected = workload.desired ?? total;
  const healthy = total > 0 && workload.readyPods === total && workload.readyPods >= expected;
  const tone: Tone = expected === 0 && total === 0 ? 'neutral' : healthy ? 'ok' : workload.readyPods === 0 ? 'danger' : 'warn';
  const title =
    workload.desired !== undefined && workload.desired !== total
      ? `${workload.readyPods} of ${total} pods ready; ${workload.desired} wanted`
      : `${workload.readyPods} of ${total} pods ready`;
  return (
    <StatusDot tone={tone} title={title}>
      {workload.readyPods}/{total}
    </StatusDot>
  );
}

export function DataplaneBadge({ workload }: { workload: Workload }) {
  switch (workload.dataplane) {
    case 'sidecar':
      return <Badge tone="accent" title="Every pod runs the istio-proxy sidecar">sidecar</Badge>;
    case 'ambient':
      return <Badge tone="info" title="Captured by the ambient data plane (ztunnel)">ambient</Badge>;
    case 'mixed':
      return (
        <Badge tone="warn" title={`${workload.sidecarPods} of ${workload.pods.length} pods have a sidecar: restart the others to inject it`}>
          mixed {workload.sidecarPods}/{workload.pods.length}
        </Badge>
      );
    case 'none':
      return <span className="muted" title="Not in the mesh: no sidecar and not ambient">none</span>;
    case 'unknown':
      return <span className="subtle" title="No pods to tell">—</span>;
  }
}
