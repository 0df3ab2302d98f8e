/**
 * Conversion of one Gateway API HTTPRoute/GRPCRoute rule into normalized rules, the way Istio converts
 * them to VirtualService routes: one rule per match, backends weighted relatively (default 1), and a 500
 * direct response when no backend has weight.
 */

import { durationField } from './duration';
import type {
  GrpcMethodMatch,
  GrpcRouteMatch,
  HeaderFilter,
  HttpBackendRef,
  HttpRouteFilter,
  HttpRouteMatch,
  HttpRouteRule,
  MirrorFilter,
  PathModifier,
  RedirectFilter,
  RewriteFilter,
} from './model-types';
import { asArray, asIntegerIn, asNumber, asObject, asPort, asString, asStringArray, asText, reader } from './narrow';
import { type RetrySpec, retryDecision } from './retries';
import type {
  HeaderOps,
  HttpAction,
  HttpMatchCondition,
  HttpRule,
  MirrorSpec,
  NamedCondition,
  RedirectSpec,
  RewriteSpec,
  RuleOrigin,
  UriCondition,
  WeightedDestination,
} from './route-model';
import { type StringMatcher, regexMatcher } from './string-match';

export interface RouteContext {
  readonly namespace: string;
  readonly domain: string;
  readonly grpc: boolean;
}

function typedMatcher(type: string | undefined, value: string): StringMatcher {
  return type === 'RegularExpression' ? regexMatcher(value) : { kind: 'exact', value };
}

function namedConditions(values: unknown, lowerCase: boolean): NamedCondition[] {
  const out: NamedCondition[] = [];
  for (const v of asArray(values)) {
    const o = asObject(v);
    const name = asText(o?.name);
    const value = asString(o?.value);
    if (name && value !== undefined) out.push({ name: lowerCase ? name.toLowerCase() : name, matcher: typedMatcher(asText(o?.type), value) });
  }
  return out;
}

/** Without an explicit path the API server defaults to PathPrefix "/"; a trailing "/" is ignored. */
function httpPath(value: unknown): UriCondition {
  const path = asObject(value);
  const type = asText(path?.type) ?? 'PathPrefix';
  const raw = asString(path?.value) ?? '/';
  if (type === 'Exact') return { matcher: { kind: 'exact', value: raw }, segmentPrefix: false };
  if (type === 'RegularExpression') return { matcher: regexMatcher(raw), segmentPrefix: false };
  const prefix = raw !== '/' && raw.endsWith('/') ? raw.slice(0, -1) : raw;
  return { matcher: { kind: 'prefix', value: prefix }, segmentPrefix: true };
}

/** Istio's createGRPCURIMatch: a gRPC service/method becomes a path on "/service/method". */
function grpcPath(value: unknown): UriCondition | undefined {
  const m = reader<GrpcMethodMatch>(value);
  const service = asText(m('service'));
  const method = asText(m('method'));
  if (!service && !method) return undefined;
  const regex = asText(m('type')) === 'RegularExpression';
  if (!method) {
    return regex
      ? { matcher: regexMatcher(`/${service}/.+`), segmentPrefix: false }
      : { matcher: { kind: 'prefix', value: `/${service}` }, segmentPrefix: true };
  }
  if (!service) return { matcher: regexMatcher(`/[^/]+/${method}`), segmentPrefix: false };
  return regex
    ? { matcher: regexMatcher(`/${service}/${method}`), segmentPrefix: false }
    : { matcher: { kind: 'exact', value: `/${service}/${method}` }, segmentPrefix: false };
}

function parseMatch(value: unknown, ctx: RouteContext): HttpMatchCondition {
  const base = { ignoreUriCase: false, withoutHeaders: [] };
  if (ctx.grpc) {
    const m = reader<GrpcRouteMatch>(value);
    return { ...base, uri: grpcPath(m('method')), headers: namedConditions(m('headers'), true), queryParams: [] };
  }
  const m = reader<HttpRouteMatch>(value);
  const method = asText(m('method'));
  return {
    ...base,
    uri: httpPath(m('path')),
    method: method ? { kind: 'exact', value: method } : undefined,
    headers: namedConditions(m('headers'), true),
    queryParams: namedConditions(m('queryParams'), false),
  };
}

function headerOps(value: unknown): HeaderOps | undefined {
  if (!asObject(value)) return undefined;
  const f = reader<HeaderFilter>(value);
  const toMap = (list: unknown): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const h of asArray(list)) {
      const o = asObject(h);
      const name = asText(o?.name);
      if (name) out[name] = asString(o?.value) ?? '';
    }
    return out;
  };
  return { set: toMap(f('set')), add: toMap(f('add')), remove: asStringArray(f('remove')) };
}

/** A backend or mirror reference: a Service (default), or an Istio ServiceEntry / Hostname by host. */
function backendHost(ref: unknown, ctx: RouteContext): string | undefined {
  const b = reader<HttpBackendRef>(ref);
  const name = asText(b('name'));
  if (!name) return undefined;
  const kind = asText(b('kind')) ?? 'Service';
  if (kind === 'Hostname' || kind === 'ServiceEntry') return name.toLowerCase();
  if (kind !== 'Service') return undefined;
  return `${name}.${asText(b('namespace')) ?? ctx.namespace}.svc.${ctx.domain}`;
}

function backends(values: unknown, ctx: RouteContext): WeightedDestination[] {
  const out: WeightedDestination[] = [];
  for (const v of asArray(values)) {
    const b = reader<HttpBackendRef>(v);
    const weight = asNumber(b('weight')) ?? 1;
    const host = backendHost(v, ctx);
    if (weight > 0 && host) out.push({ host, port: asPort(b('port')), weight });
  }
  return out;
}

function pathModifier(value: unknown): { full?: string; prefix?: string } {
  const p = reader<PathModifier>(value);
  const type = asText(p('type'));
  if (type === 'ReplaceFullPath') return { full: asString(p('replaceFullPath')) ?? '/' };
  if (type === 'ReplacePrefixMatch') return { prefix: asString(p('replacePrefixMatch')) ?? '/' };
  return {};
}

/**
 * Gateway API redirects default to 302, unlike VirtualService redirects (301). Without a port, a scheme
 * change uses the scheme's well-known port, otherwise the listener's port.
 */
function redirect(value: unknown): RedirectSpec {
  const r = reader<RedirectFilter>(value);
  const path = pathModifier(r('path'));
  const scheme = asText(r('scheme'));
  return {
    uri: path.full,
    replacePrefix: path.prefix,
    authority: asText(r('hostname')),
    scheme,
    port: asPort(r('port')) ?? (scheme ? undefined : 'FROM_REQUEST_PORT'),
    status: asIntegerIn(r('statusCode'), 300, 399) ?? 302,
  };
}

function rewrite(value: unknown): RewriteSpec {
  const r = reader<RewriteFilter>(value);
  const path = pathModifier(r('path'));
  return {
    path: path.full !== undefined ? { kind: 'full', value: path.full } : path.prefix !== undefined ? { kind: 'prefix', value: path.prefix } : undefined,
    authority: asText(r('hostname')),
  };
}

/** Mirror share: `percent`, else `fraction` (numerator / denominator, default denominator 100), else 100. */
function mirror(value: unknown, ctx: RouteContext): MirrorSpec | undefined {
  const m = reader<MirrorFilter>(value);
  const host = backendHost(m('backendRef'), ctx);
  if (!host) return undefined;
  const fraction = asObject(m('fraction'));
  const percentage =
    asNumber(m('percent')) ??
    (fraction ? ((asNumber(fraction.numerator) ?? 0) * 100) / (asNumber(fraction.denominator) ?? 100) : 100);
  return percentage > 0 ? { host, port: asPort(asObject(m('backendRef'))?.port), percentage } : undefined;
}

interface RuleExtras {
  requestHeaders?: HeaderOps;
  responseHeaders?: HeaderOps;
  redirect?: RedirectSpec;
  rewrite?: RewriteSpec;
  mirrors: MirrorSpec[];
}

function filters(values: unknown, ctx: RouteContext): RuleExtras {
  const out: RuleExtras = { mirrors: [] };
  for (const v of asArray(values)) {
    const f = reader<HttpRouteFilter>(v);
    switch (asText(f('type'))) {
      case 'RequestHeaderModifier':
        out.requestHeaders = headerOps(f('requestHeaderModifier'));
        break;
      case 'ResponseHeaderModifier':
        out.responseHeaders = headerOps(f('responseHeaderModifier'));
        break;
      case 'RequestRedirect':
        if (!ctx.grpc) out.redirect = redirect(f('requestRedirect'));
        break;
      case 'URLRewrite':
        if (!ctx.grpc) out.rewrite = rewrite(f('urlRewrite'));
        break;
      case 'RequestMirror': {
        const m = mirror(f('requestMirror'), ctx);
        if (m) out.mirrors.push(m);
        break;
      }
    }
  }
  return out;
}

/** Istio's conversion of `retry`: attempts default 2, on connection errors plus the listed codes. */
function retries(value: unknown): RetrySpec | undefined {
  const r = asObject(value);
  if (!r) return undefined;
  const codes = asArray(r.codes).map((c) => asNumber(c)).filter((c): c is number => c !== undefined);
  return { attempts: asNumber(r.attempts) ?? 2, retryOn: ['connect-failure', 'refused-stream', 'unavailable', 'cancelled', ...codes].join(',') };
}

/** Converts rule `index` of a route; a rule with several matches yields one rule per match. */
export function convertRouteRule(value: unknown, index: number, origin: Pick<RuleOrigin, 'kind' | 'namespace' | 'name'>, ctx: RouteContext): HttpRule[] {
  const rule = reader<HttpRouteRule>(value);
  const extras = filters(rule('filters'), ctx);
  const timeouts = asObject(rule('timeouts'));
  const retry = retries(rule('retry'));
  const requestTimeout = durationField(timeouts?.request) || undefined;
  const backendTimeout = durationField(timeouts?.backendRequest) || undefined;
  const destinations = backends(rule('backendRefs'), ctx);
  const action: HttpAction = extras.redirect
    ? { kind: 'redirect', redirect: extras.redirect }
    : destinations.length === 0
      ? { kind: 'directResponse', status: 500 }
      : { kind: 'route', destinations };
  const base = {
    action,
    retries: retryDecision(retry && backendTimeout !== undefined ? { ...retry, perTryTimeoutMs: backendTimeout } : retry),
    timeoutMs: requestTimeout ?? (retry ? undefined : backendTimeout),
    mirrors: extras.mirrors,
    rewrite: extras.rewrite,
    requestHeaders: extras.requestHeaders,
    responseHeaders: extras.responseHeaders,
    gatewaySemantics: true,
  };
  const ruleName = asText(rule('name'));
  const matches = asArray(rule('matches'));
  if (matches.length === 0) return [{ ...base, origin: { ...origin, section: 'rules', ruleIndex: index, ruleName }, matches: [] }];
  return matches.map((m, matchIndex) => ({
    ...base,
    origin: { ...origin, section: 'rules', ruleIndex: index, ruleName, matchIndex },
    matches: [parseMatch(m, ctx)],
  }));
}

function uriRank(m: HttpMatchCondition | undefined): number {
  switch (m?.uri?.matcher.kind) {
    case 'exact':
      return 3;
    case 'prefix':
      return 2;
    case 'regex':
      return 1;
    default:
      return -1;
  }
}

function uriLength(m: HttpMatchCondition): number {
  const matcher = m.uri?.matcher;
  return matcher && 'value' in matcher ? matcher.value.length : 0;
}

/**
 * Gateway API precedence as Istio sorts converted rules (stable, so ties keep route age and rule order):
 * rules without a match last; exact over prefix over regex paths; longer paths first; a method match;
 * more header matches; more query parameter matches.
 */
export function comparePrecedence(a: HttpRule, b: HttpRule): number {
  const ma = a.matches[0];
  const mb = b.matches[0];
  if (!ma || !mb) return (ma ? 0 : 1) - (mb ? 0 : 1);
  return (
    uriRank(mb) - uriRank(ma) ||
    uriLength(mb) - uriLength(ma) ||
    (mb.method ? 1 : 0) - (ma.method ? 1 : 0) ||
    mb.headers.length - ma.headers.length ||
    mb.queryParams.length - ma.queryParams.length
  );
}
