import { useState } from 'react';
import type { KindInfo } from '../../../../mesh/kinds';
import { explainError } from '../../../api';
import { HISTORY_LIMIT, useObjectHistory } from '../../../api/config-writes';
import type { KubeObject } from '../../../api';
import type { HistoryEntry } from '../../../api/config-writes';
import { Badge, ErrorBanner, Spinner, formatAge, useNow } from '../../../ui';
import type { Tone } from '../../../ui';
import { CompareDialog } from './CompareDialog';
import { RollbackDialog } from './RollbackDialog';
import { ACTION_LABELS, LIVE } from './versions';
import './history.css';

const ACTION_TONES: Readonly<Record<HistoryEntry['action'], Tone>> = {
  create: 'ok',
  update: 'accent',
  delete: 'danger',
  rollback: 'warn',
  observed: 'neutral',
};

type Open = { dialog: 'compare'; from: string } | { dialog: 'rollback'; entry: HistoryEntry } | undefined;

/**
 * The versions of an object recorded by any console (they live in the cluster), to compare and to
 * roll back to. `live` is absent when the object does not exist (any more): versions can then be restored.
 */
export function ConfigHistory({ kind, namespace, name, live }: { kind: KindInfo; namespace?: string; name: string; live?: KubeObject }) {
  const history = useObjectHistory({ kind, namespace, name });
  // Open by default once the object is gone: restoring it is then what the page is for.
  const [toggled, setExpanded] = useState<boolean>();
  const expanded = toggled ?? !live;
  const [open, setOpen] = useState<Open>();
  const now = useNow();
  const newestFirst = [...history.entries].reverse();
  const comparable = history.entries.length > 1 || live !== undefined;
  if (!live && !history.isLoading && newestFirst.length === 0) return null;

  return (
    <section className={`config-history${expanded ? ' is-expanded' : ''}`} aria-label="History">
      <button type="button" className="config-history-bar" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
        <span className="config-history-chevron" aria-hidden>
          {expanded ? '▾' : '▸'}
        </span>
        <strong>History</strong>
        <span className="muted">
          {history.isLoading ? <Spinner size={11} label="Loading history" /> : `${newestFirst.length} ${newestFirst.length === 1 ? 'version' : 'versions'}`}
        </span>
        <span className="config-history-hint subtle">
          Changes made through Meshdeck, kept in the cluster (last {HISTORY_LIMIT} or more), the same for every operator
        </span>
      </button>
      {expanded ? (
        <div className="config-history-body">
          {history.error ? <ErrorBanner tone="warn" {...explainError(history.error, { action: `read the history of ${name}` })} /> : null}
          {!history.isLoading && newestFirst.length === 0 ? (
            <p className="config-history-empty muted">
              No changes recorded yet. Every change made through Meshdeck (edit, apply, rollback, delete) keeps the version it replaced here.
            </p>
          ) : null}
          {newestFirst.length ? (
            <table className="config-history-table">
              <thead>
                <tr>
                  <th>Version</th>
                  <th>Change</th>
                  <th>By</th>
                  <th>When</th>
                  <th>Resource version</th>
                  <th aria-label="Actions" />
                </tr>
              </thead>
              <tbody>
                {newestFirst.map((entry) => (
                  <tr key={entry.seq}>
                    <td className="mono">#{entry.seq}</td>
                    <td>
                      <Badge tone={ACTION_TONES[entry.action]}>{ACTION_LABELS[entry.action]}</Badge>
                    </td>
                    <td>{entry.user || <span className="subtle">unknown</span>}</td>
                    <td title={entry.time ? new Date(entry.time).toLocaleString() : undefined}>
                      {entry.time ? `${formatAge(entry.time, now)} ago` : '—'}
                    </td>
                    <td className="mono">{entry.resourceVersion}</td>
                    <td>
                      {entry.omitted ? (
                        <span className="subtle">too large to keep</span>
                      ) : (
                        <div className="config-history-actions">
                          {comparable ? (
                            <button type="button" className="button" onClick={() => setOpen({ dialog: 'compare', from: String(entry.seq) })}>
                              Compare
                            </button>
                          ) : null}
                          <button type="button" className="button" onClick={() => setOpen({ dialog: 'rollback', entry })}>
                            {live ? 'Roll back to this version' : 'Restore this version'}
                          </button>
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      ) : null}
      {open?.dialog === 'compare' ? (
        <CompareDialog entries={history.entries} live={live} initialFrom={open.from} initialTo={live ? LIVE : undefined} onClose={() => setOpen(undefined)} />
      ) : null}
      {open?.dialog === 'rollback' ? <RollbackDialog kind={kind} entry={open.entry} live={live} onClose={() => setOpen(undefined)} /> : null}
    </section>
  );
}
