/**
 * The standard metrics dashboard of a workload, service or app: which charts it has and the PromQL of
 * each series family, for one direction, reporter and grouping. Every label value goes through the
 * escaping builders of promql.ts, so names read from the cluster cannot change a query.
 */

import type { IstioLabel } from './labels';
import {
  ISTIO_REQUESTS_TOTAL,
  ISTIO_REQUEST_BYTES,
  ISTIO_REQUEST_MESSAGES_TOTAL,
  ISTIO_RESPONSE_BYTES,
  ISTIO_RESPONSE_MESSAGES_TOTAL,
  ISTIO_TCP_CONNECTIONS_CLOSED_TOTAL,
  ISTIO_TCP_CONNECTIONS_OPENED_TOTAL,
  ISTIO_TCP_RECEIVED_BYTES_TOTAL,
  ISTIO_TCP_SENT_BYTES_TOTAL,
  histogramSeries,
} from './metrics';
import { errorRate, latencyAverage, latencyQuantile, requestRate, sumRate } from './promql';
import type { Direction, TrafficQuery } from './promql';
import type { TelemetryScope } from './scope';
import { serviceFqdn } from './scope';

/** Which proxy's reports to chart; "both" keeps them apart as separate series. */
export type ReporterChoice = 'source' | 'destination' | 'both';
export const REPORTER_CHOICES: readonly ReporterChoice[] = ['destination', 'source', 'both'];

export const GROUP_BYS = [
  'none',
  'local_version',
  'remote_service',
  'remote_workload',
  'response_code',
  'grpc_status',
  'response_flags',
  'security_policy',
] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

export const GROUP_BY_LABELS: Readonly<Record<GroupBy, string>> = {
  none: 'No grouping',
  local_version: 'Local version',
  remote_service: 'Remote service',
  remote_workload: 'Remote workload',
  response_code: 'Response code',
  grpc_status: 'gRPC status',
  response_flags: 'Response flags',
  security_policy: 'Security policy',
};

/** rps: requests/s; percent: 0–100; cps: events (connections, messages) per second; Bps: bytes per second. */
export type ChartUnit = 'rps' | 'percent' | 'ms' | 'bytes' | 'Bps' | 'cps';

export interface SeriesFamily {
  /** "p95", "opened"…; empty when the chart has one family. */
  readonly name: string;
  readonly promql: string;
}

export interface ChartDefinition {
  readonly id: string;
  readonly title: string;
  readonly unit: ChartUnit;
  readonly protocol: 'http' | 'grpc' | 'tcp';
  readonly families: readonly SeriesFamily[];
}

export interface DashboardRequest {
  readonly scope: TelemetryScope;
  readonly direction: Direction;
  /** Default: the proxy on the scope's side ("destination" inbound, "source" outbound). */
  readonly reporter?: ReporterChoice;
  readonly groupBy?: GroupBy;
  /** Rate window; default "1m". */
  readonly window?: string;
}

/** The label a grouping sums by; "local" and "remote" depend on the direction. */
export function groupLabel(groupBy: GroupBy, direction: Direction): IstioLabel | undefined {
  const local = direction === 'inbound' ? 'destination' : 'source';
  const remote = direction === 'inbound' ? 'source' : 'destination';
  switch (groupBy) {
    case 'none':
      return undefined;
    case 'local_version':
      return `${local}_canonical_revision`;
    case 'remote_service':
      return direction === 'inbound' ? 'source_canonical_service' : 'destination_service_name';
    case 'remote_workload':
      return `${remote}_workload`;
    case 'response_code':
      return 'response_code';
    case 'grpc_status':
      return 'grpc_response_status';
    case 'response_flags':
      return 'response_flags';
    case 'security_policy':
      return 'connection_security_policy';
  }
}

/** Why a scope has no dashboard in a direction, or undefined when it has one. */
export function dashboardUnavailableReason(scope: TelemetryScope, direction: Direction): string | undefined {
  return scope.kind === 'service' && direction === 'outbound'
    ? 'A service sends no requests of its own: outbound traffic belongs to the workloads behind it. Open one of them, or the service’s inbound metrics.'
    : undefined;
}

/** A rate window no shorter than a minute that covers at least one step, e.g. "1m" or "360s". */
export function rateWindowFor(stepSeconds: number): string {
  return stepSeconds <= 60 ? '1m' : `${Math.ceil(stepSeconds)}s`;
}

function trafficQuery(request: DashboardRequest, by: readonly IstioLabel[]): TrafficQuery {
  const { scope, direction } = request;
  const reporter = request.reporter ?? (direction === 'inbound' ? 'destination' : 'source');
  const base = {
    direction,
    reporter: reporter === 'both' ? (['source', 'destination'] as const) : reporter,
    by,
    window: request.window ?? '1m',
  };
  return scopedTraffic(scope, base);
}

/** The labels every series of the dashboard keeps: the grouping, and the reporter when both are shown. */
export function dashboardByLabels(request: DashboardRequest): IstioLabel[] {
  const label = groupLabel(request.groupBy ?? 'none', request.direction);
  const by: IstioLabel[] = request.reporter === 'both' ? ['reporter'] : [];
  if (label) by.push(label);
  return by;
}

/**
 * The dashboard's charts. Throws for a combination with no dashboard (see dashboardUnavailableReason).
 * TCP metrics carry no response code nor gRPC status; grouping TCP charts by those gives "no data".
 */
export function dashboardCharts(request: DashboardRequest): ChartDefinition[] {
  const reason = dashboardUnavailableReason(request.scope, request.direction);
  if (reason) throw new RangeError(reason);
  const by = dashboardByLabels(request);
  const q = trafficQuery(request, by);
  const rate = (metric: string) => sumRate(metric, q);
  const one = (promql: string): SeriesFamily[] => [{ name: '', promql }];
  const total = requestRate(q);
  // Zero instead of no series while there are requests but no errors, so the chart shows a flat line.
  const errors = `(${errorRate(q)} or (0 * ${total}))`;
  const requestBytes = histogramSeries(ISTIO_REQUEST_BYTES);
  const responseBytes = histogramSeries(ISTIO_RESPONSE_BYTES);
  return [
    { id: 'requests', title: 'Request volume', unit: 'rps', protocol: 'http', families: one(rate(ISTIO_REQUESTS_TOTAL)) },
    { id: 'errors', title: 'Error rate (5xx)', unit: 'percent', protocol: 'http', families: one(`100 * ${errors} / ${total}`) },
    {
      id: 'duration',
      title: 'Request duration',
      unit: 'ms',
      protocol: 'http',
      families: [
        { name: 'avg', promql: latencyAverage(q) },
        { name: 'p50', promql: latencyQuantile(0.5, q) },
        { name: 'p95', promql: latencyQuantile(0.95, q) },
        { name: 'p99', promql: latencyQuantile(0.99, q) },
      ],
    },
    { id: 'request-size', title: 'Request size (average)', unit: 'bytes', protocol: 'http', families: one(`${rate(requestBytes.sum)} / ${rate(requestBytes.count)}`) },
    { id: 'response-size', title: 'Response size (average)', unit: 'bytes', protocol: 'http', families: one(`${rate(responseBytes.sum)} / ${rate(responseBytes.count)}`) },
    { id: 'request-throughput', title: 'Request throughput', unit: 'Bps', protocol: 'http', families: one(rate(requestBytes.sum)) },
    { id: 'response-throughput', title: 'Response throughput', unit: 'Bps', protocol: 'http', families: one(rate(responseBytes.sum)) },
    {
      id: 'tcp-connections',
      title: 'TCP connections',
      unit: 'cps',
      protocol: 'tcp',
      families: [
        { name: 'opened', promql: rate(ISTIO_TCP_CONNECTIONS_OPENED_TOTAL) },
        { name: 'closed', promql: rate(ISTIO_TCP_CONNECTIONS_CLOSED_TOTAL) },
      ],
    },
    { id: 'tcp-sent', title: 'TCP sent', unit: 'Bps', protocol: 'tcp', families: one(rate(ISTIO_TCP_SENT_BYTES_TOTAL)) },
    { id: 'tcp-received', title: 'TCP received', unit: 'Bps', protocol: 'tcp', families: one(rate(ISTIO_TCP_RECEIVED_BYTES_TOTAL)) },
    { id: 'grpc-requests', title: 'gRPC request messages', unit: 'cps', protocol: 'grpc', families: one(rate(ISTIO_REQUEST_MESSAGES_TOTAL)) },
    { id: 'grpc-responses', title: 'gRPC response messages', unit: 'cps', protocol: 'grpc', families: one(rate(ISTIO_RESPONSE_MESSAGES_TOTAL)) },
  ];
}

/**
 * A series' legend label: its family and the values of the labels it was grouped by, e.g. "p95 · v2"
 * or "source · 503". `fallback` names an ungrouped single-family series.
 */
export function seriesLabel(family: string, metric: Readonly<Record<string, string>>, by: readonly string[], fallback: string): string {
  const parts = [family, ...by.map((label) => metric[label] ?? '(none)')].filter((part) => part !== '');
  return parts.length > 0 ? parts.join(' · ') : fallback;
}

/** Narrows a traffic query to a workload, an app (canonical service) or a service (its FQDN). */
export function scopedTraffic(scope: TelemetryScope, base: TrafficQuery): TrafficQuery {
  switch (scope.kind) {
    case 'workload':
      return { ...base, namespace: scope.namespace, workload: scope.name };
    case 'app':
      return { ...base, namespace: scope.namespace, app: scope.name };
    case 'service':
      return { ...base, service: serviceFqdn(scope.namespace, scope.name) };
  }
}
