/**
 * The transport under the Kubernetes client: builds URLs, adds the bearer token, and turns every
 * failure into a KubeApiError (the server said no) or a ConnectionError (nobody answered).
 */
import type { ConnectionMonitor } from './connection';
import { ConnectionError, KubeApiError, ProtocolError, isAbortError, syntheticStatus } from './errors';
import type { RequestInfo } from './errors';
import { parseStatus } from './guards';
import type { TokenStore } from './token-store';

export type Query = Record<string, string | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  contentType?: string;
  signal?: AbortSignal;
  /**
   * Hand non-2xx answers other than 401 back to the caller: a service behind the API server's service
   * proxy has its own error format, and its failures say nothing about the API server's health.
   */
  passErrors?: boolean;
}

/** Statuses a proxy answers with when the API server behind it is down or unreachable. */
const PROXY_FAILURE_CODES = new Set([500, 502, 503, 504]);

export class KubeTransport {
  readonly baseUrl: string;

  constructor(
    baseUrl: string,
    private readonly fetchImpl: typeof fetch,
    readonly tokens: TokenStore,
    readonly monitor: ConnectionMonitor,
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  /** A transport to another base URL with the same fetch, token and connection status. */
  withBaseUrl(baseUrl: string): KubeTransport {
    return new KubeTransport(baseUrl, this.fetchImpl, this.tokens, this.monitor);
  }

  url(path: string, query: Query = {}): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') params.set(key, value);
    }
    const search = params.toString();
    return `${this.baseUrl}${path}${search ? `?${search}` : ''}`;
  }

  async send(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
    const url = this.url(path, options.query);
    const request: RequestInfo = { method, url };
    const headers: Record<string, string> = { Accept: 'application/json' };
    const token = this.tokens.get();
    if (token) headers.Authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['Content-Type'] = options.contentType ?? 'application/json';
      body = JSON.stringify(options.body);
    }
    let response: Response;
    try {
      response = await this.fetchImpl(url, { method, headers, body, signal: options.signal });
    } catch (error) {
      if (isAbortError(error) || options.signal?.aborted) throw error;
      const failure = new ConnectionError(
        `Cannot reach the Kubernetes API at ${this.baseUrl}: ${describeCause(error)}`,
        request,
        { cause: error },
      );
      this.monitor.reportConnectionFailure(failure);
      throw failure;
    }
    if (response.ok) {
      this.monitor.reportSuccess();
      return response;
    }
    if (options.passErrors && response.status !== 401) return response;
    throw await this.failureFrom(response, request);
  }

  async json(method: string, path: string, options: RequestOptions = {}): Promise<unknown> {
    const response = await this.send(method, path, options);
    const text = await response.text();
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new ProtocolError(`${method} ${path} answered with something that is not JSON`, { method, url: path });
    }
  }

  private async failureFrom(response: Response, request: RequestInfo): Promise<Error> {
    const text = await response.text().catch(() => '');
    const status = parseStatus(tryParseJson(text));
    if (!status && PROXY_FAILURE_CODES.has(response.status)) {
      const detail = summarize(text);
      const failure = new ConnectionError(
        `The proxy at ${this.baseUrl} answered HTTP ${response.status} without a Kubernetes status` +
          `${detail ? ` (${detail})` : ''}: the API server behind it is probably down`,
        request,
      );
      this.monitor.reportConnectionFailure(failure);
      return failure;
    }
    const error = new KubeApiError(
      status ?? syntheticStatus(response.status, summarize(text) || `HTTP ${response.status} ${response.statusText}`.trim()),
      request,
    );
    if (error.isUnauthorized) this.monitor.reportUnauthorized(error);
    else this.monitor.reportSuccess();
    return error;
  }
}

export function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A short, single-line excerpt of an error body that is not a Status (a proxy's message, say). */
export function summarize(text: string): string {
  const parsed = tryParseJson(text);
  if (typeof parsed === 'object' && parsed !== null && 'message' in parsed && typeof parsed.message === 'string') {
    return parsed.message;
  }
  const plain = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return plain.length > 160 ? `${plain.slice(0, 157)}...` : plain;
}

function describeCause(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
