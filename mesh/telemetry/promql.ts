/**
 * Small, typed PromQL builders over Istio's standard metrics, as the console queries them. Label values
 * are escaped; windows and quantiles are validated (invalid ones throw, as they are programming errors).
 */

import type { IstioLabel, Reporter } from './labels';
import {
  ISTIO_REQUESTS_TOTAL,
  ISTIO_REQUEST_DURATION_MILLISECONDS,
  ISTIO_TCP_RECEIVED_BYTES_TOTAL,
  ISTIO_TCP_SENT_BYTES_TOTAL,
  histogramSeries,
} from './metrics';

/** A PromQL string literal: double-quoted, with backslash, quote and line breaks escaped. */
export function promString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"`;
}

/** Escapes RE2 metacharacters so a literal value can sit inside a =~ matcher. */
export function regexLiteral(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const DURATION = /^(\d+(ms|s|m|h|d|w|y))+$/;
const UNIT_SECONDS: Readonly<Record<string, number>> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800, y: 31536000 };

/** Validates a PromQL range duration such as "1m", "90s" or "1h30m". */
export function promDuration(window: string): string {
  if (!DURATION.test(window)) throw new RangeError(`not a PromQL duration: ${JSON.stringify(window)}`);
  return window;
}

/** Seconds in a PromQL duration. */
export function promDurationSeconds(window: string): number {
  let total = 0;
  for (const m of promDuration(window).matchAll(/(\d+)(ms|s|m|h|d|w|y)/g)) total += Number(m[1]) * (UNIT_SECONDS[m[2] ?? 's'] ?? 0);
  return total;
}

export type MatchOp = '=' | '!=' | '=~' | '!~';

export interface LabelMatcher {
  readonly label: IstioLabel;
  readonly op: MatchOp;
  /** For =~ and !~ this is an RE2 regex, used as is. */
  readonly value: string;
}

export function matcherText(m: LabelMatcher): string {
  return `${m.label}${m.op}${promString(m.value)}`;
}

export function selectorText(matchers: readonly LabelMatcher[]): string {
  return `{${matchers.map(matcherText).join(',')}}`;
}

/** Which side of the request `namespace`, `workload`, `app` and `service` filter on. */
export type Direction = 'inbound' | 'outbound';

export interface TrafficQuery {
  /** Default "inbound": the destination side, reported by the destination proxy. */
  readonly direction?: Direction;
  /** Default: "destination" for inbound, "source" for outbound. Several: a regex over them. */
  readonly reporter?: Reporter | readonly Reporter[];
  /** Workload namespace on the chosen side. */
  readonly namespace?: string;
  readonly workload?: string;
  /** Canonical service (app) on the chosen side. */
  readonly app?: string;
  /** Destination service FQDN (destination_service), whatever the direction. */
  readonly service?: string;
  /** Further matchers, appended after the ones above. */
  readonly matchers?: readonly LabelMatcher[];
  /** Labels to keep in the result. */
  readonly by?: readonly IstioLabel[];
  /** Rate window; default "1m". */
  readonly window?: string;
}

function reporterMatcher(reporter: Reporter | readonly Reporter[]): LabelMatcher {
  return typeof reporter === 'string'
    ? { label: 'reporter', op: '=', value: reporter }
    : { label: 'reporter', op: '=~', value: reporter.map(regexLiteral).join('|') };
}

/** The matchers a TrafficQuery stands for, in a stable order. */
export function trafficMatchers(q: TrafficQuery): LabelMatcher[] {
  const inbound = (q.direction ?? 'inbound') === 'inbound';
  const side = inbound ? 'destination' : 'source';
  const out: LabelMatcher[] = [reporterMatcher(q.reporter ?? (inbound ? 'destination' : 'source'))];
  if (q.namespace !== undefined) out.push({ label: `${side}_workload_namespace`, op: '=', value: q.namespace });
  if (q.workload !== undefined) out.push({ label: `${side}_workload`, op: '=', value: q.workload });
  if (q.app !== undefined) out.push({ label: `${side}_canonical_service`, op: '=', value: q.app });
  if (q.service !== undefined) out.push({ label: 'destination_service', op: '=', value: q.service });
  return [...out, ...(q.matchers ?? [])];
}

function byClause(labels: readonly string[]): string {
  return labels.length === 0 ? '' : ` by (${labels.join(',')})`;
}

/** sum(rate(<metric>{…}[window])) by (…) */
export function sumRate(metric: string, q: TrafficQuery, extra: readonly LabelMatcher[] = [], by: readonly string[] = q.by ?? []): string {
  const window = promDuration(q.window ?? '1m');
  return `sum(rate(${metric}${selectorText([...trafficMatchers(q), ...extra])}[${window}]))${byClause(by)}`;
}

/** Requests per second. */
export function requestRate(q: TrafficQuery = {}): string {
  return sumRate(ISTIO_REQUESTS_TOTAL, q);
}

export interface ErrorQuery extends TrafficQuery {
  /** Count 4xx too (default: 5xx only). */
  readonly includeClientErrors?: boolean;
}

function errorMatcher(q: ErrorQuery): LabelMatcher {
  return { label: 'response_code', op: '=~', value: q.includeClientErrors ? '[45]..' : '5..' };
}

/** Failed requests per second, by HTTP status (5xx, or 4xx and 5xx). */
export function errorRate(q: ErrorQuery = {}): string {
  return sumRate(ISTIO_REQUESTS_TOTAL, q, [errorMatcher(q)]);
}

/** Share of failed requests (0–1): errorRate / requestRate over the same labels. */
export function errorRatio(q: ErrorQuery = {}): string {
  return `${errorRate(q)} / ${requestRate(q)}`;
}

/** Latency quantile in milliseconds from the duration histogram, e.g. q = 0.95. */
export function latencyQuantile(quantile: number, q: TrafficQuery = {}): string {
  if (!(quantile >= 0 && quantile <= 1)) throw new RangeError(`quantile must be within [0, 1], got ${quantile}`);
  const buckets = sumRate(histogramSeries(ISTIO_REQUEST_DURATION_MILLISECONDS).bucket, q, [], ['le', ...(q.by ?? [])]);
  return `histogram_quantile(${quantile}, ${buckets})`;
}

/** Mean latency in milliseconds: rate of the histogram sum over rate of its count. */
export function latencyAverage(q: TrafficQuery = {}): string {
  const series = histogramSeries(ISTIO_REQUEST_DURATION_MILLISECONDS);
  return `${sumRate(series.sum, q)} / ${sumRate(series.count, q)}`;
}

/** TCP bytes per second; "sent" and "received" are from the reporting proxy's point of view. */
export function tcpByteRate(direction: 'sent' | 'received', q: TrafficQuery = {}): string {
  return sumRate(direction === 'sent' ? ISTIO_TCP_SENT_BYTES_TOTAL : ISTIO_TCP_RECEIVED_BYTES_TOTAL, q);
}
