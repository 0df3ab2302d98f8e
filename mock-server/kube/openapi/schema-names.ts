/** How the real API server names the OpenAPI definitions of a kind. */

/** Groups compiled into kube-apiserver; every other group is served from a CRD. */
const BUILTIN_GROUPS: Readonly<Record<string, string>> = {
  '': 'core',
  apps: 'apps',
  'authorization.k8s.io': 'authorization',
};

export function isBuiltinGroup(group: string): boolean {
  return group in BUILTIN_GROUPS;
}

/**
 * "io.k8s.api.core.v1.Pod" for built-in kinds; for CRDs the group is reversed:
 * "io.istio.networking.v1.VirtualService", "io.k8s.networking.gateway.v1.HTTPRoute".
 */
export function definitionName(group: string, version: string, kind: string): string {
  const builtin = BUILTIN_GROUPS[group];
  const prefix = builtin ? `io.k8s.api.${builtin}` : group.split('.').reverse().join('.');
  return `${prefix}.${version}.${kind}`;
}

export const META_V1 = 'io.k8s.apimachinery.pkg.apis.meta.v1';
export const OBJECT_META = `${META_V1}.ObjectMeta`;
export const LIST_META = `${META_V1}.ListMeta`;
export const STATUS = `${META_V1}.Status`;
