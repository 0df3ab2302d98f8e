/**
 * Routing semantics of an Istio mesh: which destination (subset, weight, fault, retries, timeout,
 * mirror, redirect) a request gets under VirtualServices, DestinationRules, Sidecars, Gateways and
 * Gateway API routes.
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
export type { ObjectRef } from './objects';
export type * from './types';
