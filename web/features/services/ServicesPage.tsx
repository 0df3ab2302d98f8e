import { useMemo } from 'react';
import { findKind } from '../../../mesh/kinds';
import { explainError, isConnectionError, podView, serviceView, useKubeListIn, useKubeListsIn, viewsOf } from '../../api';
import { useListPageState } from '../../app/list-page-state';
import { ErrorBanner, ListPage, SelectableList, StatusDot, VersionBadges, formatAge, formatListCount, useNow } from '../../ui';
import type { Column, SortState, Tone } from '../../ui';
import { REFERENCING_KINDS, deriveServices, formatPort, matchesService } from './derive';
import type { ServiceRow } from './derive';
import { ReferenceBadges } from './ReferenceBadges';
import { ServicePanel } from './ServicePanel';
import './services.css';

const SERVICE = findKind('', 'Service')!;
const POD = findKind('', 'Pod')!;
const NO_NAMESPACES: readonly string[] = [];
const DEFAULT_SORT: SortState = { column: 'name', descending: false };

export function ServicesPage() {
  const list = useListPageState(DEFAULT_SORT);
  const { namespaces, text, where } = list;
  const serviceList = useKubeListIn(SERVICE, namespaces, { priority: 2 });
  const podList = useKubeListIn(POD, namespaces, { priority: 2 });
  const configLists = useKubeListsIn(REFERENCING_KINDS, NO_NAMESPACES, { priority: 0 });
  const now = useNow();

  const rows = useMemo(
    () =>
      deriveServices(
        viewsOf(serviceList.items, serviceView),
        viewsOf(podList.items, podView),
        REFERENCING_KINDS.map((kind, i) => ({ kind, items: configLists[i]?.items ?? [] })),
      ),
    [serviceList.items, podList.items, configLists],
  );
  const visible = useMemo(() => rows.filter((row) => matchesService(row, text)), [rows, text]);

  const columns = useMemo<Column<ServiceRow>[]>(
    () => [
      {
        id: 'name',
        header: 'Name',
        width: 170,
        grow: 2,
        sortValue: (r) => r.service.name,
        render: (r) => <span className="service-name">{r.service.name}</span>,
      },
      { id: 'namespace', header: 'Namespace', width: 110, grow: 1, sortValue: (r) => r.service.namespace, render: (r) => r.service.namespace },
      { id: 'type', header: 'Type', width: 84, sortValue: (r) => r.service.type, render: (r) => r.service.type },
      {
        id: 'clusterIP',
        header: 'Cluster IP',
        width: 104,
        mono: true,
        sortValue: (r) => ipSortKey(r.service.clusterIP),
        render: (r) => r.service.clusterIP ?? r.service.externalName ?? '',
      },
      {
        id: 'ports',
        header: 'Ports',
        width: 130,
        grow: 1,
        mono: true,
        sortValue: (r) => r.service.ports[0]?.port,
        render: (r) => r.service.ports.map(formatPort).join(', '),
      },
      {
        id: 'pods',
        header: 'Pods',
        width: 64,
        align: 'end',
        sortValue: (r) => (r.pods.length ? r.readyPods / r.pods.length : -1) * 1e6 + r.pods.length,
        render: (r) => <StatusDot tone={podsTone(r)}>{`${r.readyPods}/${r.pods.length}`}</StatusDot>,
      },
      {
        id: 'versions',
        header: 'Versions',
        width: 110,
        grow: 1,
        sortValue: (r) => r.versions.join(','),
        render: (r) => <VersionBadges versions={r.versions} className="service-versions" title={r.versions.join(', ')} />,
      },
      {
        id: 'config',
        header: 'Istio config',
        width: 190,
        grow: 2,
        sortValue: (r) => r.references.length || undefined,
        render: (r) => <ReferenceBadges references={r.references} />,
      },
      {
        id: 'age',
        header: 'Age',
        width: 52,
        align: 'end',
        sortValue: (r) => (r.service.created ? -Date.parse(r.service.created) : undefined),
        render: (r) => formatAge(r.service.created, now),
      },
    ],
    [now],
  );

  const error = [serviceList.error, podList.error].find((e) => e && !isConnectionError(e));
  const configError = configLists.map((l) => l.error).find((e) => e && !isConnectionError(e));

  return (
    <ListPage
      title="Services"
      meta={serviceList.isLoading || serviceList.error ? undefined : formatListCount(visible.length, rows.length, 'services', Boolean(text))}
      filter={text}
      onFilterChange={list.setText}
      filterPlaceholder="Filter by name, port, version, config…"
      banners={
        <>
          {error ? <ErrorBanner {...explainError(error, { action: `list services in ${where}` })} /> : null}
          {configError && !error ? (
            <ErrorBanner
              tone="warn"
              {...explainError(configError, { action: 'list Istio config across namespaces' })}
              hint="The Istio config column may be incomplete. Ask for permission to list Istio config cluster-wide."
            />
          ) : null}
        </>
      }
    >
      <SelectableList
        label="Services"
        list={list}
        rows={rows}
        visibleRows={visible}
        columns={columns}
        loading={serviceList.isLoading}
        failed={Boolean(serviceList.error)}
        filterHint="The filter looks at names, namespaces, ports, cluster IPs, versions and the config that references a service."
        emptyHint="Kubernetes Services appear here with the pods and versions behind them and the Istio config that routes to them."
        panel={(row, onClose) => <ServicePanel row={row} onClose={onClose} />}
      />
    </ListPage>
  );
}

function podsTone(row: ServiceRow): Tone {
  if (!row.service.selector || row.pods.length === 0) return 'neutral';
  if (row.readyPods === row.pods.length) return 'ok';
  return row.readyPods === 0 ? 'danger' : 'warn';
}

/** Sorts 10.0.0.9 before 10.0.0.10; "None" (headless) last. */
function ipSortKey(ip: string | undefined): string | undefined {
  if (!ip || ip === 'None') return undefined;
  return ip
    .split('.')
    .map((octet) => octet.padStart(3, '0'))
    .join('.');
}
