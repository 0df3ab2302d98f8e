/** Plans one edge of the call graph under the live config: every series it feeds and who serves it. */
import type { MirrorDecision, RouteDecision, RouteDestination } from '../../../mesh/routing';
import type { ResponseFlag } from '../../../mesh/telemetry';
import type { SimCall, SimWorkload } from '../model';
import { callerTraits, type CallerTraits } from './caller';
import { endpointsOf } from './endpoints';
import { flagsLabel, forwardToEndpoint, type ForwardContext, type PlanParts } from './forward';
import type { LiveConfig } from './live-config';
import { LOCAL_REPLY_LATENCY, type ClusterUse, type EdgePlan, type ServiceLabels } from './plan-types';
import { routeShares } from './route-shares';

export interface PlanEnvironment {
  readonly config: LiveConfig;
  readonly workloadsInNamespace: (namespace: string) => readonly SimWorkload[];
}

export function planEdge(env: PlanEnvironment, caller: SimWorkload | undefined, call: SimCall): EdgePlan {
  const traits = callerTraits(caller);
  const parts: PlanParts = { lines: [], served: [] };
  if (caller && traits.routes) {
    for (const { decision, share } of routeShares(env.config, caller, call)) applyDecision(env, { caller, traits, call }, decision, share, parts);
  } else {
    // Nothing on the client side applies mesh routing: kube-proxy picks any endpoint of the Service.
    forwardToService(env, { caller, traits, call }, call.toHost, undefined, undefined, 1, parts);
  }
  return { caller, call, lines: parts.lines, served: parts.served };
}

interface EdgeContext {
  readonly caller: SimWorkload | undefined;
  readonly traits: CallerTraits;
  readonly call: SimCall;
}

function applyDecision(env: PlanEnvironment, edge: EdgeContext, decision: RouteDecision, share: number, parts: PlanParts): void {
  const abort = decision.fault.abort;
  if (abort) {
    const flags: ResponseFlag[] = decision.fault.delayMs ? ['DI', 'FI'] : ['FI'];
    localReply(env, edge, abort.httpStatus ?? 200, grpcStatusCode(abort.grpcStatus), flags, share, parts);
    return;
  }
  switch (decision.outcome) {
    case 'forward':
      if (decision.destination) {
        forwardToService(env, edge, decision.destination.host, decision.destination.subsetLabels, decision, share, parts);
      }
      for (const mirror of decision.mirrors) if (mirror.mirrored) forwardMirror(env, edge, mirror, share, parts);
      return;
    case 'passthrough':
      if (edge.traits.reportsSource) {
        parts.lines.push(localLine(edge, { host: edge.call.toHost, name: 'PassthroughCluster', namespace: 'unknown' }, 200, '0', '-', share));
      }
      return;
    default: {
      const status = decision.localReply?.status ?? decision.directResponse?.status ?? decision.redirect?.status ?? 500;
      const flag = decision.localReply?.responseFlag;
      localReply(env, edge, status, undefined, flag ? [flag as ResponseFlag] : [], share, parts);
    }
  }
}

function forwardToService(
  env: PlanEnvironment,
  edge: EdgeContext,
  host: string,
  subsetLabels: Readonly<Record<string, string>> | undefined,
  decision: RouteDecision | undefined,
  share: number,
  parts: PlanParts,
): void {
  const service = env.config.services.get(host);
  const labels = serviceLabels(env.config, host);
  if (!service) {
    // A ServiceEntry or unknown external host: only the client's proxy sees the request.
    if (edge.traits.reportsSource) parts.lines.push(localLine(edge, labels, 200, '0', '-', share));
    return;
  }
  const endpoints = endpointsOf(env.workloadsInNamespace(service.namespace), service, subsetLabels);
  if (endpoints.length === 0) {
    localReply(env, edge, 503, undefined, ['UH'], share, parts);
    return;
  }
  const cluster = decision?.destination && clusterUse(decision.destination, decision);
  const ctx: ForwardContext = { config: env.config, caller: edge.caller, traits: edge.traits, call: edge.call, service: labels, decision, cluster };
  for (const endpoint of endpoints) forwardToEndpoint(ctx, endpoint.workload, share * endpoint.share, parts);
}

function clusterUse(destination: RouteDestination, decision: RouteDecision): ClusterUse {
  return { name: `outbound|${destination.port}|${destination.subset ?? ''}|${destination.host}`, policy: decision.trafficPolicy };
}

/**
 * A copy of the request sent to a mirror: the server sees it (and makes its own calls), the client's proxy
 * neither waits for it nor reports it, and no retry or timeout of the route applies.
 */
function forwardMirror(env: PlanEnvironment, edge: EdgeContext, mirror: MirrorDecision, share: number, parts: PlanParts): void {
  const service = env.config.services.get(mirror.host);
  if (!service) return;
  const traits: CallerTraits = { ...edge.traits, reportsSource: false };
  const ctx: ForwardContext = { config: env.config, caller: edge.caller, traits, call: edge.call, service: serviceLabels(env.config, mirror.host), mirrored: true };
  for (const endpoint of endpointsOf(env.workloadsInNamespace(service.namespace), service, mirror.subsetLabels)) {
    forwardToEndpoint(ctx, endpoint.workload, share * endpoint.share, parts);
  }
}

/** The client's proxy answers by itself: reported only by that proxy. */
function localReply(
  env: PlanEnvironment,
  edge: EdgeContext,
  status: number,
  grpcStatus: string | undefined,
  flags: readonly ResponseFlag[],
  share: number,
  parts: PlanParts,
): void {
  if (!edge.traits.localReporter) return;
  parts.lines.push(localLine(edge, serviceLabels(env.config, edge.call.toHost), status, grpcStatus, flagsLabel(flags), share));
}

function localLine(edge: EdgeContext, service: ServiceLabels, status: number, grpcStatus: string | undefined, flags: string, share: number): PlanParts['lines'][number] {
  return {
    reporter: edge.traits.localReporter ?? 'source',
    share,
    service,
    responseCode: status,
    grpcStatus: edge.call.protocol === 'grpc' ? (grpcStatus ?? '14') : '',
    responseFlags: flags,
    security: 'unknown',
    peerAuthenticated: false,
    latency: LOCAL_REPLY_LATENCY,
    delayMs: 0,
  };
}

const GRPC_STATUS_NAMES = [
  'OK', 'CANCELLED', 'UNKNOWN', 'INVALID_ARGUMENT', 'DEADLINE_EXCEEDED', 'NOT_FOUND', 'ALREADY_EXISTS', 'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED', 'FAILED_PRECONDITION', 'ABORTED', 'OUT_OF_RANGE', 'UNIMPLEMENTED', 'INTERNAL', 'UNAVAILABLE', 'DATA_LOSS', 'UNAUTHENTICATED',
];

/** The numeric code the grpc_response_status label carries, from a fault's status name. */
function grpcStatusCode(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const index = GRPC_STATUS_NAMES.indexOf(name.toUpperCase());
  return index >= 0 ? String(index) : /^\d+$/.test(name) ? name : undefined;
}

export function serviceLabels(config: LiveConfig, host: string): ServiceLabels {
  const service = config.services.get(host);
  if (service) return { host, name: service.name, namespace: service.namespace };
  return { host, name: host, namespace: config.serviceEntryHosts.get(host) ?? 'unknown' };
}
