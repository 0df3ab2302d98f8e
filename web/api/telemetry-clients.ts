/**
 * The telemetry side of the adapter (Prometheus, Jaeger, proxy access logs) and its react-query hooks,
 * kept apart from index.ts so that the first page does not load it.
 */
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import { createContext, useContext, useMemo } from 'react';
import { useKubeApi } from './context';
import { JaegerClient, JaegerError } from './jaeger';
import type { TraceSearch } from './jaeger';
import type { Trace } from './jaeger-wire';
import { PrometheusClient, PrometheusError } from './prometheus';
import type { Warned } from './prometheus';
import type { QueryResult, RangeSeries } from './prometheus-wire';

export { PROXY_CONTAINER, fetchPodLog, followPodLog, readAccessLog, splitLines } from './access-log';
export type { PodLogOptions } from './access-log';
export { parseAccessLog, parseAccessLogEntry, parseAccessLogLine } from '../../mesh/telemetry/access-log';
export type { AccessLogEntry, AccessLogLine, AccessLogParseOptions } from '../../mesh/telemetry/access-log';
export { JAEGER_PROXY_PATH, JaegerClient, JaegerError, traceSearchQuery } from './jaeger';
export type { JaegerClientOptions, TraceSearch } from './jaeger';
export { parentSpanId, serviceOf, tagValue } from './jaeger-wire';
export type { KeyValue, Process, Span, SpanLog, SpanReference, TagValue, Trace } from './jaeger-wire';
export { PROMETHEUS_PROXY_PATH, PrometheusClient, PrometheusError, seriesSelector } from './prometheus';
export type { BuildInfo, LabelValuesOptions, PrometheusClientOptions, QueryOptions, RangeOptions, SeriesOptions, Warned } from './prometheus';
export type { InstantSample, Labels, QueryResult, RangeSeries } from './prometheus-wire';
export { ServiceUnreachableError, isServiceUnreachable } from './service-proxy';

/** Base URLs of Prometheus and Jaeger; each defaults to its service proxy path under the Kubernetes API. */
export interface TelemetryUrls {
  readonly prometheus?: string;
  readonly jaeger?: string;
}

/** Provide it (`<TelemetryUrlsContext value={…}>`) to point the hooks somewhere other than the defaults. */
export const TelemetryUrlsContext = createContext<TelemetryUrls>({});

export interface TelemetryClients {
  readonly prometheus: PrometheusClient;
  readonly jaeger: JaegerClient;
}

export function useTelemetryClients(): TelemetryClients {
  const { client } = useKubeApi();
  const { prometheus, jaeger } = useContext(TelemetryUrlsContext);
  return useMemo(
    () => ({
      prometheus: new PrometheusClient(client.transport, { baseUrl: prometheus }),
      jaeger: new JaegerClient(client.transport, { baseUrl: jaeger }),
    }),
    [client, prometheus, jaeger],
  );
}

export interface TelemetryQueryOptions {
  enabled?: boolean;
  /** Poll every n ms (live dashboards). */
  refetchIntervalMs?: number;
}

/** Retrying helps against an outage, never against a query or parameter the server rejected. */
function retry(failures: number, error: Error): boolean {
  if (error instanceof PrometheusError && (error.errorType === 'bad_data' || error.errorType === 'execution')) return false;
  if (error instanceof JaegerError && error.httpStatus >= 400 && error.httpStatus < 500) return false;
  return failures < 2;
}

function common(options: TelemetryQueryOptions) {
  return {
    enabled: options.enabled ?? true,
    refetchInterval: options.refetchIntervalMs ?? false,
    retry,
    placeholderData: keepPreviousData,
  } as const;
}

/** An instant PromQL query, at `time` or now. */
export function usePromQuery(
  promql: string,
  options: TelemetryQueryOptions & { time?: Date } = {},
): UseQueryResult<Warned<QueryResult>> {
  const { prometheus } = useTelemetryClients();
  const time = options.time?.getTime();
  return useQuery({
    queryKey: ['prometheus', 'query', prometheus.baseUrl, promql, time ?? null],
    queryFn: ({ signal }) => prometheus.query(promql, { time: time === undefined ? undefined : new Date(time), signal }),
    ...common(options),
  });
}

/** A PromQL range query over [start, end] every `stepSeconds`. */
export function usePromRange(
  promql: string,
  range: { start: Date; end: Date; stepSeconds: number },
  options: TelemetryQueryOptions = {},
): UseQueryResult<Warned<readonly RangeSeries[]>> {
  const { prometheus } = useTelemetryClients();
  const start = range.start.getTime();
  const end = range.end.getTime();
  const { stepSeconds } = range;
  return useQuery({
    queryKey: ['prometheus', 'range', prometheus.baseUrl, promql, start, end, stepSeconds],
    queryFn: ({ signal }) => prometheus.queryRange(promql, { start: new Date(start), end: new Date(end), stepSeconds, signal }),
    ...common(options),
  });
}

/**
 * Several range queries over the same window at once (a dashboard's charts), one result per query, in
 * order. `failedRefetchIntervalMs` polls a query that failed, so the dashboard recovers by itself.
 */
export function usePromRanges(
  promqls: readonly string[],
  range: { start: Date; end: Date; stepSeconds: number },
  options: TelemetryQueryOptions & { failedRefetchIntervalMs?: number } = {},
): UseQueryResult<Warned<readonly RangeSeries[]>>[] {
  const { prometheus } = useTelemetryClients();
  const start = range.start.getTime();
  const end = range.end.getTime();
  const { stepSeconds } = range;
  return useQueries({
    queries: promqls.map((promql) => ({
      queryKey: ['prometheus', 'range', prometheus.baseUrl, promql, start, end, stepSeconds],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        prometheus.queryRange(promql, { start: new Date(start), end: new Date(end), stepSeconds, signal }),
      ...common(options),
      refetchInterval: (query: { state: { status: string } }) =>
        query.state.status === 'error' && options.failedRefetchIntervalMs ? options.failedRefetchIntervalMs : (options.refetchIntervalMs ?? false),
    })),
  });
}

export function useTraceSearch(search: Omit<TraceSearch, 'signal'>, options: TelemetryQueryOptions = {}): UseQueryResult<readonly Trace[]> {
  const { jaeger } = useTelemetryClients();
  const { start, end, ...rest } = search;
  const startMs = start?.getTime();
  const endMs = end?.getTime();
  return useQuery({
    queryKey: ['jaeger', 'traces', jaeger.baseUrl, rest, startMs ?? null, endMs ?? null],
    queryFn: ({ signal }) =>
      jaeger.searchTraces({
        ...rest,
        start: startMs === undefined ? undefined : new Date(startMs),
        end: endMs === undefined ? undefined : new Date(endMs),
        signal,
      }),
    ...common(options),
  });
}

/** One trace by ID; traces do not change once complete, so it is fetched once. */
export function useTrace(traceId: string | undefined, options: Pick<TelemetryQueryOptions, 'enabled'> = {}): UseQueryResult<Trace> {
  const { jaeger } = useTelemetryClients();
  return useQuery({
    queryKey: ['jaeger', 'trace', jaeger.baseUrl, traceId ?? ''],
    queryFn: ({ signal }) => jaeger.trace(traceId ?? '', signal),
    enabled: (options.enabled ?? true) && Boolean(traceId),
    staleTime: Infinity,
    retry,
  });
}
