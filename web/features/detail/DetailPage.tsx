import { Suspense, lazy } from 'react';
import { Link, useParams } from 'react-router';
import type { TelemetryScope } from '../../../mesh/telemetry/scope';
import { explainError } from '../../api';
import type { DetailKind, DetailTab } from '../../app/links';
import { useCarriedSearch, useUrlParam } from '../../app/url-state';
import { Badge, EmptyState, ErrorBanner, LoadingPane, Page, StatusDot } from '../../ui';
import { DetailTabs, parseTab } from './DetailTabs';
import { HEALTH_TEXT, HEALTH_TONE, TelemetryProblem } from './HealthCard';
import { LogsTab } from './LogsTab';
import { OverviewTab } from './OverviewTab';
import type { DetailSubject } from './subject';
import { useDetailSubject } from './use-detail-subject';
import { useSubjectHealth } from './use-subject-health';
import type { SubjectHealth } from './use-subject-health';
import './detail.css';

// Charts and the trace views load with their tab, not with the page.
const MetricsDashboard = lazy(() => import('./telemetry-panels').then((m) => ({ default: m.MetricsDashboard })));
const TracesPanel = lazy(() => import('./telemetry-panels').then((m) => ({ default: m.TracesPanel })));

const KIND_TEXT: Readonly<Record<DetailKind, string>> = { workload: 'Workload', service: 'Service', app: 'App' };
const LIST_PATH: Readonly<Record<DetailKind, string>> = { workload: '/workloads', service: '/services', app: '/workloads' };

/** A workload's, service's or app's page: overview, metrics both ways, traces and logs, one tab each. */
export function DetailPage({ kind }: { kind: DetailKind }) {
  const { namespace = '', name = '' } = useParams();
  // Remounting per subject resets the tabs' own state when a link leads to another workload.
  return <DetailView key={`${kind}/${namespace}/${name}`} kind={kind} namespace={namespace} name={name} />;
}

function DetailView({ kind, namespace, name }: { kind: DetailKind; namespace: string; name: string }) {
  const { subject, applied, isLoading, error, configError } = useDetailSubject(kind, namespace, name);
  const [tabParam, setTabParam] = useUrlParam('tab');
  const tab = parseTab(kind, tabParam);
  const scope: TelemetryScope = { kind, namespace, name };
  const health = useSubjectHealth(scope);
  const search = useCarriedSearch();
  const back = `${LIST_PATH[kind]}${search}`;

  let body: React.ReactNode;
  if (error && !subject) {
    body = <ErrorBanner {...explainError(error, { action: `read ${KIND_TEXT[kind].toLowerCase()} ${name} in ${namespace}` })} />;
  } else if (!subject && isLoading) {
    body = <LoadingPane label={`Loading ${name}…`} />;
  } else if (!subject) {
    body = (
      <EmptyState title={`No ${KIND_TEXT[kind].toLowerCase()} ${name} in ${namespace}`} action={<Link to={back}>Back to the {LIST_PATH[kind].slice(1)}</Link>}>
        It may have been deleted or renamed, or the link has a typo.
      </EmptyState>
    );
  } else {
    body = (
      <>
        <DetailTabs kind={kind} current={tab} onSelect={(next) => setTabParam(next === 'overview' ? '' : next)} />
        <div className="detail-body" role="tabpanel" id="detail-tabpanel" aria-labelledby={`detail-tab-${tab}`}>
          <TabContent tab={tab} subject={subject} scope={scope} health={health} applied={applied} configError={configError} />
        </div>
      </>
    );
  }

  return (
    <Page>
      <header className="detail-header">
        <Link className="detail-back" to={back}>
          ← {kind === 'service' ? 'Services' : 'Workloads'}
        </Link>
        <h1 className="page-title">{name}</h1>
        <Badge tone="accent">{KIND_TEXT[kind]}</Badge>
        <span className="subtle">in {namespace}</span>
        {subject ? <HeaderHealth health={health} subject={subject} /> : null}
      </header>
      {body}
    </Page>
  );
}

function HeaderHealth({ health, subject }: { health: SubjectHealth; subject: DetailSubject }) {
  const unready = subject.pods.filter((p) => !p.ready).length;
  if (health.error) return <StatusDot tone="neutral" title="Prometheus did not answer">Health unknown</StatusDot>;
  if (!health.summary) return null;
  const traffic = health.summary.health;
  if (unready > 0 && traffic !== 'failure') {
    return <StatusDot tone="warn" title={`${unready} of ${subject.pods.length} pods not ready`}>{`${unready} pod${unready > 1 ? 's' : ''} not ready`}</StatusDot>;
  }
  return (
    <span aria-label={`Health: ${HEALTH_TEXT[traffic]}`}>
      <StatusDot tone={HEALTH_TONE[traffic]}>{HEALTH_TEXT[traffic]}</StatusDot>
    </span>
  );
}

function TabContent({
  tab,
  subject,
  scope,
  health,
  applied,
  configError,
}: {
  tab: DetailTab;
  subject: DetailSubject;
  scope: TelemetryScope;
  health: SubjectHealth;
  applied: Parameters<typeof OverviewTab>[0]['applied'];
  configError: Error | null;
}) {
  switch (tab) {
    case 'overview':
      return <OverviewTab subject={subject} applied={applied} configError={configError} health={health} />;
    case 'inbound':
    case 'outbound':
      return (
        <>
          {health.error ? <TelemetryProblem service="Prometheus" error={health.error} /> : null}
          <Suspense fallback={<LoadingPane label="Loading the charts…" />}>
            <MetricsDashboard scope={scope} direction={tab} />
          </Suspense>
        </>
      );
    case 'traces':
      return (
        <Suspense fallback={<LoadingPane label="Loading the trace search…" />}>
          <TracesPanel scope={scope} />
        </Suspense>
      );
    case 'logs':
      return <LogsTab subject={subject} />;
  }
}
