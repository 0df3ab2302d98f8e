import { useMemo } from 'react';
import { findKind } from '../../../mesh/kinds';
import type { Direction } from '../../../mesh/telemetry/promql';
import type { ScopeKind, TelemetryScope } from '../../../mesh/telemetry/scope';
import { deploymentView, serviceView, useKubeList, viewsOf } from '../../api';
import { useNamespaces, useUrlParam } from '../../app/url-state';
import { EmptyState, Page, PageHeader, Select, Toolbar } from '../../ui';
import type { SelectOption } from '../../ui';
import { MetricsDashboard } from './MetricsDashboard';
import { scopeNames } from './scope-options';
import './metrics.css';

const NAMESPACE = findKind('', 'Namespace')!;
const DEPLOYMENT = findKind('apps', 'Deployment')!;
const SERVICE = findKind('', 'Service')!;

const KIND_OPTIONS: SelectOption<ScopeKind>[] = [
  { value: 'service', label: 'Service' },
  { value: 'workload', label: 'Workload' },
  { value: 'app', label: 'App' },
];
const DIRECTION_OPTIONS: SelectOption<Direction>[] = [
  { value: 'inbound', label: 'Inbound' },
  { value: 'outbound', label: 'Outbound' },
];
const NONE = '';

function parseKind(text: string): ScopeKind {
  return KIND_OPTIONS.find((o) => o.value === text)?.value ?? 'service';
}

/** /metrics: pick a workload, service or app and a direction (all in the URL), see its standard charts. */
export function MetricsPage() {
  const [kindText, setKind] = useUrlParam('kind');
  const [namespaceParam, setNamespace] = useUrlParam('namespace');
  const [name, setName] = useUrlParam('name');
  const [directionText, setDirection] = useUrlParam('direction');
  const [globalNamespaces] = useNamespaces();
  const kind = parseKind(kindText);
  const direction: Direction = directionText === 'outbound' ? 'outbound' : 'inbound';
  // The top bar's namespace, when it names exactly one, is the natural default.
  const namespace = namespaceParam || (globalNamespaces.length === 1 ? (globalNamespaces[0] ?? '') : '');

  const namespaceList = useKubeList(NAMESPACE, undefined, { priority: 0 });
  const deploymentList = useKubeList(DEPLOYMENT, namespace || undefined, { enabled: Boolean(namespace) && kind !== 'service' });
  const serviceList = useKubeList(SERVICE, namespace || undefined, { enabled: Boolean(namespace) && kind === 'service' });

  const namespaceOptions = useMemo(
    () => withPlaceholder('Namespace…', namespaceList.items.map((n) => n.metadata.name ?? '').filter(Boolean).sort()),
    [namespaceList.items],
  );
  const names = useMemo(
    () => (namespace ? scopeNames(kind, namespace, viewsOf(deploymentList.items, deploymentView), viewsOf(serviceList.items, serviceView)) : []),
    [kind, namespace, deploymentList.items, serviceList.items],
  );
  const nameOptions = useMemo(() => withPlaceholder(`${KIND_OPTIONS.find((o) => o.value === kind)?.label ?? 'Name'}…`, names, name), [kind, names, name]);
  const scope = useMemo<TelemetryScope | undefined>(() => (namespace && name ? { kind, namespace, name } : undefined), [kind, namespace, name]);

  return (
    <Page>
      <PageHeader title="Metrics" meta={scope ? `${scope.kind} ${scope.namespace}/${scope.name}, ${direction}` : undefined} />
      <Toolbar>
        <Select<ScopeKind>
          label="Kind"
          value={kind}
          options={KIND_OPTIONS}
          onChange={(next) => {
            setKind(next === 'service' ? '' : next);
            setName('');
          }}
        />
        <Select
          label="Namespace"
          value={namespace}
          options={namespaceOptions}
          onChange={(next) => {
            setNamespace(next);
            setName('');
          }}
        />
        <Select label="Name" value={name} options={nameOptions} onChange={setName} />
        <Select<Direction> label="Direction" value={direction} options={DIRECTION_OPTIONS} onChange={(next) => setDirection(next === 'inbound' ? '' : next)} />
      </Toolbar>
      <div className="metrics-page-body">
        {scope ? (
          <MetricsDashboard scope={scope} direction={direction} />
        ) : (
          <EmptyState title="Pick what to chart">
            Choose a namespace and a service, workload or app to see its request volume, errors, latency, sizes, TCP and gRPC traffic.
          </EmptyState>
        )}
      </div>
    </Page>
  );
}

/** Options with an empty first entry, keeping `current` listed even before the lists load. */
function withPlaceholder(placeholder: string, values: readonly string[], current = ''): SelectOption<string>[] {
  const all = current && !values.includes(current) ? [current, ...values] : values;
  return [{ value: NONE, label: placeholder }, ...all.map((value) => ({ value, label: value }))];
}
