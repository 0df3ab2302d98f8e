/** Assembles routing decisions from a matched rule (or Istio's default route) for one request. */

import { authorityFromHeaders, combineHeaderOps, decideFault, pickWeighted, redirectLocation, rewritePath } from './actions';
import type { RequestView } from './http-match';
import { defaultRetryDecision } from './retries';
import type { HttpMatchCondition, HttpRule, L4Rule, MirrorSpec, WeightedDestination } from './route-model';
import type { RoutingIndex } from './routing-index';
import type { MergedDestinationRule } from './destination-rules';
import { type EffectiveTrafficPolicy, effectiveTrafficPolicy } from './traffic-policy';
import type { LocalReply, MatchedRule, MirrorDecision, RouteDecision, RouteDestination, RouteRequest } from './types';

/** The proxy making the decision and the request, prepared once. */
export interface DecisionContext {
  readonly index: RoutingIndex;
  readonly request: RouteRequest;
  readonly view: RequestView;
  /** The client proxy: its namespace and labels select DestinationRules. */
  readonly clientNamespace: string;
  readonly clientLabels: Readonly<Record<string, string>>;
  readonly listenerPort: number;
  readonly notes: string[];
}

/** A rule together with the match condition that selected it. */
export interface RouteEntry {
  readonly rule: HttpRule;
  readonly condition?: HttpMatchCondition;
  readonly matchIndex?: number;
}

type DestinationRef = Pick<WeightedDestination, 'host' | 'port' | 'subset' | 'weight'>;

/**
 * Istio's GetDestinationCluster port choice: the destination's port, else the service's only port,
 * else the port the request arrived on.
 */
function destinationPort(ref: Pick<DestinationRef, 'host' | 'port'>, ctx: DecisionContext): number {
  if (ref.port !== undefined) return ref.port;
  const ports = ctx.index.services.lookup(ref.host, ctx.clientNamespace)?.ports ?? [];
  return ports.length === 1 && ports[0] ? ports[0].port : ctx.listenerPort;
}

const NO_POLICY: EffectiveTrafficPolicy = { origins: {} };
const policyCache = new WeakMap<MergedDestinationRule, Map<string, EffectiveTrafficPolicy>>();

/** Effective policies are computed once per rule, subset and port. */
function policyFor(rule: MergedDestinationRule | undefined, subset: string | undefined, port: number): EffectiveTrafficPolicy {
  if (!rule) return NO_POLICY;
  let byKey = policyCache.get(rule);
  if (!byKey) {
    byKey = new Map();
    policyCache.set(rule, byKey);
  }
  const key = `${subset ?? ''}|${port}`;
  let policy = byKey.get(key);
  if (!policy) {
    policy = effectiveTrafficPolicy(rule.trafficPolicy, subset === undefined ? undefined : rule.subsets.get(subset)?.trafficPolicy, port);
    byKey.set(key, policy);
  }
  return policy;
}

interface ResolvedDestination {
  readonly destination: RouteDestination;
  readonly decision: Pick<RouteDecision, 'trafficPolicy'>;
  /** Why Envoy would find no cluster for it, if it would not. */
  readonly missing?: string;
}

function resolveDestination(ref: DestinationRef, ctx: DecisionContext): ResolvedDestination {
  const service = ctx.index.services.lookup(ref.host, ctx.clientNamespace);
  const port = destinationPort(ref, ctx);
  const rule = ctx.index.destinationRules.lookup(service?.host ?? ref.host, ctx.clientNamespace, ctx.clientLabels, service?.namespace);
  const subset = ref.subset !== undefined ? rule?.subsets.get(ref.subset) : undefined;
  if (rule) ctx.notes.push(`DestinationRule ${rule.rules.map((r) => `${r.namespace}/${r.name}`).join(' + ')} applies to ${ref.host}`);
  let missing: string | undefined;
  if (!service) missing = `no Service or ServiceEntry for host ${ref.host} is visible from ${ctx.clientNamespace}`;
  else if (ref.subset !== undefined && !subset) missing = `subset ${ref.subset} is not defined by a DestinationRule for ${ref.host}`;
  return {
    destination: {
      host: ref.host,
      port,
      subset: ref.subset,
      subsetLabels: subset?.labels,
      serviceNamespace: service?.namespace,
      weight: ref.weight,
    },
    decision: { trafficPolicy: policyFor(rule, ref.subset, port) },
    missing,
  };
}

function mirrorDecision(spec: MirrorSpec, ctx: DecisionContext): MirrorDecision {
  const mirrored = spec.percentage >= 100 || (spec.percentage > 0 && ctx.request.rand() * 100 < spec.percentage);
  const service = ctx.index.services.lookup(spec.host, ctx.clientNamespace);
  const rule = spec.subset === undefined ? undefined : ctx.index.destinationRules.lookup(service?.host ?? spec.host, ctx.clientNamespace, ctx.clientLabels, service?.namespace);
  return {
    host: spec.host,
    port: destinationPort(spec, ctx),
    subset: spec.subset,
    subsetLabels: spec.subset === undefined ? undefined : rule?.subsets.get(spec.subset)?.labels,
    percentage: spec.percentage,
    mirrored,
  };
}

function noCluster(gatewaySemantics: boolean): LocalReply {
  // Gateway API requires 500 for invalid backends; Istio's own routes answer 503.
  return { status: gatewaySemantics ? 500 : 503, responseFlag: 'NC' };
}

/** The decision for an HTTP rule that matched. Random draws: fault delay, fault abort, weights, mirrors. */
export function httpDecision(entry: RouteEntry, ctx: DecisionContext): RouteDecision {
  const { rule } = entry;
  const matched: MatchedRule = { ...rule.origin, matchIndex: entry.matchIndex ?? rule.origin.matchIndex };
  const fault = decideFault(rule.fault, ctx.request.rand);
  const base = { matched, fault, timeoutMs: rule.timeoutMs, notes: ctx.notes };
  const { action } = rule;
  if (action.kind === 'redirect') {
    return {
      ...base,
      outcome: 'redirect',
      mirrors: [],
      redirect: { status: action.redirect.status, location: redirectLocation(action.redirect, ctx.view, ctx.listenerPort, entry.condition) },
    };
  }
  if (action.kind === 'directResponse') {
    return { ...base, outcome: 'directResponse', mirrors: [], directResponse: { status: action.status, body: action.body } };
  }
  const picked = pickWeighted(action.destinations, ctx.request.rand);
  if (!picked) {
    ctx.notes.push('the rule has no destination with a positive weight');
    return { ...base, outcome: 'clusterNotFound', mirrors: [], localReply: noCluster(rule.gatewaySemantics) };
  }
  const resolved = resolveDestination(picked, ctx);
  if (resolved.missing) ctx.notes.push(resolved.missing);
  const authority = rule.rewrite?.authority ?? authorityFromHeaders(rule.requestHeaders) ?? authorityFromHeaders(picked.requestHeaders);
  const path = rule.rewrite?.path ? rewritePath(rule.rewrite.path, ctx.view, entry.condition) : undefined;
  return {
    ...base,
    ...resolved.decision,
    outcome: resolved.missing ? 'clusterNotFound' : 'forward',
    destination: resolved.destination,
    retries: resolved.missing ? undefined : rule.retries,
    mirrors: rule.mirrors.map((m) => mirrorDecision(m, ctx)),
    rewrite: path !== undefined || authority !== undefined ? { path, authority } : undefined,
    requestHeaders: combineHeaderOps(rule.requestHeaders, picked.requestHeaders),
    responseHeaders: combineHeaderOps(rule.responseHeaders, picked.responseHeaders),
    localReply: resolved.missing ? noCluster(rule.gatewaySemantics) : undefined,
  };
}

/** The decision for a TCP or TLS rule: a weighted destination, nothing else applies at L4. */
export function l4Decision(rule: L4Rule, matchIndex: number | undefined, ctx: DecisionContext): RouteDecision {
  const matched: MatchedRule = { ...rule.origin, matchIndex };
  const picked = pickWeighted(rule.destinations, ctx.request.rand);
  const resolved = picked ? resolveDestination(picked, ctx) : undefined;
  if (resolved?.missing) ctx.notes.push(resolved.missing);
  return {
    outcome: resolved && !resolved.missing ? 'forward' : 'clusterNotFound',
    matched,
    destination: resolved?.destination,
    trafficPolicy: resolved?.decision.trafficPolicy,
    fault: {},
    mirrors: [],
    notes: ctx.notes,
  };
}

/**
 * Istio's default route when no route table applies: all endpoints of the service on the request
 * port, the default retry policy for HTTP, no timeout.
 */
export function defaultDecision(host: string, ctx: DecisionContext): RouteDecision {
  const resolved = resolveDestination({ host, port: ctx.listenerPort, weight: 100 }, ctx);
  const http = ctx.request.protocol === 'http' || ctx.request.protocol === 'grpc';
  return {
    ...resolved.decision,
    outcome: 'forward',
    matched: 'default',
    destination: resolved.destination,
    fault: {},
    retries: http ? defaultRetryDecision() : undefined,
    mirrors: [],
    notes: ctx.notes,
  };
}
