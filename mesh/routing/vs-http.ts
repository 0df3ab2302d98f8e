/** Parsing of one VirtualService HTTP rule (spec.http[i]) into the normalized route model. */

import { durationField } from './duration';
import { resolveShortname } from './hosts';
import type {
  VsAbort,
  VsDelay,
  VsDestination,
  VsDirectResponse,
  VsFault,
  VsHeaderOperations,
  VsHeaders,
  VsHttpDestination,
  VsHttpMatch,
  VsHttpRoute,
  VsMirrorPolicy,
  VsRedirect,
  VsRetries,
  VsRewrite,
} from './model-types';
import { type FieldReader, asArray, asBoolean, asIntegerIn, asNumber, asObject, asPort, asString, asStringArray, asStringMap, asText, objectEntries, reader } from './narrow';
import type { FaultSpec, HeaderOps, HttpAction, HttpMatchCondition, HttpRule, MirrorSpec, NamedCondition, RedirectSpec, RewriteSpec, RuleOrigin, WeightedDestination } from './route-model';
import { retryDecision } from './retries';
import type { RetryDecision } from './types';
import { parseStringMatch, tryCompileRe2 } from './string-match';

/** Where the rule lives, for resolving short names and gateway names. */
export interface VsContext {
  readonly namespace: string;
  readonly domain: string;
  readonly resolveGateway: (name: string) => string;
}

function conditions(value: unknown, lowerCase: boolean): NamedCondition[] {
  const out: NamedCondition[] = [];
  for (const [name, raw] of objectEntries(value)) {
    const matcher = parseStringMatch(raw);
    if (matcher) out.push({ name: lowerCase ? name.toLowerCase() : name, matcher });
  }
  return out;
}

export function parseHttpMatch(value: unknown, ctx: VsContext): HttpMatchCondition {
  const m = reader<VsHttpMatch>(value);
  const uri = parseStringMatch(m('uri'));
  const sourceLabels = asObject(m('sourceLabels')) ? asStringMap(m('sourceLabels')) : undefined;
  const gateways = asStringArray(m('gateways'));
  return {
    uri: uri ? { matcher: uri, segmentPrefix: false } : undefined,
    ignoreUriCase: asBoolean(m('ignoreUriCase')) ?? false,
    scheme: parseStringMatch(m('scheme')),
    method: parseStringMatch(m('method')),
    authority: parseStringMatch(m('authority')),
    headers: conditions(m('headers'), true),
    withoutHeaders: conditions(m('withoutHeaders'), true),
    queryParams: conditions(m('queryParams'), false),
    port: asPort(m('port')),
    sourceLabels,
    sourceNamespace: asText(m('sourceNamespace')),
    gateways: gateways.length > 0 ? gateways.map(ctx.resolveGateway) : undefined,
  };
}

export function parseHeaderOps(value: unknown): HeaderOps | undefined {
  if (!asObject(value)) return undefined;
  const ops = reader<VsHeaderOperations>(value);
  return { set: asStringMap(ops('set')), add: asStringMap(ops('add')), remove: asStringArray(ops('remove')) };
}

function parseDestination(value: unknown, ctx: VsContext): Omit<WeightedDestination, 'weight'> | undefined {
  const d = reader<VsDestination>(value);
  const host = asText(d('host'));
  if (!host) return undefined;
  return {
    host: resolveShortname(host, ctx.namespace, ctx.domain),
    port: asPort(asObject(d('port'))?.number),
    subset: asText(d('subset')),
  };
}

/** Istio sends a lone destination all traffic whatever its weight, and drops weight-0 ones from a split. */
export function parseWeightedDestinations(values: readonly unknown[], ctx: VsContext): WeightedDestination[] {
  const parsed: WeightedDestination[] = [];
  for (const value of values) {
    const rd = reader<VsHttpDestination>(value);
    const dest = parseDestination(rd('destination'), ctx);
    if (!dest) continue;
    const headers = reader<VsHeaders>(rd('headers'));
    parsed.push({
      ...dest,
      weight: asNumber(rd('weight')) ?? 0,
      requestHeaders: parseHeaderOps(headers('request')),
      responseHeaders: parseHeaderOps(headers('response')),
    });
  }
  if (parsed.length === 1 && parsed[0]) return [{ ...parsed[0], weight: 100 }];
  return parsed.filter((d) => d.weight > 0);
}

/** Percent of a `percentage: {value}` object, or the legacy integer field, or 0. */
function percentOf(percentage: unknown, legacy: unknown): number {
  const pct = asObject(percentage);
  if (pct) return asNumber(pct.value) ?? 0;
  return asNumber(legacy) ?? 0;
}

/**
 * Surprise worth knowing: a delay or abort without a percentage injects nothing. Istio hands Envoy a
 * zero fraction in that case (the field is not "100% by default").
 */
export function parseFault(value: unknown): FaultSpec | undefined {
  if (!asObject(value)) return undefined;
  const f = reader<VsFault>(value);
  const delay = reader<VsDelay>(f('delay'));
  const abort = reader<VsAbort>(f('abort'));
  const fixedDelayMs = durationField(delay('fixedDelay'));
  const httpStatus = asIntegerIn(abort('httpStatus'), 100, 599);
  const grpcStatus = asText(abort('grpcStatus'));
  const spec: FaultSpec = {
    delay: fixedDelayMs !== undefined ? { fixedDelayMs, percentage: percentOf(delay('percentage'), delay('percent')) } : undefined,
    abort:
      httpStatus !== undefined || grpcStatus !== undefined
        ? { httpStatus, grpcStatus: httpStatus === undefined ? grpcStatus : undefined, percentage: percentOf(abort('percentage'), undefined) }
        : undefined,
  };
  return spec.delay || spec.abort ? spec : undefined;
}

function parseRetries(value: unknown): RetryDecision | undefined {
  if (!asObject(value)) return retryDecision(undefined);
  const r = reader<VsRetries>(value);
  return retryDecision({ attempts: asNumber(r('attempts')), perTryTimeoutMs: durationField(r('perTryTimeout')), retryOn: asText(r('retryOn')) });
}

/** Istio mirrors 100% unless a percentage is given; an explicit 0 turns the mirror off. */
function parseMirrors(rule: FieldReader<VsHttpRoute>, ctx: VsContext): MirrorSpec[] {
  const out: MirrorSpec[] = [];
  const single = parseDestination(rule('mirror'), ctx);
  if (single) {
    const pct = asObject(rule('mirrorPercentage')) ? percentOf(rule('mirrorPercentage'), undefined) : (asNumber(rule('mirrorPercent')) ?? 100);
    if (pct > 0) out.push({ ...single, percentage: pct });
  }
  for (const entry of asArray(rule('mirrors'))) {
    const mp = reader<VsMirrorPolicy>(entry);
    const dest = parseDestination(mp('destination'), ctx);
    const pct = asObject(mp('percentage')) ? percentOf(mp('percentage'), undefined) : 100;
    if (dest && pct > 0) out.push({ ...dest, percentage: pct });
  }
  return out;
}

const REDIRECT_CODES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

function parseRedirect(value: unknown): RedirectSpec | undefined {
  if (!asObject(value)) return undefined;
  const r = reader<VsRedirect>(value);
  const code = asNumber(r('redirectCode'));
  return {
    uri: asText(r('uri')),
    authority: asText(r('authority')),
    scheme: asText(r('scheme')),
    port: asPort(r('port')) ?? (asString(r('derivePort')) === 'FROM_REQUEST_PORT' ? 'FROM_REQUEST_PORT' : undefined),
    status: code !== undefined && REDIRECT_CODES.has(code) ? code : 301,
  };
}

function parseRewrite(value: unknown): RewriteSpec | undefined {
  if (!asObject(value)) return undefined;
  const r = reader<VsRewrite>(value);
  const regex = asObject(r('uriRegexRewrite'));
  const match = asString(regex?.match);
  const uri = asText(r('uri'));
  return {
    path:
      match !== undefined
        ? { kind: 'regex', regex: tryCompileRe2(match, false), substitution: asString(regex?.rewrite) ?? '' }
        : uri !== undefined
          ? { kind: 'prefix', value: uri }
          : undefined,
    authority: asText(r('authority')),
  };
}

function parseAction(rule: FieldReader<VsHttpRoute>, ctx: VsContext): HttpAction {
  const redirect = parseRedirect(rule('redirect'));
  if (redirect) return { kind: 'redirect', redirect };
  const direct = asObject(rule('directResponse'));
  if (direct) {
    const d = reader<VsDirectResponse>(direct);
    const body = asObject(d('body'));
    return { kind: 'directResponse', status: asIntegerIn(d('status'), 100, 599) ?? 200, body: asString(body?.string) ?? asString(body?.bytes) };
  }
  return { kind: 'route', destinations: parseWeightedDestinations(asArray(rule('route')), ctx) };
}

export function parseVsHttpRule(value: unknown, index: number, origin: Omit<RuleOrigin, 'ruleIndex' | 'section'>, ctx: VsContext): HttpRule {
  const rule = reader<VsHttpRoute>(value);
  const headers = reader<VsHeaders>(rule('headers'));
  const delegate = asObject(rule('delegate'));
  const delegateName = asText(delegate?.name);
  return {
    delegate: delegateName ? { namespace: asText(delegate?.namespace) ?? ctx.namespace, name: delegateName } : undefined,
    origin: { ...origin, section: 'http', ruleIndex: index, ruleName: asText(rule('name')) },
    matches: asArray(rule('match')).map((m) => parseHttpMatch(m, ctx)),
    action: parseAction(rule, ctx),
    fault: parseFault(rule('fault')),
    retries: parseRetries(rule('retries')),
    timeoutMs: durationField(rule('timeout')) || undefined,
    mirrors: parseMirrors(rule, ctx),
    rewrite: parseRewrite(rule('rewrite')),
    requestHeaders: parseHeaderOps(headers('request')),
    responseHeaders: parseHeaderOps(headers('response')),
    gatewaySemantics: false,
  };
}
