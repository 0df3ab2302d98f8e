import { useCallback, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { findKind } from '../../../mesh/kinds';
import { GROUP_BYS, GROUP_BY_LABELS, REPORTER_CHOICES, dashboardUnavailableReason } from '../../../mesh/telemetry/dashboards';
import type { GroupBy, ReporterChoice } from '../../../mesh/telemetry/dashboards';
import { jaegerServiceName } from '../../../mesh/telemetry/scope';
import type { TelemetryScope } from '../../../mesh/telemetry/scope';
import { appOf, deploymentView, useKubeList, viewsOf } from '../../api';
import { tracesPath } from '../../app/links';
import { useTimeWindow } from '../../app/time-window';
import { EmptyState, ErrorBanner, Select, Spinner, useNow } from '../../ui';
import { TimeSeriesChart, unitFormatter } from '../../ui/charts';
import type { LabelledSeries } from './chart-series';
import { useDashboardOptions } from './dashboard-options';
import { describePrometheusProblem } from './prometheus-problem';
import { useDashboardData } from './use-dashboard-data';
import type { ChartData } from './use-dashboard-data';
import './metrics.css';

const DEPLOYMENT = findKind('apps', 'Deployment')!;
const GROUP_OPTIONS = GROUP_BYS.map((value) => ({ value, label: GROUP_BY_LABELS[value] }));
const REPORTER_LABELS: Record<ReporterChoice, string> = { destination: 'Reported by destination', source: 'Reported by source', both: 'Both reporters' };
const REPORTER_OPTIONS = REPORTER_CHOICES.map((value) => ({ value, label: REPORTER_LABELS[value] }));
/** How far either side of a clicked point the trace search looks. */
const TRACE_MARGIN_SECONDS = 60;

export interface MetricsDashboardProps {
  readonly scope: TelemetryScope;
  readonly direction: 'inbound' | 'outbound';
}

/** Istio's standard charts for one workload, service or app in one direction, over the global time window. */
export function MetricsDashboard({ scope, direction }: MetricsDashboardProps) {
  const options = useDashboardOptions(direction);
  const reason = dashboardUnavailableReason(scope, direction);
  const toolbar = (
    <>
      <Select<GroupBy> label="Group by" value={options.groupBy} options={GROUP_OPTIONS} onChange={options.setGroupBy} />
      <Select<ReporterChoice> label="Reporter" value={options.reporter} options={REPORTER_OPTIONS} onChange={options.setReporter} />
    </>
  );
  return (
    <section className="metrics-dashboard" aria-label={`${direction === 'inbound' ? 'Inbound' : 'Outbound'} metrics of ${scope.name}`}>
      {reason ? (
        <>
          <div className="metrics-toolbar">{toolbar}</div>
          <EmptyState title="No outbound metrics for a service">{reason}</EmptyState>
        </>
      ) : (
        <DashboardCharts scope={scope} direction={direction} groupBy={options.groupBy} reporter={options.reporter} toolbar={toolbar} />
      )}
    </section>
  );
}

function DashboardCharts({
  scope,
  direction,
  groupBy,
  reporter,
  toolbar,
}: MetricsDashboardProps & { groupBy: GroupBy; reporter: ReporterChoice; toolbar: ReactNode }) {
  const { window, setAbsolute } = useTimeWindow();
  const request = useMemo(() => ({ scope, direction, groupBy, reporter }), [scope, direction, groupBy, reporter]);
  const data = useDashboardData(request, window);
  const navigate = useNavigate();
  const canonical = useCanonicalService(scope);
  const syncKey = `metrics:${scope.kind}:${scope.namespace}:${scope.name}:${direction}`;
  const xRange = useMemo(() => [window.start.getTime() / 1000, window.end.getTime() / 1000] as const, [window.start, window.end]);
  const onZoom = useCallback((start: number, end: number) => setAbsolute(new Date(start * 1000), new Date(end * 1000)), [setAbsolute]);
  const openTraces = useCallback(
    (time: number, series: LabelledSeries | undefined) => {
      const code = series?.metric.response_code;
      const margin = Math.max(TRACE_MARGIN_SECONDS, window.stepSeconds);
      navigate(
        tracesPath({
          service: jaegerServiceName(canonical, scope.namespace),
          tags: code ? { 'http.status_code': code } : undefined,
          start: new Date((time - margin) * 1000),
          end: new Date((time + margin) * 1000),
        }),
      );
    },
    [navigate, canonical, scope.namespace, window.stepSeconds],
  );
  const problem = data.error ? describePrometheusProblem(data.error) : undefined;
  return (
    <>
      <div className="metrics-toolbar">
        {toolbar}
        {data.fetching ? <WaitingForPrometheus /> : null}
      </div>
      {problem ? <ErrorBanner title={problem.title} detail={problem.detail} hint={problem.hint} tone="warn" /> : null}
      <div className="metrics-grid">
        {data.charts.map((chart) => (
          <MetricChart
            key={chart.chart.id}
            data={chart}
            failed={Boolean(problem)}
            xRange={xRange}
            syncKey={syncKey}
            onZoom={onZoom}
            onOpenTraces={openTraces}
          />
        ))}
      </div>
    </>
  );
}

function MetricChart({
  data,
  failed,
  xRange,
  syncKey,
  onZoom,
  onOpenTraces,
}: {
  data: ChartData;
  /** Prometheus is failing: an empty chart says so rather than "loading". */
  failed: boolean;
  xRange: readonly [number, number];
  syncKey: string;
  onZoom: (start: number, end: number) => void;
  onOpenTraces: (time: number, series: LabelledSeries | undefined) => void;
}) {
  const { chart, series, loading } = data;
  const formatValue = useMemo(() => unitFormatter(chart.unit), [chart.unit]);
  const onPointClick = useCallback(
    (time: number, label: string) => onOpenTraces(time, series.find((s) => s.label === label)),
    [onOpenTraces, series],
  );
  return (
    <figure className="metrics-chart" data-chart={chart.id}>
      <figcaption>
        <span className="metrics-chart-title">{chart.title}</span>
        {chart.protocol !== 'http' ? <span className="metrics-chart-protocol">{chart.protocol === 'tcp' ? 'TCP' : 'gRPC'}</span> : null}
      </figcaption>
      <TimeSeriesChart
        title={chart.title}
        series={series}
        formatValue={formatValue}
        xRange={xRange}
        syncKey={syncKey}
        onZoom={onZoom}
        onPointClick={onPointClick}
        loading={loading && !failed}
        emptyMessage={failed ? 'No data: Prometheus did not answer' : emptyMessage(chart.protocol)}
      />
    </figure>
  );
}

function emptyMessage(protocol: 'http' | 'grpc' | 'tcp'): string {
  if (protocol === 'tcp') return 'No TCP traffic in this window';
  if (protocol === 'grpc') return 'No gRPC traffic in this window';
  return 'No requests in this window';
}

/** Mounted when a fetch starts, so its own start time is the fetch's. */
function WaitingForPrometheus() {
  const [since] = useState(() => Date.now());
  const now = useNow(1_000);
  const seconds = Math.max(0, Math.round((now - since) / 1000));
  if (seconds < 1) return null;
  return (
    <span className="metrics-waiting" role="status">
      <Spinner label="Waiting for Prometheus" size={12} /> Waiting for Prometheus ({seconds} s)
    </span>
  );
}

/** The Jaeger service name's first half: a workload's canonical service comes from its pod labels. */
function useCanonicalService(scope: TelemetryScope): string {
  const deployments = useKubeList(DEPLOYMENT, scope.namespace, { enabled: scope.kind === 'workload' });
  return useMemo(() => {
    if (scope.kind !== 'workload') return scope.name;
    const deployment = viewsOf(deployments.items, deploymentView).find((d) => d.name === scope.name);
    return (deployment && (appOf(deployment.templateLabels) ?? appOf(deployment.labels))) ?? scope.name;
  }, [scope, deployments.items]);
}
