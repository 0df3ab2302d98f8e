/**
 * The Prometheus HTTP API client (the read side the console uses), reached by default through the
 * Kubernetes service proxy with the Kubernetes client's token.
 */
import { promString } from '../../mesh/telemetry';
import { ProtocolError } from './errors';
import type { RequestInfo } from './errors';
import { asString, isRecord } from './guards';
import type { KubeTransport } from './http';
import { parseErrorBody, parseLabelSets, parseQueryResult, parseStrings, parseSuccess } from './prometheus-wire';
import type { Labels, QueryResult, RangeSeries } from './prometheus-wire';
import { ServiceProxyClient, serviceProxyPath } from './service-proxy';
import type { ServiceQuery } from './service-proxy';

export const PROMETHEUS_PROXY_PATH = serviceProxyPath('istio-system', 'prometheus', 9090);

/** Prometheus answered with an error body: a bad query (`bad_data`), a failed evaluation (`execution`), a timeout… */
export class PrometheusError extends Error {
  override readonly name = 'PrometheusError';

  constructor(
    /** Prometheus' errorType: bad_data, execution, timeout, canceled, unavailable, internal. */
    readonly errorType: string,
    message: string,
    readonly httpStatus: number,
    readonly request: RequestInfo,
  ) {
    super(message);
  }
}

export interface PrometheusClientOptions {
  /** Default: the service proxy path of istio-system/prometheus:9090 under the Kubernetes API. */
  baseUrl?: string;
}

export interface QueryOptions {
  /** Evaluation time; Prometheus' "now" when absent. */
  time?: Date;
  /** Evaluation timeout, a Prometheus duration such as "30s". */
  timeout?: string;
  signal?: AbortSignal;
}

export interface RangeOptions {
  start: Date;
  end: Date;
  /** Resolution in seconds. */
  stepSeconds: number;
  timeout?: string;
  signal?: AbortSignal;
}

export interface SeriesOptions {
  start?: Date;
  end?: Date;
  signal?: AbortSignal;
}

export interface LabelValuesOptions extends SeriesOptions {
  /** Only values of series that match one of these selectors. */
  match?: readonly string[];
}

export interface Warned<T> {
  readonly data: T;
  readonly warnings: readonly string[];
}

export interface BuildInfo {
  readonly version: string;
  readonly revision?: string;
  readonly branch?: string;
  readonly goVersion?: string;
}

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** `metric{label="value",…}` with every value escaped, so a hostile label value cannot change the query. */
export function seriesSelector(metric: string, labels: Readonly<Record<string, string>> = {}): string {
  const matchers = Object.entries(labels).map(([name, value]) => {
    if (!LABEL_NAME.test(name)) throw new RangeError(`not a Prometheus label name: ${JSON.stringify(name)}`);
    return `${name}=${promString(value)}`;
  });
  return `${metric}{${matchers.join(',')}}`;
}

function seconds(date: Date | undefined): string | undefined {
  return date === undefined ? undefined : String(date.getTime() / 1000);
}

export class PrometheusClient {
  private readonly http: ServiceProxyClient;

  constructor(transport: KubeTransport, options: PrometheusClientOptions = {}) {
    const base = options.baseUrl ?? `${transport.baseUrl}${PROMETHEUS_PROXY_PATH}`;
    this.http = new ServiceProxyClient(transport.withBaseUrl(base), 'Prometheus', readPrometheusError);
  }

  get baseUrl(): string {
    return this.http.baseUrl;
  }

  /** An instant query: a vector, scalar or string at one time. */
  async query(promql: string, options: QueryOptions = {}): Promise<Warned<QueryResult>> {
    const query = { query: promql, time: seconds(options.time), timeout: options.timeout };
    return this.result('/api/v1/query', query, options.signal);
  }

  /** A range query: one series per label set, sampled every `stepSeconds` from start to end. */
  async queryRange(promql: string, options: RangeOptions): Promise<Warned<readonly RangeSeries[]>> {
    if (!(options.stepSeconds > 0)) throw new RangeError(`step must be positive, got ${options.stepSeconds}`);
    const query = {
      query: promql,
      start: seconds(options.start),
      end: seconds(options.end),
      step: String(options.stepSeconds),
      timeout: options.timeout,
    };
    const { data, warnings } = await this.result('/api/v1/query_range', query, options.signal);
    if (data.resultType !== 'matrix') throw this.protocolError('/api/v1/query_range', `a ${data.resultType} instead of a matrix`);
    return { data: data.result, warnings };
  }

  /** Label sets of the series matching any of the selectors (see seriesSelector). */
  async series(match: readonly string[], options: SeriesOptions = {}): Promise<readonly Labels[]> {
    if (match.length === 0) throw new RangeError('series needs at least one selector');
    const query = { 'match[]': match, start: seconds(options.start), end: seconds(options.end) };
    return this.parsed('/api/v1/series', query, options.signal, parseLabelSets, 'a list of label sets');
  }

  async labelNames(options: LabelValuesOptions = {}): Promise<readonly string[]> {
    const query = { 'match[]': options.match, start: seconds(options.start), end: seconds(options.end) };
    return this.parsed('/api/v1/labels', query, options.signal, parseStrings, 'a list of label names');
  }

  async labelValues(label: string, options: LabelValuesOptions = {}): Promise<readonly string[]> {
    if (!LABEL_NAME.test(label)) throw new RangeError(`not a Prometheus label name: ${JSON.stringify(label)}`);
    const query = { 'match[]': options.match, start: seconds(options.start), end: seconds(options.end) };
    return this.parsed(`/api/v1/label/${label}/values`, query, options.signal, parseStrings, 'a list of label values');
  }

  async buildInfo(signal?: AbortSignal): Promise<BuildInfo> {
    const parse = (data: unknown): BuildInfo | undefined => {
      const version = isRecord(data) ? asString(data.version) : undefined;
      if (!isRecord(data) || version === undefined) return undefined;
      return { version, revision: asString(data.revision), branch: asString(data.branch), goVersion: asString(data.goVersion) };
    };
    return this.parsed('/api/v1/status/buildinfo', {}, signal, parse, 'build information');
  }

  private async result(path: string, query: ServiceQuery, signal?: AbortSignal): Promise<Warned<QueryResult>> {
    const { data, warnings } = await this.success(path, query, signal);
    const result = parseQueryResult(data);
    if (!result) throw this.protocolError(path, 'a result that is not a vector, matrix, scalar or string');
    return { data: result, warnings };
  }

  private async parsed<T>(
    path: string,
    query: ServiceQuery,
    signal: AbortSignal | undefined,
    parse: (data: unknown) => T | undefined,
    expected: string,
  ): Promise<T> {
    const parsed = parse((await this.success(path, query, signal)).data);
    if (parsed === undefined) throw this.protocolError(path, `something other than ${expected}`);
    return parsed;
  }

  private async success(path: string, query: ServiceQuery, signal?: AbortSignal): Promise<Warned<unknown>> {
    const body = await this.http.getJson(path, query, signal);
    const success = parseSuccess(body);
    if (!success) throw this.protocolError(path, 'a body without status "success"');
    return success;
  }

  private protocolError(path: string, what: string): ProtocolError {
    return new ProtocolError(`Prometheus answered ${path} with ${what}`, { method: 'GET', url: `${this.baseUrl}${path}` });
  }
}

function readPrometheusError(body: unknown, httpStatus: number, request: RequestInfo): PrometheusError | undefined {
  const parsed = parseErrorBody(body);
  if (!parsed) return undefined;
  return new PrometheusError(parsed.errorType, `Prometheus: ${parsed.error || parsed.errorType}`, httpStatus, request);
}
