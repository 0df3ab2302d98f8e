import type { KubeObject, StatusCause } from '../../../../mesh/kube-types';

/** An object of some Istio kind with the given spec, for rule tests. */
export function withSpec(spec: Record<string, unknown>, name = 'example'): KubeObject {
  return { apiVersion: 'networking.istio.io/v1', kind: 'Any', metadata: { name, namespace: 'default' }, spec };
}

/** "field: message" per cause, the way `kubectl` prints them. */
export function described(causes: readonly StatusCause[]): string[] {
  return causes.map((c) => `${c.field ?? ''}: ${c.message ?? ''}`);
}
