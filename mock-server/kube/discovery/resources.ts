import { createHash } from 'node:crypto';
import { preferredVersion, type KindInfo } from '../../../mesh/kinds';
import { categoriesOf, kindsIn, servedGroupVersions, verbsOf } from './served-kinds';

/** metav1.APIResource, as a legacy (unaggregated) discovery document lists it. */
export interface ApiResource {
  name: string;
  singularName: string;
  namespaced: boolean;
  kind: string;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
  storageVersionHash?: string;
}

export interface Subresource {
  name: string;
  kind: string;
  verbs: string[];
}

/** Subresources the server serves besides the objects themselves: logs and the service proxy. */
export function subresourcesOf(info: KindInfo): Subresource[] {
  if (info.group !== '') return [];
  if (info.plural === 'pods') return [{ name: 'log', kind: 'Pod', verbs: ['get'] }];
  if (info.plural === 'services') {
    return [{ name: 'proxy', kind: 'ServiceProxyOptions', verbs: ['create', 'delete', 'get', 'patch', 'update'] }];
  }
  return [];
}

/**
 * Lets clients notice a changed storage version; the real server hashes the storage
 * group/version/kind the same way.
 */
export function storageVersionHash(info: KindInfo): string {
  const gvk = `${info.group}/${preferredVersion(info)}, Kind=${info.kind}`;
  return createHash('sha256').update(gvk).digest().subarray(0, 8).toString('base64');
}

export function apiResources(info: KindInfo): ApiResource[] {
  const resource: ApiResource = {
    name: info.plural,
    singularName: info.singular,
    namespaced: info.namespaced,
    kind: info.kind,
    verbs: [...verbsOf(info)],
  };
  if (info.shortNames.length > 0) resource.shortNames = [...info.shortNames];
  const categories = categoriesOf(info);
  if (categories.length > 0) resource.categories = [...categories];
  resource.storageVersionHash = storageVersionHash(info);
  const subresources = subresourcesOf(info).map((sub) => ({
    name: `${info.plural}/${sub.name}`,
    singularName: '',
    namespaced: info.namespaced,
    kind: sub.kind,
    verbs: sub.verbs,
  }));
  return [resource, ...subresources];
}

export function groupVersionString(group: string, version: string): string {
  return group === '' ? version : `${group}/${version}`;
}

/** metav1.APIResourceList of one group-version, or undefined when it is not served. */
export function apiResourceList(group: string, version: string): object | undefined {
  const kinds = kindsIn(group, version);
  if (kinds.length === 0) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: groupVersionString(group, version),
    resources: kinds.flatMap(apiResources),
  };
}

/** metav1.APIGroup: the group's versions, preferred first. */
export function apiGroup(group: string): { name: string; versions: object[]; preferredVersion: object } | undefined {
  const served = servedGroupVersions().find((g) => g.group === group && group !== '');
  const preferred = served?.versions[0];
  if (!served || !preferred) return undefined;
  const entry = (version: string) => ({ groupVersion: groupVersionString(group, version), version });
  return { name: group, versions: served.versions.map(entry), preferredVersion: entry(preferred) };
}

export function apiGroupList(): object {
  const groups = servedGroupVersions()
    .filter((g) => g.group !== '')
    .flatMap((g) => apiGroup(g.group) ?? []);
  return { kind: 'APIGroupList', apiVersion: 'v1', groups };
}

/** metav1.APIVersions for /api: the core group's versions and where clients reach the server. */
export function apiVersions(serverAddress: string): object {
  const core = servedGroupVersions().find((g) => g.group === '');
  return {
    kind: 'APIVersions',
    versions: core?.versions ?? [],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}
