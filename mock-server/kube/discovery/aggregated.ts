import type { KindInfo } from '../../../mesh/kinds';
import { categoriesOf, kindsIn, servedGroupVersions, verbsOf } from './served-kinds';
import { subresourcesOf } from './resources';

/** The versions of apidiscovery.k8s.io that clients ask for, newest first. */
export const AGGREGATED_VERSIONS = ['v2', 'v2beta1'] as const;
export type AggregatedVersion = (typeof AGGREGATED_VERSIONS)[number];

export function aggregatedContentType(version: AggregatedVersion): string {
  return `application/json;g=apidiscovery.k8s.io;v=${version};as=APIGroupDiscoveryList`;
}

/**
 * The aggregated discovery version the Accept header asks for, if any. Clients list the
 * aggregated forms first and plain JSON last, so the first acceptable entry wins.
 */
export function requestedAggregatedVersion(accept: string | undefined): AggregatedVersion | undefined {
  for (const range of (accept ?? '').split(',')) {
    const [mediaType = '', ...params] = range.split(';').map((p) => p.trim());
    const values = new Map(params.map((p) => p.split('=').map((s) => s.trim()) as [string, string]));
    if (mediaType === 'application/json' && values.get('g') === 'apidiscovery.k8s.io' && values.get('as') === 'APIGroupDiscoveryList') {
      const version = AGGREGATED_VERSIONS.find((v) => v === values.get('v'));
      if (version) return version;
    }
  }
  return undefined;
}

/** apidiscovery APIGroupDiscoveryList: the core group for /api, every other group for /apis. */
export function aggregatedDiscovery(version: AggregatedVersion, core: boolean): object {
  const groups = servedGroupVersions().filter((g) => (g.group === '') === core);
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: `apidiscovery.k8s.io/${version}`,
    metadata: {},
    items: groups.map(({ group, versions }) => ({
      metadata: group === '' ? { creationTimestamp: null } : { name: group, creationTimestamp: null },
      versions: versions.map((v) => ({
        version: v,
        resources: kindsIn(group, v).map((info) => resourceDiscovery(info, v)),
        freshness: 'Current',
      })),
    })),
  };
}

function resourceDiscovery(info: KindInfo, version: string): object {
  const responseKind = { group: info.group, version, kind: info.kind };
  const categories = categoriesOf(info);
  const subresources = subresourcesOf(info);
  return {
    resource: info.plural,
    responseKind,
    scope: info.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: info.singular,
    verbs: [...verbsOf(info)],
    ...(info.shortNames.length > 0 ? { shortNames: [...info.shortNames] } : {}),
    ...(categories.length > 0 ? { categories: [...categories] } : {}),
    ...(subresources.length > 0
      ? {
          subresources: subresources.map((sub) => ({
            subresource: sub.name,
            responseKind: { group: info.group, version, kind: sub.kind },
            verbs: sub.verbs,
          })),
        }
      : {}),
  };
}
