/** The names a metrics scope can take in a namespace, from the cluster's Deployments and Services. */
import type { ScopeKind } from '../../../mesh/telemetry/scope';
import { appOf } from '../../api';
import type { DeploymentView, ServiceView } from '../../api';

export function scopeNames(kind: ScopeKind, namespace: string, deployments: readonly DeploymentView[], services: readonly ServiceView[]): string[] {
  const names =
    kind === 'service'
      ? services.filter((s) => s.namespace === namespace).map((s) => s.name)
      : deployments
          .filter((d) => d.namespace === namespace)
          .map((d) => (kind === 'workload' ? d.name : (appOf(d.templateLabels) ?? appOf(d.labels) ?? d.name)));
  return [...new Set(names)].sort((a, b) => a.localeCompare(b));
}
