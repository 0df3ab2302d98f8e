import { useCallback, useMemo } from 'react';
import { findKind } from '../../../mesh/kinds';
import { deploymentView, explainError, isConnectionError, podView, useKubeList, useKubeListIn, viewsOf } from '../../api';
import { useNamespaces, useUrlParam } from '../../app/url-state';
import {
  Badge,
  ErrorBanner,
  FilterInput,
  LabelList,
  ListEmpty,
  Page,
  PageHeader,
  SplitView,
  Table,
  Toolbar,
  formatAge,
  formatCount,
  formatSort,
  parseSort,
  useNow,
} from '../../ui';
import type { Column, SortState } from '../../ui';
import { deriveWorkloads, matchesWorkload } from './derive';
import type { Workload } from './derive';
import { DataplaneBadge, PodsReady } from './WorkloadCells';
import { WorkloadPanel } from './WorkloadPanel';
import './workloads.css';

const DEPLOYMENT = findKind('apps', 'Deployment')!;
const POD = findKind('', 'Pod')!;
const NAMESPACE = findKind('', 'Namespace')!;
const DEFAULT_SORT: SortState = { column: 'name', descending: false };

export function WorkloadsPage() {
  const [namespaces] = useNamespaces();
  const deploymentList = useKubeListIn(DEPLOYMENT, namespaces, { priority: 2 });
  const podList = useKubeListIn(POD, namespaces, { priority: 2 });
  const namespaceList = useKubeList(NAMESPACE, undefined, { priority: 0 });
  const [text, setText] = useUrlParam('q');
  const [sortParam, setSortParam] = useUrlParam('sort');
  const [selected, setSelected] = useUrlParam('sel');
  const now = useNow();

  const namespaceLabels = useMemo(
    () => new Map(namespaceList.items.map((ns) => [ns.metadata.name ?? '', ns.metadata.labels ?? {}])),
    [namespaceList.items],
  );
  const workloads = useMemo(
    () => deriveWorkloads(viewsOf(deploymentList.items, deploymentView), viewsOf(podList.items, podView), namespaceLabels),
    [deploymentList.items, podList.items, namespaceLabels],
  );
  const visible = useMemo(() => workloads.filter((w) => matchesWorkload(w, text)), [workloads, text]);
  const selection = workloads.find((w) => w.key === selected);

  const columns = useMemo<Column<Workload>[]>(
    () => [
      {
        id: 'name',
        header: 'Name',
        width: 200,
        grow: 2,
        sortValue: (w) => w.name,
        render: (w) => (
          <span className="workload-name">
            <span className="workload-name-text">{w.name}</span>
            {w.kind !== 'Deployment' ? <span className="subtle">{w.kind}</span> : null}
          </span>
        ),
      },
      { id: 'namespace', header: 'Namespace', width: 120, grow: 1, sortValue: (w) => w.namespace, render: (w) => w.namespace },
      { id: 'app', header: 'App', width: 110, grow: 1, sortValue: (w) => w.app, render: (w) => w.app ?? '' },
      {
        id: 'versions',
        header: 'Versions',
        width: 90,
        sortValue: (w) => w.versions.join(','),
        render: (w) => <span className="workload-versions">{w.versions.map((v) => <Badge key={v}>{v}</Badge>)}</span>,
      },
      {
        id: 'pods',
        header: 'Pods',
        width: 96,
        align: 'end',
        sortValue: (w) => (w.pods.length ? w.readyPods / w.pods.length : -1) * 1e6 + w.pods.length,
        render: (w) => <PodsReady workload={w} />,
      },
      {
        id: 'dataplane',
        header: 'Data plane',
        width: 96,
        sortValue: (w) => w.dataplane,
        render: (w) => <DataplaneBadge workload={w} />,
      },
      {
        id: 'labels',
        header: 'Labels',
        width: 200,
        grow: 2,
        render: (w) => <LabelList labels={w.labels} max={3} />,
      },
      {
        id: 'age',
        header: 'Age',
        width: 52,
        align: 'end',
        sortValue: (w) => (w.created ? -Date.parse(w.created) : undefined),
        render: (w) => formatAge(w.created, now),
      },
    ],
    [now],
  );

  const sort = parseSort(sortParam) ?? DEFAULT_SORT;
  const onSortChange = useCallback((next: SortState) => setSortParam(formatSort(next), { replace: true }), [setSortParam]);
  const select = useCallback((w: Workload) => setSelected(w.key, { replace: true }), [setSelected]);
  const closePanel = useCallback(() => setSelected('', { replace: true }), [setSelected]);
  const error = [deploymentList.error, podList.error].find((e) => e && !isConnectionError(e));
  const loading = deploymentList.isLoading || podList.isLoading;
  const where = namespaces.length ? namespaces.join(', ') : 'any namespace';
  const totalPods = podList.items.length;

  return (
    <Page>
      <PageHeader
        title="Workloads"
        meta={
          loading || deploymentList.error || podList.error
            ? undefined
            : `${text ? `${formatCount(visible.length)} of ` : ''}${formatCount(workloads.length)} workloads · ${formatCount(totalPods)} pods`
        }
      />
      <Toolbar>
        <FilterInput value={text} onChange={(value) => setText(value, { replace: true })} placeholder="Filter by name, app, version, label…" />
      </Toolbar>
      {error ? <ErrorBanner {...explainError(error, { action: `list workloads in ${where}` })} /> : null}
      <SplitView>
        <Table
          label="Workloads"
          rows={visible}
          columns={columns}
          rowKey={rowKey}
          sort={sort}
          onSortChange={onSortChange}
          selectedKey={selection?.key}
          onActivate={select}
          activateOnCursor={Boolean(selection)}
          empty={
            <ListEmpty
              noun="workloads"
              where={where}
              loading={loading}
              failed={Boolean(deploymentList.error || podList.error)}
              filter={text}
              onClearFilter={() => setText('', { replace: true })}
              filterHint="The filter looks at names, namespaces, apps, versions and labels (e.g. version=v2)."
              emptyHint="Deployments and the pods they run appear here, with their versions and whether they are in the mesh."
            />
          }
        />
        {selection ? <WorkloadPanel workload={selection} onClose={closePanel} /> : null}
      </SplitView>
    </Page>
  );
}

const rowKey = (w: Workload) => w.key;
