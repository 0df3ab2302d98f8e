import { Link } from 'react-router';
import { configPath, detailPath, topologyPath, tracesPath } from '../../app/links';
import { useCarriedSearch } from '../../app/url-state';
import { Badge, LabelList, PodList, StatusDot } from '../../ui';
import { formatPort } from '../services';
import { DataplaneBadge, PodsReady } from '../workloads';
import type { AppliedConfig } from './applies';
import { HealthCard } from './HealthCard';
import { proxyStatus } from './proxy-status';
import type { DetailSubject } from './subject';
import type { SubjectHealth } from './use-subject-health';
import { jaegerServiceName } from '../../../mesh/telemetry/scope';
import { appNodeId, serviceNodeId, workloadNodeId } from '../../../mesh/topology/ids';

export interface OverviewTabProps {
  readonly subject: DetailSubject;
  readonly applied: readonly AppliedConfig[];
  readonly configError: Error | null;
  readonly health: SubjectHealth;
}

function Card({ title, count, children, wide }: { title: string; count?: number; children: React.ReactNode; wide?: boolean }) {
  return (
    <section className={`detail-card${wide ? ' is-wide' : ''}`} aria-label={title}>
      <h2 className="detail-card-title">
        {title}
        {count !== undefined ? <span className="panel-section-count">{count}</span> : null}
      </h2>
      {children}
    </section>
  );
}

export function topologyFocus(subject: DetailSubject): string {
  if (subject.kind === 'workload') return workloadNodeId(subject.namespace, subject.name);
  if (subject.kind === 'service') return serviceNodeId(subject.namespace, subject.name);
  return appNodeId(subject.namespace, subject.name);
}

export function OverviewTab({ subject, applied, configError, health }: OverviewTabProps) {
  const search = useCarriedSearch();
  const workloadByPod = new Map(subject.workloads.flatMap((w) => w.pods.map((p) => [p.name, w] as const)));
  return (
    <div className="detail-grid">
      <HealthCard health={health} />
      <Card title="Proxy status" count={subject.pods.length}>
        {subject.pods.length === 0 ? (
          <span className="subtle">No pods</span>
        ) : (
          <ul className="detail-list">
            {subject.pods.map((pod) => {
              const status = proxyStatus(pod, workloadByPod.get(pod.name)?.dataplane ?? 'unknown');
              return (
                <li key={pod.name}>
                  <span className="mono detail-pod-name">{pod.name}</span>
                  <StatusDot tone={status.tone}>{status.text}</StatusDot>
                  {status.version ? <span className="subtle">{status.version}</span> : null}
                </li>
              );
            })}
          </ul>
        )}
      </Card>
      <Card title="Config that applies" count={applied.length}>
        {configError ? <div className="detail-inline-error">Some Istio config could not be read: {configError.message}</div> : null}
        {applied.length === 0 ? (
          <span className="subtle">No VirtualService, DestinationRule, route or policy applies to it.</span>
        ) : (
          <ul className="detail-list">
            {applied.map((c) => (
              <li key={`${c.kind.plural}.${c.kind.group}/${c.namespace}/${c.name}`}>
                <Badge tone="accent">{c.kind.kind}</Badge>
                <Link to={`${configPath(c.kind, c.namespace, c.name)}${search}`}>
                  {c.namespace === subject.namespace ? c.name : `${c.namespace}/${c.name}`}
                </Link>
                <span className="subtle">{c.how}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title="Related">
        <ul className="detail-list">
          {subject.kind !== 'workload'
            ? subject.workloads.map((w) => (
                <li key={w.key}>
                  <Badge>Workload</Badge>
                  <Link to={`${detailPath('workload', w.namespace, w.name)}${search}`}>{w.name}</Link>
                  <PodsReady workload={w} />
                  <DataplaneBadge workload={w} />
                </li>
              ))
            : null}
          {subject.kind !== 'service'
            ? subject.services.map((s) => (
                <li key={s.name}>
                  <Badge>Service</Badge>
                  <Link to={`${detailPath('service', s.namespace, s.name)}${search}`}>{s.name}</Link>
                  <span className="subtle mono">{s.ports.map(formatPort).join(', ')}</span>
                </li>
              ))
            : null}
          {subject.kind !== 'app' && subject.app ? (
            <li>
              <Badge>App</Badge>
              <Link to={`${detailPath('app', subject.namespace, subject.app)}${search}`}>{subject.app}</Link>
            </li>
          ) : null}
          <li>
            <Link to={topologyPath({ focus: topologyFocus(subject), namespaces: [subject.namespace] })}>Show in topology</Link>
            {subject.app ? (
              <>
                {' · '}
                <Link to={tracesPath({ service: jaegerServiceName(subject.app, subject.namespace) })}>Search its traces</Link>
              </>
            ) : null}
          </li>
        </ul>
      </Card>
      <Card title="Labels" count={Object.keys(subject.labels).length}>
        <LabelList labels={subject.labels} />
      </Card>
      <Card title="Pods" count={subject.pods.length} wide>
        <PodList pods={subject.pods} />
      </Card>
    </div>
  );
}
