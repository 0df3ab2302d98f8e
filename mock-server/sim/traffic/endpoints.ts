/** Which workloads serve a service (optionally one subset of it), weighted by replicas as kube-proxy/Envoy spread them. */
import { selectorMatches } from '../../../mesh/routing/objects';
import type { SimWorkload } from '../model';
import type { ServiceInfo } from './live-config';

export interface Endpoint {
  readonly workload: SimWorkload;
  /** Share of the service's (or subset's) traffic. */
  readonly share: number;
}

export function endpointsOf(
  workloads: readonly SimWorkload[],
  service: ServiceInfo,
  subsetLabels: Readonly<Record<string, string>> | undefined,
): Endpoint[] {
  // A Service without a selector has no endpoints the simulator knows of.
  if (Object.keys(service.selector).length === 0) return [];
  const matching = workloads.filter(
    (w) => w.namespace === service.namespace && selectorMatches(service.selector, w.labels) && (!subsetLabels || selectorMatches(subsetLabels, w.labels)),
  );
  const replicas = matching.reduce((sum, w) => sum + Math.max(w.replicas, 1), 0);
  return matching.map((workload) => ({ workload, share: Math.max(workload.replicas, 1) / replicas }));
}
