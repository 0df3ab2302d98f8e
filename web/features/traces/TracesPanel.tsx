import { useMemo, useState } from 'react';
import { findKind } from '../../../mesh/kinds';
import { jaegerServiceName } from '../../../mesh/telemetry/scope';
import type { TelemetryScope } from '../../../mesh/telemetry/scope';
import { deploymentView, matchesSelector, podView, serviceView, useKubeList, useKubeObject, viewsOf } from '../../api';
import { LoadingPane, Select } from '../../ui';
import { canonicalServiceOf, jaegerNamesOf } from './scope-service';
import { TraceSearchView } from './TraceSearchView';

const DEPLOYMENT = findKind('apps', 'Deployment')!;
const SERVICE = findKind('', 'Service')!;
const POD = findKind('', 'Pod')!;

export interface TracesPanelProps {
  readonly scope: TelemetryScope;
}

/** Trace search on a workload, service or app page, the service fixed to what Istio reports for it. */
export function TracesPanel({ scope }: TracesPanelProps) {
  if (scope.kind === 'app') return <PinnedSearch names={[jaegerServiceName(scope.name, scope.namespace)]} />;
  if (scope.kind === 'workload') return <WorkloadTraces scope={scope} />;
  return <ServiceTraces scope={scope} />;
}

function WorkloadTraces({ scope }: TracesPanelProps) {
  const { object, isLoading } = useKubeObject(DEPLOYMENT, scope.namespace, scope.name);
  if (isLoading) return <LoadingPane label="Finding the workload's service…" />;
  const labels = object ? deploymentView(object).templateLabels : {};
  return <PinnedSearch names={[jaegerServiceName(canonicalServiceOf(labels, scope.name), scope.namespace)]} />;
}

function ServiceTraces({ scope }: TracesPanelProps) {
  const service = useKubeObject(SERVICE, scope.namespace, scope.name);
  const pods = useKubeList(POD, scope.namespace, { priority: 2 });
  const names = useMemo(() => {
    const selector = service.object ? serviceView(service.object).selector : undefined;
    const behind = selector ? viewsOf(pods.items, podView).filter((pod) => matchesSelector(pod.labels, { matchLabels: selector, matchExpressions: [] })) : [];
    const found = jaegerNamesOf(behind.map((pod) => pod.labels), scope.namespace, scope.name);
    return found.length ? found : [jaegerServiceName(scope.name, scope.namespace)];
  }, [service.object, pods.items, scope.namespace, scope.name]);
  if (service.isLoading || pods.isLoading) return <LoadingPane label="Finding the workloads behind the service…" />;
  return <PinnedSearch names={names} />;
}

/** The search pinned to one of `names` (several when a Service fronts more than one canonical service). */
function PinnedSearch({ names }: { names: readonly string[] }) {
  const [picked, setPicked] = useState(names[0] ?? '');
  const service = names.includes(picked) ? picked : (names[0] ?? '');
  return (
    <div className="traces-panel">
      {names.length > 1 ? (
        <Select label="Jaeger service" value={service} options={names.map((name) => ({ value: name, label: name }))} onChange={setPicked} />
      ) : null}
      <TraceSearchView fixedService={service} />
    </div>
  );
}
