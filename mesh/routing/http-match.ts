/**
 * Request matching: the source-side filters Istio applies when it builds a proxy's routes, and the
 * request-side conditions Envoy evaluates per request. Within a condition every field must hold.
 */

import { selectorMatches } from './objects';
import type { HttpMatchCondition, L4MatchCondition, NamedCondition, UriCondition } from './route-model';
import { hostCovers } from './hosts';
import { matchString } from './string-match';
import type { RouteRequest } from './types';

/** The proxy a route is built for. */
export interface ProxyContext {
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  /** "mesh" for a sidecar; the bound gateway names for a gateway proxy. */
  readonly gatewayNames: ReadonlySet<string>;
  /** The listener port: the service port for a sidecar, the server port at a gateway. */
  readonly port: number;
}

/**
 * Istio's sourceMatchHTTP plus the port check: a condition listing `gateways` applies only on those
 * gateways and then ignores sourceLabels/sourceNamespace; otherwise labels and namespace must match.
 */
export function appliesToProxy(cond: HttpMatchCondition | L4MatchCondition, proxy: ProxyContext): boolean {
  if (cond.port !== undefined && cond.port !== proxy.port) return false;
  if (cond.gateways) return cond.gateways.some((g) => proxy.gatewayNames.has(g));
  if (cond.sourceLabels && !selectorMatches(cond.sourceLabels, proxy.labels)) return false;
  return cond.sourceNamespace === undefined || cond.sourceNamespace === proxy.namespace;
}

/** A request prepared once for matching: lower-case header names, split path and query. */
export interface RequestView {
  readonly method: string;
  /** Path without the query string. */
  readonly path: string;
  readonly query: string;
  readonly queryParams: ReadonlyMap<string, string>;
  readonly headers: ReadonlyMap<string, string>;
  readonly authority: string;
  readonly scheme: string;
}

function parseQuery(query: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawKey = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    const decode = (s: string): string => {
      try {
        return decodeURIComponent(s.replace(/\+/g, ' '));
      } catch {
        return s;
      }
    };
    const key = decode(rawKey);
    if (!out.has(key)) out.set(key, decode(rawValue));
  }
  return out;
}

export function viewOf(request: RouteRequest): RequestView {
  const uri = request.path ?? '/';
  const cut = uri.search(/[?#]/);
  const path = cut < 0 ? uri : uri.slice(0, cut);
  const query = cut >= 0 && uri[cut] === '?' ? uri.slice(cut + 1).split('#')[0] ?? '' : '';
  const queryParams = parseQuery(query);
  for (const [k, v] of Object.entries(request.queryParams ?? {})) queryParams.set(k, v);
  const headers = new Map<string, string>();
  for (const [k, v] of Object.entries(request.headers ?? {})) headers.set(k.toLowerCase(), v);
  return {
    method: (request.method ?? 'GET').toUpperCase(),
    path: path === '' ? '/' : path,
    query,
    queryParams,
    headers,
    authority: request.authority ?? headers.get('host') ?? request.host,
    scheme: request.scheme ?? 'http',
  };
}

function uriMatches(uri: UriCondition, path: string, ignoreCase: boolean): boolean {
  const m = uri.matcher;
  if (uri.segmentPrefix && m.kind === 'prefix' && m.value !== '/') {
    const p = ignoreCase ? path.toLowerCase() : path;
    const v = ignoreCase ? m.value.toLowerCase() : m.value;
    return p === v || p.startsWith(`${v}/`);
  }
  // Envoy's case_sensitive flag does not apply to regex path matchers.
  return matchString(m, path, ignoreCase && m.kind !== 'regex');
}

function headersMatch(conditions: readonly NamedCondition[], values: ReadonlyMap<string, string>): boolean {
  return conditions.every((c) => matchString(c.matcher, values.get(c.name)));
}

/** withoutHeaders: inverted matchers where a missing header counts as empty, except presence checks. */
function headersAbsent(conditions: readonly NamedCondition[], values: ReadonlyMap<string, string>): boolean {
  return conditions.every((c) => {
    const value = values.get(c.name);
    return c.matcher.kind === 'present' ? value === undefined : !matchString(c.matcher, value ?? '');
  });
}

export function matchesRequest(cond: HttpMatchCondition, req: RequestView): boolean {
  return (
    (cond.uri === undefined || uriMatches(cond.uri, req.path, cond.ignoreUriCase)) &&
    (cond.method === undefined || matchString(cond.method, req.method)) &&
    (cond.authority === undefined || matchString(cond.authority, req.authority)) &&
    (cond.scheme === undefined || matchString(cond.scheme, req.scheme)) &&
    headersMatch(cond.headers, req.headers) &&
    headersAbsent(cond.withoutHeaders, req.headers) &&
    headersMatch(cond.queryParams, req.queryParams)
  );
}

/** Istio's IsCatchAllRoute: no header/query conditions and a "/" prefix (or ".*" regex) path. */
export function isCatchAll(cond: HttpMatchCondition | undefined): boolean {
  if (!cond) return true;
  const m = cond.uri?.matcher;
  const pathAll = !m || (m.kind === 'prefix' && m.value === '/') || (m.kind === 'regex' && m.value === '.*');
  return (
    pathAll &&
    !cond.method &&
    !cond.authority &&
    !cond.scheme &&
    cond.headers.length === 0 &&
    cond.withoutHeaders.length === 0 &&
    cond.queryParams.length === 0
  );
}

/** TLS route condition on SNI: one of sniHosts must cover the requested server name. */
export function sniMatches(cond: L4MatchCondition, sni: string): boolean {
  return (cond.sniHosts ?? []).some((h) => hostCovers(h, sni.toLowerCase()));
}
