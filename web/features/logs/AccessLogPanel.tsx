import { useEffect, useMemo, useRef, useState } from 'react';
import { explainError } from '../../api';
import type { PodView } from '../../api';
import { PROXY_CONTAINER } from '../../api/telemetry-clients';
import { useTimeWindow } from '../../app/time-window';
import { EmptyState, ErrorBanner, LoadingPane, Spinner, formatCount, plural } from '../../ui';
import { useWorkloads } from '../workloads';
import type { Workload } from '../workloads';
import type { AccessLogPanelProps } from './index';
import { compileFilter, countFlags, statusClassOf } from './log-filter';
import type { StatusClass } from './log-filter';
import { LogFilters } from './LogFilters';
import { LogList } from './LogList';
import { useLogFilter } from './use-log-filter';
import { usePodLogs } from './use-pod-logs';
import type { PodLogState } from './use-pod-logs';
import './logs.css';

/** A workload's proxy access logs (or several workloads', merged), filtered, optionally followed. */
export function AccessLogPanel({ namespace, workload, workloads: more, initialQuery, pod }: AccessLogPanelProps) {
  const namespaces = useMemo(() => [namespace], [namespace]);
  const list = useWorkloads(namespaces);
  const names = useMemo(() => [workload, ...(more ?? [])].filter((name, i, all) => all.indexOf(name) === i), [workload, more]);
  const found = useMemo(() => list.workloads.filter((w) => names.includes(w.name)), [list.workloads, names]);

  if (found.length === 0 && list.isLoading) return <LoadingPane label="Loading the workload's pods…" />;
  if (list.error) return <ErrorBanner {...explainError(list.error, { action: `list the pods of ${workload} in ${namespace}` })} />;
  if (found.length === 0) {
    return (
      <EmptyState title={`No workload ${workload} in ${namespace}`}>
        It may have been deleted or renamed. Pick another workload to read its access logs.
      </EmptyState>
    );
  }
  return <WorkloadLogs namespace={namespace} workloads={found} initialQuery={initialQuery} pod={pod} />;
}

const hasProxy = (pod: PodView) => pod.containers.some((c) => c.name === PROXY_CONTAINER);

function NoProxy({ workloads }: { workloads: readonly Workload[] }) {
  const names = workloads.map((w) => w.name).join(', ');
  if (workloads.every((w) => w.pods.length === 0)) {
    return <EmptyState title={`${names} has no pods`}>Access logs appear once its pods run.</EmptyState>;
  }
  if (workloads.some((w) => w.dataplane === 'ambient')) {
    return (
      <EmptyState title={`${names} runs in ambient mode: no sidecar, no per-pod access log`}>
        Its pods have no istio-proxy container. In ambient mode, ztunnel on each node logs the pods' connections (L4), and the
        namespace's waypoint proxy, if there is one, logs their HTTP requests: open the waypoint workload to read those.
      </EmptyState>
    );
  }
  return (
    <EmptyState title={`${names} is not in the mesh`}>
      Its pods have no istio-proxy sidecar, so no proxy writes an access log for them. Label the namespace with{' '}
      <code>istio-injection=enabled</code> and restart the pods to inject one.
    </EmptyState>
  );
}

function WorkloadLogs({
  namespace,
  workloads,
  initialQuery,
  pod,
}: {
  namespace: string;
  workloads: readonly Workload[];
  initialQuery?: string;
  pod?: string;
}) {
  const state = useLogFilter();
  const { filter, follow } = state;
  const { window, goLive } = useTimeWindow();
  const [reloadKey, setReloadKey] = useState(0);

  // The props only seed the URL, which the user then owns.
  const seeded = useRef(false);
  useEffect(() => {
    if (seeded.current) return;
    seeded.current = true;
    if (initialQuery && !filter.text) state.setText(initialQuery);
    if (pod && !filter.pod) state.setPod(pod);
  }, [initialQuery, pod, filter.text, filter.pod, state]);

  const allPods = useMemo(() => workloads.flatMap((w) => w.pods), [workloads]);
  const proxied = useMemo(() => allPods.filter(hasProxy).map((p) => p.name), [allPods]);
  const podLabel = useMemo(() => {
    const labels = new Map<string, string>();
    for (const w of workloads) {
      for (const p of w.pods) labels.set(p.name, workloads.length === 1 && p.name.startsWith(`${w.name}-`) ? p.name.slice(w.name.length + 1) : p.name);
    }
    return (name: string) => labels.get(name) ?? name;
  }, [workloads]);

  const startMs = window.start.getTime();
  const endMs = window.end.getTime();
  const logs = usePodLogs(namespace, proxied, {
    lastMs: window.live ? endMs - startMs : undefined,
    sinceMs: window.live ? undefined : startMs,
    follow: follow && window.live,
    reloadKey,
  });

  const inWindow = useMemo(() => (window.live ? logs.rows : logs.rows.filter((r) => r.timeMs >= startMs && r.timeMs <= endMs)), [logs.rows, window.live, startMs, endMs]);
  const compiled = useMemo(() => compileFilter(filter), [filter]);
  const visible = useMemo(() => (compiled.ok ? inWindow.filter(compiled.test) : inWindow), [inWindow, compiled]);
  const statusCounts = useMemo(() => {
    const counts = new Map<StatusClass, number>();
    for (const row of inWindow) {
      const cls = row.line.entry ? statusClassOf(row.line.entry.code) : undefined;
      if (cls) counts.set(cls, (counts.get(cls) ?? 0) + 1);
    }
    return counts;
  }, [inWindow]);
  const flagCounts = useMemo(() => countFlags(inWindow), [inWindow]);

  if (proxied.length === 0) return <NoProxy workloads={workloads} />;

  const states = [...logs.states];
  const loading = states.some(([, s]) => s.status === 'loading');
  const failed = states.filter((entry): entry is [string, PodLogState & { error: Error }] => entry[1].status === 'failed' && Boolean(entry[1].error));
  const following = states.filter(([, s]) => s.status === 'following').length;
  const withoutProxy = allPods.length - proxied.length;

  return (
    <div className="access-log">
      <LogFilters
        state={state}
        pods={proxied}
        podLabel={podLabel}
        statusCounts={statusCounts}
        flagCounts={flagCounts}
        regexError={compiled.ok ? undefined : compiled.error}
      />
      {failed.map(([name, s]) => {
        const explained = explainError(s.error, { action: `read the istio-proxy log of pod ${name}` });
        return <ErrorBanner key={name} tone="warn" {...explained} title={`Pod ${name}: ${explained.title}`} />;
      })}
      <div className="log-status-bar">
        <span className="log-counts" aria-live="polite">
          {formatCount(visible.length)} of {formatCount(inWindow.length)} lines · {plural(proxied.length, 'pod')}
          {withoutProxy ? ` (${plural(withoutProxy, 'pod')} without sidecar not shown)` : ''}
        </span>
        {loading ? <Spinner label="Reading logs" /> : null}
        {logs.dropped > 0 ? (
          <span className="log-dropped" role="note">
            The oldest {formatCount(logs.dropped)} lines were dropped to keep the view at {formatCount(logs.cap)} lines.
          </span>
        ) : null}
        <span className="log-actions">
          {window.live ? null : (
            <button type="button" className="button" onClick={goLive} title="Follow needs a live time window">
              Back to live
            </button>
          )}
          <button
            type="button"
            className={`button${follow && window.live ? ' is-primary' : ''}`}
            aria-pressed={follow && window.live}
            disabled={!window.live}
            onClick={() => state.setFollow(!follow)}
            title={window.live ? 'Stream new lines as the proxies write them' : 'Follow needs a live time window'}
          >
            {follow && window.live ? `Following ${following}/${proxied.length}` : 'Follow'}
          </button>
          <button type="button" className="button" onClick={() => setReloadKey((k) => k + 1)} disabled={follow && window.live}>
            Reload
          </button>
        </span>
      </div>
      <LogList
        rows={visible}
        podLabel={podLabel}
        empty={
          loading
            ? 'Reading the proxies’ logs…'
            : inWindow.length === 0
              ? 'No access-log lines in this time window.'
              : 'No line matches the filters.'
        }
      />
    </div>
  );
}
