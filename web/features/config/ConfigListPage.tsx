import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { CONFIG_KINDS, kindId } from '../../../mesh/kinds';
import type { KindInfo } from '../../../mesh/kinds';
import type { Finding } from '../../../mesh/analysis';
import { explainError, isConnectionError, isKubeApiError, useKubeListsIn } from '../../api';
import { configPath } from '../../app/links';
import { useListPageState } from '../../app/list-page-state';
import { useCarriedSearch, useUrlList } from '../../app/url-state';
import { Badge, ErrorBanner, ListEmpty, ListPage, Table, ToggleChip, formatAge, formatListCount, useNow } from '../../ui';
import type { Column, SortState } from '../../ui';
import { FindingsBadge } from './analysis/FindingsPanel';
import { objectKey } from './analysis/findings';
import { useFindingsByObject } from './analysis/use-findings';
import { countByKind, kindLabel, labelOfKindId, matchesText, toConfigRows } from './config-rows';
import { CreateButton } from './create/CreateButton';
import type { ConfigRow } from './config-rows';
import './config.css';

const DEFAULT_SORT: SortState = { column: 'kind', descending: false };

export function ConfigListPage() {
  const list = useListPageState(DEFAULT_SORT);
  const { namespaces, text, where } = list;
  const results = useKubeListsIn(CONFIG_KINDS, namespaces);
  const [kindFilter, setKindFilter] = useUrlList('kind');
  const navigate = useNavigate();
  const search = useCarriedSearch();
  const now = useNow();
  const findings = useFindingsByObject(namespaces);

  const rows = useMemo(() => toConfigRows(CONFIG_KINDS, results.map((result) => result.items)), [results]);
  const textMatches = useMemo(() => rows.filter((row) => matchesText(row, text)), [rows, text]);
  const counts = useMemo(() => countByKind(textMatches), [textMatches]);
  const visible = useMemo(
    () => (kindFilter.length ? textMatches.filter((row) => kindFilter.includes(row.kindId)) : textMatches),
    [textMatches, kindFilter],
  );

  const notInstalled = CONFIG_KINDS.filter((_, i) => isKubeApiError(results[i]?.error) && results[i]?.error?.isNotFound);
  const failures = results.flatMap((result, i) => {
    const error = result.error;
    const kind = CONFIG_KINDS[i];
    if (!error || !kind || isConnectionError(error) || (isKubeApiError(error) && error.isNotFound)) return [];
    return [{ kind, error }];
  });
  const loading = results.some((result) => result.isLoading);

  const columns = useMemo<Column<ConfigRow>[]>(
    () => [
      { id: 'kind', header: 'Kind', width: 170, sortValue: (row) => kindLabel(row.kind), render: (row) => kindLabel(row.kind) },
      { id: 'namespace', header: 'Namespace', width: 130, sortValue: (row) => row.namespace, render: (row) => row.namespace },
      {
        id: 'name',
        header: 'Name',
        width: 180,
        grow: 1,
        sortValue: (row) => row.name,
        render: (row) => (
          <Link to={`${configPath(row.kind, row.namespace, row.name)}${search}`} className="config-name">
            {row.name}
          </Link>
        ),
      },
      {
        id: 'age',
        header: 'Age',
        width: 56,
        align: 'end',
        sortValue: (row) => (row.created ? -Date.parse(row.created) : undefined),
        render: (row) => formatAge(row.created, now),
      },
      {
        id: 'findings',
        header: 'Analysis',
        width: 92,
        sortValue: (row) => findingsOf(findings, row)?.length ?? 0,
        render: (row) => <FindingsBadge findings={findingsOf(findings, row)} />,
      },
      {
        id: 'summary',
        header: 'Summary',
        width: 260,
        grow: 2,
        sortValue: (row) => `${row.summary.badge?.label ?? ''} ${row.summary.text}`,
        render: (row) => (
          <span className="config-summary" title={row.summary.text}>
            {row.summary.badge ? <Badge tone={row.summary.badge.tone}>{row.summary.badge.label}</Badge> : null}
            <span className="config-summary-text">{row.summary.text}</span>
          </span>
        ),
      },
    ],
    [now, search, findings],
  );

  const toggleKind = (id: string) =>
    setKindFilter(kindFilter.includes(id) ? kindFilter.filter((k) => k !== id) : [...kindFilter, id], { replace: true });
  const filtered = Boolean(text || kindFilter.length);

  return (
    <ListPage
      title="Istio Config"
      meta={loading && rows.length === 0 ? undefined : formatListCount(visible.length, rows.length, 'objects', filtered)}
      filter={text}
      onFilterChange={list.setText}
      filterPlaceholder="Filter by name, host…"
      actions={<CreateButton />}
      banners={failures[0] ? <ListFailures failures={failures} where={where} /> : null}
      tools={
        <div className="config-kinds" role="group" aria-label="Kinds">
          {CONFIG_KINDS.map((kind, i) => {
            const id = kindId(kind);
            const count = counts.get(id) ?? 0;
            const pressed = kindFilter.includes(id);
            const missing = notInstalled.includes(kind);
            if (!pressed && count === 0 && !missing) return null;
            if (missing && !pressed) return null;
            return (
              <ToggleChip
                key={id}
                pressed={pressed}
                count={results[i]?.isLoading ? undefined : count}
                muted={missing}
                title={missing ? `${kind.kind} is not installed in this cluster` : `Show only ${kindLabel(kind)}`}
                onToggle={() => toggleKind(id)}
              >
                {kindLabel(kind)}
              </ToggleChip>
            );
          })}
          {notInstalled.length ? (
            <span className="config-missing" title="These kinds are not served by the API server: their CRDs are not installed">
              Not installed: {notInstalled.map((kind) => kind.kind).join(', ')}
            </span>
          ) : null}
          {kindFilter.length ? (
            <button type="button" className="config-clear" onClick={() => setKindFilter([], { replace: true })}>
              Clear kinds
            </button>
          ) : null}
        </div>
      }
    >
      <Table
        label="Istio configuration"
        rows={visible}
        columns={columns}
        rowKey={rowKey}
        sort={list.sort}
        onSortChange={list.onSortChange}
        onActivate={(row) => navigate(`${configPath(row.kind, row.namespace, row.name)}${search}`)}
        empty={
          <ListEmpty
            noun="objects"
            where={where}
            loading={loading && rows.length === 0}
            failed={failures.length > 0 || results.some((result) => isConnectionError(result.error))}
            filter={[text, ...kindFilter.map(labelOfKindId)].filter(Boolean).join(' · ')}
            onClearFilter={() => {
              list.setText('');
              setKindFilter([], { replace: true });
            }}
            filterHint="The text filter looks at names, namespaces and summaries (hosts, actions, modes, parents)."
            emptyHint={
              <>
                VirtualServices, DestinationRules, Gateways, policies and routes appear here as soon as they are applied, for
                example with <code className="inline-code">kubectl apply -f</code>.
              </>
            }
          />
        }
      />
    </ListPage>
  );
}

const rowKey = (row: ConfigRow) => row.key;

function findingsOf(findings: ReadonlyMap<string, Finding[]> | undefined, row: ConfigRow): readonly Finding[] | undefined {
  return findings?.get(objectKey({ group: row.kind.group, kind: row.kind.kind, namespace: row.namespace || undefined, name: row.name }));
}

/** Kinds that could not be listed (RBAC, a broken CRD): the first explained, the others named. */
function ListFailures({ failures, where }: { failures: readonly { kind: KindInfo; error: Error }[]; where: string }) {
  const [first, ...others] = failures;
  if (!first) return null;
  const explanation = explainError(first.error, { action: `list ${first.kind.kind} objects in ${where}` });
  const more = others.length ? ` Also not listed: ${others.map((f) => f.kind.kind).join(', ')}.` : '';
  return <ErrorBanner {...explanation} tone="warn" detail={`${explanation.detail}${more}`} />;
}
