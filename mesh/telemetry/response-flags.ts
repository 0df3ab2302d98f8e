/** Envoy response flags (the response_flags label and access log %RESPONSE_FLAGS%) used by the simulator. */

export const RESPONSE_FLAGS = {
  /** Upstream connection failure (503). */
  UF: 'Upstream connection failure',
  /** Upstream retry limit exceeded (HTTP) or maximum connect attempts reached (TCP). */
  URX: 'Upstream retry limit exceeded',
  /** Upstream request timeout (504). */
  UT: 'Upstream request timeout',
  /** Upstream overflow: circuit breaking (503). */
  UO: 'Upstream overflow (circuit breaking)',
  /** The request was aborted with a status specified by fault injection. */
  FI: 'Aborted by fault injection',
  /** The request was delayed for a duration specified by fault injection. */
  DI: 'Delayed by fault injection',
  /** The request was rate limited locally (429). */
  RL: 'Rate limited locally',
  /** Denied by an external authorization service: a CUSTOM AuthorizationPolicy (403). */
  UAEX: 'Unauthorized by external authorization',
  /** No healthy upstream host in the upstream cluster (503). */
  UH: 'No healthy upstream',
  /** No route configured for the request (404), or no matching filter chain for a connection. */
  NR: 'No route configured',
  /** Downstream connection termination. */
  DC: 'Downstream connection termination',
  /** Upstream connection termination (503). */
  UC: 'Upstream connection termination',
  /** The upstream cluster does not exist (503). */
  NC: 'Upstream cluster not found',
  /** Denied by an RBAC (AuthorizationPolicy) filter (403). */
  RBAC: 'Access denied by RBAC',
} as const;

export type ResponseFlag = keyof typeof RESPONSE_FLAGS;

/** The label value when no flag applies. */
export const NO_RESPONSE_FLAGS = '-';

/** Envoy joins several flags with commas, e.g. "DI,FI". */
export function responseFlagsLabel(flags: readonly ResponseFlag[]): string {
  return flags.length === 0 ? NO_RESPONSE_FLAGS : flags.join(',');
}
