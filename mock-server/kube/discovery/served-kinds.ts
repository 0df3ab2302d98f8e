import { KINDS, type KindInfo } from '../../../mesh/kinds';

/**
 * The access-review kinds clients create to ask "may I?". They are not mesh kinds, so they are not
 * in KINDS, but the server serves them (create only) and describes them in discovery and OpenAPI.
 */
export const REVIEW_KINDS: readonly KindInfo[] = [
  reviewKind('SelfSubjectAccessReview', 'selfsubjectaccessreviews'),
  reviewKind('SelfSubjectRulesReview', 'selfsubjectrulesreviews'),
];

function reviewKind(kind: string, plural: string): KindInfo {
  return {
    group: 'authorization.k8s.io',
    versions: ['v1'],
    kind,
    plural,
    singular: kind.toLowerCase(),
    namespaced: false,
    shortNames: [],
    category: 'core',
  };
}

/** Every kind the server describes: the mesh kinds and the access reviews. */
export const SERVED_KINDS: readonly KindInfo[] = [...KINDS, ...REVIEW_KINDS];

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] as const;

export function verbsOf(info: KindInfo): readonly string[] {
  return REVIEW_KINDS.includes(info) ? ['create'] : ALL_VERBS;
}

/** Discovery categories, as the kinds' CRDs (or kube-apiserver, for "all") declare them. */
export function categoriesOf(info: KindInfo): readonly string[] {
  switch (info.category) {
    case 'istio-networking':
      return ['istio-io', 'networking-istio-io'];
    case 'istio-security':
      return ['istio-io', 'security-istio-io'];
    case 'istio-telemetry':
      return ['istio-io', 'telemetry-istio-io'];
    case 'istio-extensions':
      return ['istio-io', 'extensions-istio-io'];
    case 'gateway-api':
      return ['gateway-api'];
    default:
      return IN_ALL_CATEGORY.has(info.plural) ? ['all'] : [];
  }
}

/** Built-in resources `kubectl get all` lists. */
const IN_ALL_CATEGORY = new Set(['pods', 'services', 'deployments']);

/** Group/version pairs in the order discovery lists them: core first, then groups as KINDS order them. */
export function servedGroupVersions(): { group: string; versions: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const info of SERVED_KINDS) {
    const versions = groups.get(info.group) ?? [];
    for (const version of info.versions) if (!versions.includes(version)) versions.push(version);
    groups.set(info.group, versions);
  }
  return [...groups].map(([group, versions]) => ({ group, versions }));
}

export function kindsIn(group: string, version: string): KindInfo[] {
  return SERVED_KINDS.filter((k) => k.group === group && k.versions.includes(version));
}
