/** Which workloads a policy's selector picks, as Istio scopes selectors to the policy's namespace. */

import type { KubeObject } from '../kube-types';
import { asObject, asStringMap } from '../routing/narrow';
import type { AnalysisContext } from './context';
import type { FieldPath } from './sink';
import type { Workload } from './workloads-index';

export interface PolicySelector {
  readonly labels: Readonly<Record<string, string>>;
  readonly path: FieldPath;
}

/** Where each kind keeps its workload selector labels. */
const SELECTOR_FIELDS: Readonly<Record<string, readonly [string, string]>> = {
  AuthorizationPolicy: ['selector', 'matchLabels'],
  PeerAuthentication: ['selector', 'matchLabels'],
  RequestAuthentication: ['selector', 'matchLabels'],
  Telemetry: ['selector', 'matchLabels'],
  WasmPlugin: ['selector', 'matchLabels'],
  Sidecar: ['workloadSelector', 'labels'],
  EnvoyFilter: ['workloadSelector', 'labels'],
  DestinationRule: ['workloadSelector', 'matchLabels'],
};

/** The selector of a policy object; undefined when it has none (it applies namespace- or mesh-wide). */
export function selectorOf(object: KubeObject): PolicySelector | undefined {
  const fields = SELECTOR_FIELDS[object.kind];
  if (!fields) return undefined;
  const selector = asObject(object.spec?.[fields[0]]);
  if (!selector) return undefined;
  return { labels: asStringMap(selector[fields[1]]), path: ['spec', fields[0], fields[1]] };
}

export function hasSelector(object: KubeObject): boolean {
  const s = selectorOf(object);
  return s !== undefined && Object.keys(s.labels).length > 0;
}

/** Workloads a selector-bearing policy selects (its own namespace only). */
export function selectedWorkloads(ctx: AnalysisContext, object: KubeObject): readonly Workload[] {
  const namespace = object.metadata.namespace ?? 'default';
  return ctx.workloads.select(namespace, selectorOf(object)?.labels ?? {});
}

/** Whether a policy applies to a workload: mesh-wide from the root namespace, namespace-wide, or selected. */
export function policyApplies(ctx: AnalysisContext, policy: KubeObject, workload: Workload): boolean {
  const namespace = policy.metadata.namespace ?? 'default';
  const selector = selectorOf(policy);
  if (!selector || Object.keys(selector.labels).length === 0) return namespace === ctx.rootNamespace || namespace === workload.namespace;
  if (namespace !== workload.namespace) return false;
  return Object.entries(selector.labels).every(([k, v]) => workload.labels[k] === v);
}
