/**
 * The Jaeger query API client (what the Jaeger UI calls), reached by default through the Kubernetes
 * service proxy of istio-system/tracing:80 with the Kubernetes client's token.
 */
import { promDurationSeconds } from '../../mesh/telemetry';
import { ProtocolError } from './errors';
import type { RequestInfo } from './errors';
import type { KubeTransport } from './http';
import { parseEnvelope, parseTrace } from './jaeger-wire';
import type { Trace } from './jaeger-wire';
import { ServiceProxyClient, serviceProxyPath } from './service-proxy';
import type { ServiceQuery } from './service-proxy';

export const JAEGER_PROXY_PATH = serviceProxyPath('istio-system', 'tracing', 80);

/** Jaeger answered with its error envelope: a bad parameter, a trace that is not there, a failing store. */
export class JaegerError extends Error {
  override readonly name = 'JaegerError';

  constructor(
    message: string,
    readonly httpStatus: number,
    readonly request: RequestInfo,
  ) {
    super(message);
  }

  get isNotFound(): boolean {
    return this.httpStatus === 404;
  }
}

export interface JaegerClientOptions {
  /** Default: the service proxy path of istio-system/tracing:80 under the Kubernetes API. */
  baseUrl?: string;
}

export interface TraceSearch {
  /** Istio names services `<canonical service>.<namespace>`, e.g. "productpage.bookinfo". */
  service: string;
  operation?: string;
  /** Span tags that must all match, e.g. `{ error: 'true', 'http.status_code': '503' }`. */
  tags?: Readonly<Record<string, string>>;
  start?: Date;
  /** Default: now. */
  end?: Date;
  /** Go durations, e.g. "100ms", "1.5s". */
  minDuration?: string;
  maxDuration?: string;
  limit?: number;
  /** How far back from `end` to search when `start` is absent, e.g. "1h" (default: Jaeger's two days). */
  lookback?: string;
  signal?: AbortSignal;
}

const GO_DURATION = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;
const LOOKBACK = /^(\d+(ms|s|m|h))+$/;

function micros(date: Date): string {
  return String(date.getTime() * 1000);
}

function goDuration(name: string, value: string | undefined): string | undefined {
  if (value !== undefined && !GO_DURATION.test(value)) throw new RangeError(`${name} is not a duration such as "100ms": ${JSON.stringify(value)}`);
  return value;
}

/** Query parameters of /api/traces; `now` fills in the end when a lookback needs one. */
export function traceSearchQuery(search: TraceSearch, now: () => Date = () => new Date()): ServiceQuery {
  if (search.lookback !== undefined && !LOOKBACK.test(search.lookback)) {
    throw new RangeError(`lookback is not a duration such as "1h": ${JSON.stringify(search.lookback)}`);
  }
  if (search.limit !== undefined && !(Number.isInteger(search.limit) && search.limit > 0)) {
    throw new RangeError(`limit must be a positive integer, got ${search.limit}`);
  }
  const end = search.end ?? (search.lookback !== undefined && search.start === undefined ? now() : undefined);
  // Jaeger's query service reads start and end only; lookback is what its UI turns into a start.
  const start =
    search.start ??
    (search.lookback !== undefined && end ? new Date(end.getTime() - promDurationSeconds(search.lookback) * 1000) : undefined);
  const tags = search.tags && Object.keys(search.tags).length > 0 ? JSON.stringify(search.tags) : undefined;
  return {
    service: search.service,
    operation: search.operation,
    tags,
    start: start && micros(start),
    end: end && micros(end),
    minDuration: goDuration('minDuration', search.minDuration),
    maxDuration: goDuration('maxDuration', search.maxDuration),
    limit: search.limit === undefined ? undefined : String(search.limit),
    lookback: search.lookback,
  };
}

export class JaegerClient {
  private readonly http: ServiceProxyClient;

  constructor(transport: KubeTransport, options: JaegerClientOptions = {}) {
    const base = options.baseUrl ?? `${transport.baseUrl}${JAEGER_PROXY_PATH}`;
    this.http = new ServiceProxyClient(transport.withBaseUrl(base), 'Jaeger', readJaegerError);
  }

  get baseUrl(): string {
    return this.http.baseUrl;
  }

  /** Services that have reported spans. */
  async services(signal?: AbortSignal): Promise<readonly string[]> {
    return this.strings('/api/services', signal);
  }

  async operations(service: string, signal?: AbortSignal): Promise<readonly string[]> {
    return this.strings(`/api/services/${encodeURIComponent(service)}/operations`, signal);
  }

  /** Traces that have a span of `service` matching the search, newest first as Jaeger returns them. */
  async searchTraces(search: TraceSearch): Promise<readonly Trace[]> {
    return this.traces('/api/traces', traceSearchQuery(search), search.signal);
  }

  /** One trace; a JaegerError with isNotFound when Jaeger does not have it. */
  async trace(traceId: string, signal?: AbortSignal): Promise<Trace> {
    if (!/^[0-9a-fA-F]{1,32}$/.test(traceId)) throw new RangeError(`not a trace ID: ${JSON.stringify(traceId)}`);
    const [trace] = await this.traces(`/api/traces/${traceId}`, {}, signal);
    if (!trace) throw new JaegerError(`Jaeger: trace ${traceId} not found`, 404, { method: 'GET', url: `${this.baseUrl}/api/traces/${traceId}` });
    return trace;
  }

  private async traces(path: string, query: ServiceQuery, signal?: AbortSignal): Promise<Trace[]> {
    const data = await this.data(path, query, signal);
    if (!Array.isArray(data)) throw this.protocolError(path, 'something other than a list of traces');
    return data.flatMap((item) => parseTrace(item) ?? []);
  }

  private async strings(path: string, signal?: AbortSignal): Promise<string[]> {
    const data = await this.data(path, {}, signal);
    // Jaeger sends null rather than [] when it knows of nothing.
    if (data === null) return [];
    if (!Array.isArray(data)) throw this.protocolError(path, 'something other than a list of names');
    return data.filter((item): item is string => typeof item === 'string');
  }

  private async data(path: string, query: ServiceQuery, signal?: AbortSignal): Promise<unknown> {
    const body = await this.http.getJson(path, query, signal);
    const envelope = parseEnvelope(body);
    if (!envelope) throw this.protocolError(path, 'a body without "data"');
    const request = { method: 'GET', url: `${this.baseUrl}${path}` };
    const failure = envelope.data === null || envelope.data === undefined ? readJaegerError(body, 200, request) : undefined;
    if (failure) throw failure;
    return envelope.data;
  }

  private protocolError(path: string, what: string): ProtocolError {
    return new ProtocolError(`Jaeger answered ${path} with ${what}`, { method: 'GET', url: `${this.baseUrl}${path}` });
  }
}

function readJaegerError(body: unknown, httpStatus: number, request: RequestInfo): JaegerError | undefined {
  const envelope = parseEnvelope(body);
  const first = envelope?.errors[0];
  if (!first) return undefined;
  const messages = envelope.errors.map((error) => error.msg).filter(Boolean).join('; ');
  return new JaegerError(`Jaeger: ${messages || `HTTP ${first.code}`}`, first.code || httpStatus, request);
}
