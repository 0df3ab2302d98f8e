/**
 * Every resource kind Meshdeck knows: where it lives in the Kubernetes API and how it is named.
 * The mock API server serves exactly these; the console lists and edits them.
 */

export type KindCategory =
  | 'core'
  | 'apps'
  | 'istio-networking'
  | 'istio-security'
  | 'istio-telemetry'
  | 'istio-extensions'
  | 'gateway-api';

export interface KindInfo {
  /** API group; '' for the core group. */
  readonly group: string;
  /** Served versions, the preferred (storage) version first. */
  readonly versions: readonly string[];
  readonly kind: string;
  readonly plural: string;
  readonly singular: string;
  readonly namespaced: boolean;
  readonly shortNames: readonly string[];
  readonly category: KindCategory;
}

function kind(
  group: string,
  versions: readonly string[],
  kindName: string,
  plural: string,
  category: KindCategory,
  shortNames: readonly string[] = [],
  namespaced = true,
): KindInfo {
  return {
    group,
    versions,
    kind: kindName,
    plural,
    singular: kindName.toLowerCase(),
    namespaced,
    shortNames,
    category,
  };
}

const NETWORKING = 'networking.istio.io';
const SECURITY = 'security.istio.io';
const GATEWAY_API = 'gateway.networking.k8s.io';
const NET_ALL = ['v1', 'v1beta1', 'v1alpha3'] as const;

export const KINDS: readonly KindInfo[] = [
  kind('', ['v1'], 'Namespace', 'namespaces', 'core', ['ns'], false),
  kind('', ['v1'], 'Pod', 'pods', 'core', ['po']),
  kind('', ['v1'], 'Service', 'services', 'core', ['svc']),
  kind('', ['v1'], 'ServiceAccount', 'serviceaccounts', 'core', ['sa']),
  kind('', ['v1'], 'ConfigMap', 'configmaps', 'core', ['cm']),
  kind('apps', ['v1'], 'Deployment', 'deployments', 'apps', ['deploy']),

  kind(NETWORKING, NET_ALL, 'VirtualService', 'virtualservices', 'istio-networking', ['vs']),
  kind(NETWORKING, NET_ALL, 'DestinationRule', 'destinationrules', 'istio-networking', ['dr']),
  kind(NETWORKING, NET_ALL, 'Gateway', 'gateways', 'istio-networking', ['gw']),
  kind(NETWORKING, NET_ALL, 'ServiceEntry', 'serviceentries', 'istio-networking', ['se']),
  kind(NETWORKING, NET_ALL, 'Sidecar', 'sidecars', 'istio-networking'),
  kind(NETWORKING, NET_ALL, 'WorkloadEntry', 'workloadentries', 'istio-networking', ['we']),
  kind(NETWORKING, NET_ALL, 'WorkloadGroup', 'workloadgroups', 'istio-networking', ['wg']),
  kind(NETWORKING, ['v1alpha3'], 'EnvoyFilter', 'envoyfilters', 'istio-networking'),
  kind(NETWORKING, ['v1beta1'], 'ProxyConfig', 'proxyconfigs', 'istio-networking'),

  kind(SECURITY, ['v1', 'v1beta1'], 'PeerAuthentication', 'peerauthentications', 'istio-security', ['pa']),
  kind(SECURITY, ['v1', 'v1beta1'], 'AuthorizationPolicy', 'authorizationpolicies', 'istio-security', ['ap']),
  kind(SECURITY, ['v1', 'v1beta1'], 'RequestAuthentication', 'requestauthentications', 'istio-security', ['ra']),

  kind('telemetry.istio.io', ['v1', 'v1alpha1'], 'Telemetry', 'telemetries', 'istio-telemetry', ['telemetry']),
  kind('extensions.istio.io', ['v1alpha1'], 'WasmPlugin', 'wasmplugins', 'istio-extensions'),

  kind(GATEWAY_API, ['v1', 'v1beta1'], 'GatewayClass', 'gatewayclasses', 'gateway-api', ['gc'], false),
  kind(GATEWAY_API, ['v1', 'v1beta1'], 'Gateway', 'gateways', 'gateway-api', ['gtw']),
  kind(GATEWAY_API, ['v1', 'v1beta1'], 'HTTPRoute', 'httproutes', 'gateway-api'),
  kind(GATEWAY_API, ['v1'], 'GRPCRoute', 'grpcroutes', 'gateway-api'),
  kind(GATEWAY_API, ['v1', 'v1beta1'], 'ReferenceGrant', 'referencegrants', 'gateway-api', ['refgrant']),
];

/** Kinds an operator edits as mesh configuration (Istio and Gateway API). */
export const CONFIG_KINDS: readonly KindInfo[] = KINDS.filter(
  (k) => k.category !== 'core' && k.category !== 'apps',
);

export function preferredVersion(info: KindInfo): string {
  return info.versions[0] ?? 'v1';
}

export function apiVersionOf(info: KindInfo, version = preferredVersion(info)): string {
  return info.group === '' ? version : `${info.group}/${version}`;
}

/** Splits "group/version" (or "v1" for core) into its parts. */
export function parseApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

export function findKindByPlural(group: string, plural: string): KindInfo | undefined {
  return KINDS.find((k) => k.group === group && k.plural === plural);
}

export function findKind(group: string, kindName: string): KindInfo | undefined {
  return KINDS.find((k) => k.group === group && k.kind === kindName);
}

/** A stable identifier for a kind, unique across groups: "gateways.networking.istio.io". */
export function kindId(info: KindInfo): string {
  return info.group === '' ? info.plural : `${info.plural}.${info.group}`;
}

export function findKindById(id: string): KindInfo | undefined {
  return KINDS.find((k) => kindId(k) === id);
}

/** The REST path of a collection or an object, e.g. /apis/networking.istio.io/v1/namespaces/x/virtualservices/y. */
export function resourcePath(
  info: KindInfo,
  opts: { namespace?: string; name?: string; version?: string } = {},
): string {
  const version = opts.version ?? preferredVersion(info);
  const base = info.group === '' ? `/api/${version}` : `/apis/${info.group}/${version}`;
  const ns = info.namespaced && opts.namespace ? `/namespaces/${encodeURIComponent(opts.namespace)}` : '';
  const name = opts.name ? `/${encodeURIComponent(opts.name)}` : '';
  return `${base}${ns}/${info.plural}${name}`;
}
