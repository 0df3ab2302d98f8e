/** The Jaeger service names a workload, service or app page searches: what Istio's proxies report for its pods. */
import { jaegerServiceName } from '../../../mesh/telemetry/scope';

const CANONICAL_NAME = 'service.istio.io/canonical-name';

/** Istio's canonical service of a pod: its `service.istio.io/canonical-name` label, else `app`, else `fallback`. */
export function canonicalServiceOf(labels: Readonly<Record<string, string>>, fallback: string): string {
  return labels[CANONICAL_NAME] || labels.app || labels['app.kubernetes.io/name'] || fallback;
}

/** Distinct Jaeger names of the pods (by their labels) behind a scope, in first-seen order. */
export function jaegerNamesOf(podLabels: readonly Readonly<Record<string, string>>[], namespace: string, fallback: string): string[] {
  const names = podLabels.map((labels) => jaegerServiceName(canonicalServiceOf(labels, fallback), namespace));
  return [...new Set(names)];
}
