/** What an exported object is called and contains. */
import type { KindInfo } from '../../../../mesh/kinds';
import { cleanForApply, toYaml } from '../../../api/config-writes';
import type { KubeObject } from '../../../api';

/** `virtualservice-bookinfo-reviews.yaml`; cluster-scoped objects have no namespace part. */
export function exportFileName(kind: KindInfo, object: KubeObject): string {
  const parts = [kind.kind.toLowerCase(), kind.namespaced ? object.metadata.namespace : undefined, object.metadata.name];
  return `${parts.filter(Boolean).join('-')}.yaml`;
}

/** The YAML to keep in Git or pipe to `kubectl apply -f -`. */
export function exportYaml(object: KubeObject): string {
  return toYaml(cleanForApply(object));
}
