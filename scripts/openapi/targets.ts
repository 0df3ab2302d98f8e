import type { KindInfo } from '../../mesh/kinds';
import { SERVED_KINDS } from '../../mock-server/kube/discovery/served-kinds';
import { definitionName, isBuiltinGroup } from '../../mock-server/kube/openapi/schema-names';

/** One kind at one version, and the @kubernetes-models module that declares it. */
export interface KindTarget {
  info: KindInfo;
  version: string;
  definition: string;
  /** Module specifier of the declaration (and of the model class, exported under the kind's name). */
  module: string;
  /** Name of the exported interface, e.g. "IVirtualService". */
  interfaceName: string;
}

const PACKAGE_BY_GROUP: Readonly<Record<string, string>> = {
  '': 'kubernetes-models/v1',
  apps: 'kubernetes-models/apps',
  'authorization.k8s.io': 'kubernetes-models/authorization.k8s.io',
  'gateway.networking.k8s.io': '@kubernetes-models/gateway-api/gateway.networking.k8s.io',
};

function moduleOf(info: KindInfo, version: string): string {
  const base = PACKAGE_BY_GROUP[info.group] ?? `@kubernetes-models/istio/${info.group}`;
  return info.group === '' ? `${base}/${info.kind}` : `${base}/${version}/${info.kind}`;
}

export function kindTargets(): KindTarget[] {
  return SERVED_KINDS.flatMap((info) =>
    info.versions.map((version) => ({
      info,
      version,
      definition: definitionName(info.group, version, info.kind),
      module: moduleOf(info, version),
      interfaceName: `I${info.kind}`,
    })),
  );
}

export function isCrdTarget(target: KindTarget): boolean {
  return !isBuiltinGroup(target.info.group);
}

/** Shared definitions the documents refer to besides the kinds' own: list metadata and errors. */
export const EXTRA_DEFINITIONS: readonly { module: string; interfaceName: string }[] = [
  { module: '@kubernetes-models/apimachinery/apis/meta/v1/ListMeta', interfaceName: 'IListMeta' },
  { module: '@kubernetes-models/apimachinery/apis/meta/v1/Status', interfaceName: 'IStatus' },
];
