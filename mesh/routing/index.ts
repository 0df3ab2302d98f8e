/**
 * Routing semantics of an Istio mesh: which destination (subset, weight, fault, retries, timeout,
 * mirror, redirect) a request gets under VirtualServices, DestinationRules, Sidecars, Gateways and
 * Gateway API routes.
 *
 * Modelled as Istio and Envoy do it:
 * - hosts: short names expanded in the config's namespace (names with a dot are literal); the DNS
 *   forms a client may use; wildcards; exportTo; Sidecar egress imports and outboundTrafficPolicy.
 * - route tables: most specific host first, then private/exported/public, then oldest. A sidecar uses
 *   one VirtualService per host; a gateway merges them and moves catch-all routes last. Delegation.
 * - HTTP matching: uri/scheme/method/authority/headers/withoutHeaders/queryParams, RE2 regexes as full
 *   matches, ignoreUriCase, port, sourceLabels, sourceNamespace, gateways; first matching rule wins;
 *   no match → 404 NR.
 * - destinations: relative weights, the port choice of Istio, DestinationRule lookup (client namespace,
 *   service namespace, root namespace; merging; workloadSelector), subset labels and the effective
 *   traffic policy; unknown host or subset → 503 NC.
 * - fault (no percentage = never), retries (Istio's default policy; retryOn codes), timeout, mirrors,
 *   redirect, direct response, rewrite, header operations; TCP and TLS (SNI) routes.
 * - Gateway API: HTTPRoute/GRPCRoute on Gateway listeners (hostname intersection, allowedRoutes,
 *   sectionName/port) and on Services (GAMMA, producer and consumer routes), rule precedence,
 *   filters, timeouts and retry, 500 without backends.
 *
 * Not modelled: CORS, locality load balancing and endpoint selection, per-backend Gateway API filters,
 * ReferenceGrant checks, mesh-wide exportTo defaults and meshConfig.defaultHttpRetryPolicy, multiple
 * clusters, ambient-only routing.
 */

export { resolveRoute } from './resolve';
export { RoutingIndex, buildRoutingIndex } from './routing-index';
export { parseDuration } from './duration';
export {
  DEFAULT_CLUSTER_DOMAIN,
  DEFAULT_ROOT_NAMESPACE,
  hostCovers,
  normalizeRequestHost,
  resolveShortname,
} from './hosts';
export {
  ISTIO_DEFAULT_RETRIABLE_STATUS_CODES,
  ISTIO_DEFAULT_RETRY_ATTEMPTS,
  ISTIO_DEFAULT_RETRY_ON,
  parseRetryOn,
  shouldRetry,
  type AttemptFailure,
  type RetryOnCondition,
} from './retries';
export type {
  ClientTlsMode,
  ClientTlsPolicy,
  ConnectionPoolPolicy,
  EffectiveTrafficPolicy,
  LoadBalancerPolicy,
  OutlierDetectionPolicy,
  PolicyLevel,
  SimpleLoadBalancer,
} from './traffic-policy';
export { LOCAL_RATE_LIMIT_FILTER, localRateLimits, rateLimitsFor, sustainedRate, type LocalRateLimit, type TokenBucket } from './local-rate-limit';
export type { ObjectRef } from './objects';
export type * from './types';
