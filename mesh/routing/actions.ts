/**
 * Per-request pieces of a routing decision: fault injection and weighted picks (drawn from the caller's
 * random source), redirects, path rewrites and header operations.
 */

import { stripPort } from './hosts';
import type { RequestView } from './http-match';
import type { FaultSpec, HeaderOps, HttpMatchCondition, PathRewrite, RedirectSpec } from './route-model';
import type { FaultDecision, HeaderOperations } from './types';

/**
 * Whether a percentage fires. The random source is drawn only for fractional shares (not for 0 or 100),
 * which keeps seeded sequences stable when unrelated config changes.
 */
export function percentageHits(percentage: number, rand: () => number): boolean {
  if (percentage >= 100) return true;
  if (percentage <= 0) return false;
  return rand() * 100 < percentage;
}

/** Envoy's fault filter: the delay and the abort are decided independently, delay first. */
export function decideFault(spec: FaultSpec | undefined, rand: () => number): FaultDecision {
  if (!spec) return {};
  const delayed = spec.delay !== undefined && percentageHits(spec.delay.percentage, rand);
  const aborted = spec.abort !== undefined && percentageHits(spec.abort.percentage, rand);
  return {
    delayMs: delayed ? spec.delay?.fixedDelayMs : undefined,
    abort: aborted && spec.abort ? { httpStatus: spec.abort.httpStatus, grpcStatus: spec.abort.grpcStatus } : undefined,
  };
}

/** Picks one item by relative weight; a single item is returned without drawing. */
export function pickWeighted<T extends { readonly weight: number }>(items: readonly T[], rand: () => number): T | undefined {
  if (items.length <= 1) return items[0];
  const total = items.reduce((sum, i) => sum + Math.max(0, i.weight), 0);
  if (total <= 0) return undefined;
  let point = rand() * total;
  for (const item of items) {
    point -= Math.max(0, item.weight);
    if (point < 0) return item;
  }
  return items[items.length - 1];
}

/** The part of the path Envoy considers matched: a prefix, the whole path (exact/regex), or "/" with no path match. */
function matchedPrefix(cond: HttpMatchCondition | undefined, path: string): string {
  const m = cond?.uri?.matcher;
  if (!m) return '/';
  return m.kind === 'prefix' ? path.slice(0, m.value.length) : path;
}

function withQuery(path: string, query: string): string {
  return query === '' || path.includes('?') ? path : `${path}?${query}`;
}

function replacePrefix(path: string, prefix: string, replacement: string, segment: boolean): string {
  const rest = path.slice(prefix.length);
  // Gateway API ReplacePrefixMatch "/" keeps exactly one slash between the new prefix and the rest.
  if (segment && replacement === '/') return `/${rest.replace(/^\//, '')}`;
  return replacement + rest;
}

/** The upstream path after a rewrite, query string preserved. */
export function rewritePath(rewrite: PathRewrite, req: RequestView, cond: HttpMatchCondition | undefined): string {
  const segment = cond?.uri?.segmentPrefix === true;
  switch (rewrite.kind) {
    case 'full':
      return withQuery(rewrite.value, req.query);
    case 'prefix':
      return withQuery(replacePrefix(req.path, matchedPrefix(cond, req.path), rewrite.value, segment), req.query);
    case 'regex': {
      if (!rewrite.regex) return withQuery(req.path, req.query);
      // RE2 substitutions write groups as \1; JavaScript as $1.
      const substitution = rewrite.substitution.replace(/\$/g, '$$$$').replace(/\\(\d)/g, '$$$1');
      return withQuery(req.path.replace(rewrite.regex, substitution), req.query);
    }
  }
}

const DEFAULT_PORTS: Readonly<Record<string, number>> = { http: 80, https: 443 };

/** The Location header of a redirect, built as Envoy does from the request and the redirect spec. */
export function redirectLocation(spec: RedirectSpec, req: RequestView, listenerPort: number, cond: HttpMatchCondition | undefined): string {
  const scheme = (spec.scheme ?? req.scheme).toLowerCase();
  const original = req.authority.toLowerCase();
  const originalPort = original.startsWith('[') ? undefined : /:(\d+)$/.exec(original)?.[1];
  const host = spec.authority ?? stripPort(original);
  let port: number | undefined;
  if (spec.port === 'FROM_REQUEST_PORT') port = listenerPort;
  else if (spec.port !== undefined) port = spec.port;
  else if (spec.authority === undefined && spec.scheme === undefined && originalPort) port = Number(originalPort);
  const portPart = port === undefined || port === DEFAULT_PORTS[scheme] ? '' : `:${port}`;
  let path = req.path;
  if (spec.uri !== undefined) path = spec.uri;
  else if (spec.replacePrefix !== undefined) path = replacePrefix(req.path, matchedPrefix(cond, req.path), spec.replacePrefix, true);
  return `${scheme}://${host}${portPart}${withQuery(path, req.query)}`;
}

const isAuthorityHeader = (name: string): boolean => /^(:authority|host)$/i.test(name);
const isInternalHeader = (name: string): boolean => name.startsWith(':') || /^host$/i.test(name);

/** The authority a header operation rewrites (Istio treats a Host/:authority header as a host rewrite). */
export function authorityFromHeaders(ops: HeaderOps | undefined): string | undefined {
  if (!ops) return undefined;
  const fromSet = Object.entries(ops.set).find(([k]) => isAuthorityHeader(k))?.[1];
  return fromSet ?? Object.entries(ops.add).find(([k]) => isAuthorityHeader(k))?.[1];
}

/** Route-level then destination-level operations (the destination wins a "set"); pseudo-headers dropped. */
export function combineHeaderOps(...ops: ReadonlyArray<HeaderOps | undefined>): HeaderOperations | undefined {
  const present = ops.filter((o): o is HeaderOps => o !== undefined);
  if (present.length === 0) return undefined;
  const keep = (map: Readonly<Record<string, string>>): Record<string, string> =>
    Object.fromEntries(Object.entries(map).filter(([k]) => !isInternalHeader(k)));
  const merged = (pick: (o: HeaderOps) => Readonly<Record<string, string>>): Record<string, string> =>
    present.reduce<Record<string, string>>((acc, o) => ({ ...acc, ...keep(pick(o)) }), {});
  return {
    set: merged((o) => o.set),
    add: merged((o) => o.add),
    remove: present.flatMap((o) => o.remove.filter((k) => !isInternalHeader(k))),
  };
}
