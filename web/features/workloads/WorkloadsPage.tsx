import { useMemo } from 'react';
import { explainError, isConnectionError } from '../../api';
import { useListPageState } from '../../app/list-page-state';
import {
  ErrorBanner,
  LabelList,
  ListPage,
  SelectableList,
  VersionBadges,
  formatAge,
  formatCount,
  formatListCount,
  useNow,
} from '../../ui';
import type { Column, SortState } from '../../ui';
import { matchesWorkload } from './derive';
import type { Workload } from './derive';
import { DataplaneBadge, PodsReady } from './WorkloadCells';
import { WorkloadPanel } from './WorkloadPanel';
import { useWorkloads } from './use-workloads';
import './workloads.css';

const DEFAULT_SORT: SortState = { column: 'name', descending: false };

export function WorkloadsPage() {
  const list = useListPageState(DEFAULT_SORT);
  const { namespaces, text, where } = list;
  const { workloads, podCount: totalPods, isLoading: loading, error: listError } = useWorkloads(namespaces);
  const now = useNow();
  const visible = useMemo(() => workloads.filter((w) => matchesWorkload(w, text)), [workloads, text]);

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
        render: (w) => <VersionBadges versions={w.versions} className="workload-versions" />,
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

  const error = listError && !isConnectionError(listError) ? listError : null;

  return (
    <ListPage
      title="Workloads"
      meta={
        loading || listError
          ? undefined
          : `${formatListCount(visible.length, workloads.length, 'workloads', Boolean(text))} · ${formatCount(totalPods)} pods`
      }
      filter={text}
      onFilterChange={list.setText}
      filterPlaceholder="Filter by name, app, version, label…"
      banners={error ? <ErrorBanner {...explainError(error, { action: `list workloads in ${where}` })} /> : null}
    >
      <SelectableList
        label="Workloads"
        list={list}
        rows={workloads}
        visibleRows={visible}
        columns={columns}
        loading={loading}
        failed={Boolean(listError)}
        filterHint="The filter looks at names, namespaces, apps, versions and labels (e.g. version=v2)."
        emptyHint="Deployments and the pods they run appear here, with their versions and whether they are in the mesh."
        panel={(w, onClose) => <WorkloadPanel workload={w} onClose={onClose} />}
      />
    </ListPage>
  );
}
