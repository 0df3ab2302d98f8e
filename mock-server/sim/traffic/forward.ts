/**
 * What happens to requests forwarded to one endpoint: the server's PeerAuthentication (STRICT refuses a
 * plaintext client), its AuthorizationPolicies (403), its own error rate with the route's retries (URX when
 * they run out), and the route timeout (504 UT). Shares are expected values, not sampled requests.
 */
import { evaluateAuthorization, evaluatePeerAuthentication, type AuthzDecision } from '../../../mesh/authz';
import { shouldRetry, type AttemptFailure, type RouteDecision } from '../../../mesh/routing';
import { responseFlagsLabel, type ResponseFlag } from '../../../mesh/telemetry';
import type { SimCall, SimWorkload } from '../model';
import { reportsDestination, type CallerTraits } from './caller';
import { latencyDistribution } from './latency';
import type { LiveConfig } from './live-config';
import type { ClusterUse, ReportLine, ServedShare, ServiceLabels } from './plan-types';

export interface ForwardContext {
  readonly config: LiveConfig;
  readonly caller: SimWorkload | undefined;
  readonly traits: CallerTraits;
  readonly call: SimCall;
  readonly service: ServiceLabels;
  /** Absent when no client-side proxy routed the request. */
  readonly decision?: RouteDecision;
  readonly cluster?: ClusterUse;
  /** A mirrored copy: only the server reports it, and nobody waits for its answer. */
  readonly mirrored?: boolean;
}

export interface PlanParts {
  readonly lines: ReportLine[];
  readonly served: ServedShare[];
}

const GRPC_UNAVAILABLE = 14;
/** Shares below this would round to no request at all in most steps; they are not given series. */
const NEGLIGIBLE_SHARE = 1e-3;
const GRPC_PERMISSION_DENIED = 7;

/** The SPIFFE identity of a workload, without the spiffe:// scheme. */
/** Envoy lists flags in a fixed order, whatever order they were set in. */
const ENVOY_FLAG_ORDER: readonly ResponseFlag[] = ['UH', 'UT', 'UF', 'UC', 'UO', 'NR', 'DI', 'FI', 'RL', 'UAEX', 'DC', 'URX', 'NC', 'RBAC'];

export function flagsLabel(flags: readonly ResponseFlag[]): string {
  return responseFlagsLabel([...flags].sort((a, b) => ENVOY_FLAG_ORDER.indexOf(a) - ENVOY_FLAG_ORDER.indexOf(b)));
}

export function identityOf(workload: SimWorkload): string {
  return `cluster.local/ns/${workload.namespace}/sa/${workload.serviceAccount}`;
}

export function forwardToEndpoint(ctx: ForwardContext, server: SimWorkload, share: number, out: PlanParts): void {
  const { call, traits, decision } = ctx;
  const delayMs = decision?.fault.delayMs ?? 0;
  const baseFlags: ResponseFlag[] = delayMs > 0 ? ['DI'] : [];
  const mtls = usesMutualTls(ctx, server);
  const serverProxied = server.sidecar !== 'none';
  const port = server.port ?? call.port;
  const line = (reporter: ReportLine['reporter'], lineShare: number, responseCode: number, grpcStatus: number | undefined, flags: readonly ResponseFlag[]): void => {
    if (lineShare < NEGLIGIBLE_SHARE) return;
    out.lines.push({
      reporter,
      share: lineShare,
      destination: server,
      service: ctx.service,
      responseCode,
      grpcStatus: call.protocol === 'grpc' ? String(grpcStatus ?? 0) : '',
      responseFlags: flagsLabel(flags),
      security: reporter === 'source' ? 'unknown' : mtls ? 'mutual_tls' : 'none',
      peerAuthenticated: mtls,
      latency: server.latency,
      delayMs: reporter === 'source' ? delayMs : 0,
      cluster: ctx.cluster,
      mirrored: ctx.mirrored,
    });
  };
  const both = (lineShare: number, code: number, grpcStatus: number | undefined, flags: readonly ResponseFlag[]): void => {
    if (traits.reportsSource) line('source', lineShare, code, grpcStatus, [...baseFlags, ...flags]);
    if (reportsDestination(server)) line('destination', lineShare, code, grpcStatus, flags);
  };

  if (serverProxied && !mtls && evaluatePeerAuthentication(ctx.config.peerAuthentications, server, port) === 'STRICT') {
    // The server refuses the plaintext connection. Without a client proxy nobody reports it; it is counted
    // at the server so the refusal stays visible.
    const retried = decision?.retries !== undefined && shouldRetry(decision.retries, { kind: 'connect-failure' });
    const flags: ResponseFlag[] = retried ? ['UF', 'URX'] : ['UF'];
    if (traits.reportsSource) line('source', share, 503, GRPC_UNAVAILABLE, [...baseFlags, ...flags]);
    else if (reportsDestination(server)) line('destination', share, 503, GRPC_UNAVAILABLE, flags);
    return;
  }

  const authz = serverProxied ? authorization(ctx, server, port, mtls) : undefined;
  if (authz && !authz.allowed) {
    // A CUSTOM policy's external authorizer said no (Envoy's ext_authz flags it UAEX); RBAC sets no flag.
    both(share, 403, GRPC_PERMISSION_DENIED, authz.decidingPolicy?.action === 'CUSTOM' ? ['UAEX'] : []);
    return;
  }

  const errorRate = call.protocol === 'tcp' ? 0 : Math.min(Math.max(server.errorRate, 0), 1);
  const failure: AttemptFailure = call.protocol === 'grpc' ? { kind: 'response', httpStatus: 200, grpcStatus: GRPC_UNAVAILABLE } : { kind: 'response', httpStatus: 503 };
  const retries = decision?.retries !== undefined && shouldRetry(decision.retries, failure) ? decision.retries.attempts : 0;
  const attempts = errorRate >= 1 ? retries + 1 : (1 - errorRate ** (retries + 1)) / (1 - errorRate);
  const failed = errorRate ** (retries + 1);
  const timeoutMs = decision?.timeoutMs;
  const timedOut = timeoutMs !== undefined && timeoutMs > 0 ? 1 - latencyDistribution(server.latency, delayMs).cdf(timeoutMs) : 0;
  const failCode = call.protocol === 'grpc' ? 200 : 503;

  if (traits.reportsSource) {
    line('source', share * (1 - failed) * (1 - timedOut), 200, 0, baseFlags);
    line('source', share * failed * (1 - timedOut), failCode, GRPC_UNAVAILABLE, [...baseFlags, ...(retries > 0 ? (['URX'] as const) : [])]);
    line('source', share * timedOut, 504, GRPC_UNAVAILABLE, [...baseFlags, 'UT']);
  }
  if (reportsDestination(server)) {
    line('destination', share * attempts * (1 - errorRate), 200, 0, []);
    line('destination', share * attempts * errorRate, failCode, GRPC_UNAVAILABLE, []);
  }
  out.served.push({ workload: server, share: share * attempts, cluster: ctx.cluster });
}

/** Auto mTLS: both ends in the mesh and no DestinationRule asking for something else. */
function usesMutualTls(ctx: ForwardContext, server: SimWorkload): boolean {
  if (!ctx.traits.mtlsCapable || server.sidecar === 'none') return false;
  const mode = ctx.decision?.trafficPolicy?.tls?.mode;
  return mode === undefined || mode === 'ISTIO_MUTUAL';
}

function authorization(ctx: ForwardContext, server: SimWorkload, port: number, mtls: boolean): AuthzDecision {
  const { call, caller } = ctx;
  return evaluateAuthorization(ctx.config.authorizationPolicies, {
    destination: {
      namespace: server.namespace,
      labels: server.labels,
      serviceNames: server.sidecar === 'ambient' ? [ctx.service.name] : undefined,
    },
    source: { principal: mtls && caller ? identityOf(caller) : undefined, namespace: caller?.namespace },
    request: {
      protocol: call.protocol === 'tcp' ? 'tcp' : 'http',
      method: call.method,
      path: call.path,
      host: call.authority ?? call.toHost,
      port,
    },
  }, { customProviders: ctx.config.customProviders });
}
