/** What a telemetry view is about: one workload, one service or one app (canonical service) in a namespace. */

export type ScopeKind = 'workload' | 'service' | 'app';

export interface TelemetryScope {
  readonly kind: ScopeKind;
  readonly namespace: string;
  readonly name: string;
}

/** Istio's `destination_service` value for a Kubernetes Service: its cluster-local FQDN. */
export function serviceFqdn(namespace: string, name: string, clusterDomain = 'cluster.local'): string {
  return `${name}.${namespace}.svc.${clusterDomain}`;
}

/**
 * The service name Istio's proxies report to Jaeger: `<canonical service>.<namespace>`
 * (the canonical service is the `service.istio.io/canonical-name` label, else `app`, else the workload name).
 */
export function jaegerServiceName(canonicalService: string, namespace: string): string {
  return `${canonicalService}.${namespace}`;
}
