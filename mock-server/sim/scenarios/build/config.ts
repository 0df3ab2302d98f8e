/** Istio and Gateway API objects, at the version the mock API server prefers for their kind. */
import { apiVersionOf, findKind } from '../../../../mesh/kinds';
import type { KubeObject } from '../../../../mesh/kube-types';
import type { ScenarioBuilder } from './builder';

export const NETWORKING = 'networking.istio.io';
export const SECURITY = 'security.istio.io';
export const GATEWAY_API = 'gateway.networking.k8s.io';

export type ConfigGroup = typeof NETWORKING | typeof SECURITY | typeof GATEWAY_API;

export interface ConfigInput {
  /** Absent for cluster-scoped kinds (GatewayClass). */
  namespace?: string;
  name: string;
  spec: Record<string, unknown>;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  /** What the controller would have written back, for kinds whose status a console shows. */
  status?: Record<string, unknown>;
  ageSeconds: number;
}

export function configObject(b: ScenarioBuilder, group: ConfigGroup, kind: string, input: ConfigInput): KubeObject {
  const info = findKind(group, kind);
  if (!info) throw new Error(`unknown kind ${kind}.${group}`);
  const metadata = b.meta(kind, input.name, {
    namespace: input.namespace,
    labels: input.labels,
    annotations: input.annotations,
    ageSeconds: input.ageSeconds,
  });
  metadata.generation = 1;
  // Specs are often built from shared constants; each object gets its own copy.
  const object: KubeObject = { apiVersion: apiVersionOf(info), kind, metadata, spec: structuredClone(input.spec) };
  if (input.status) object.status = structuredClone(input.status);
  return object;
}

/** A Gateway API status condition that holds since `since`. */
export function trueCondition(type: string, reason: string, since: string, message = ''): Record<string, unknown> {
  return { type, status: 'True', reason, message, observedGeneration: 1, lastTransitionTime: since };
}
