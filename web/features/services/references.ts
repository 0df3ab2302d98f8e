/**
 * Which Istio and Gateway API objects point at a Service: by host (VirtualService hosts and route
 * destinations, DestinationRule host), as a route backend or parent, or by selecting its pods.
 */
import { kindId } from '../../../mesh/kinds';
import type { KindInfo } from '../../../mesh/kinds';
import { asArray, asRecord, asString, asStringMap } from '../../api';
import type { KubeObject } from '../../api';

export type ReferenceVia = 'host' | 'destination' | 'backend' | 'parent' | 'selector' | 'target';

export interface ConfigReference {
  readonly kind: KindInfo;
  readonly namespace: string;
  readonly name: string;
  readonly via: ReferenceVia;
}

export interface ConfigObjects {
  readonly kind: KindInfo;
  readonly items: readonly KubeObject[];
}

const CLUSTER_DOMAIN = 'svc.cluster.local';

/** The FQDN a host names from a config in `namespace`, or undefined for an external or wildcard host. */
export function serviceFqdn(host: string, namespace: string): string | undefined {
  if (!host || host.includes('*')) return undefined;
  const parts = host.split('.');
  if (parts.length === 1) return `${host}.${namespace}.${CLUSTER_DOMAIN}`;
  if (parts.length === 2) return `${host}.${CLUSTER_DOMAIN}`;
  if (parts.length === 3 && parts[2] === 'svc') return `${host}.cluster.local`;
  return host.endsWith(`.${CLUSTER_DOMAIN}`) ? host : undefined;
}

/** `*.bookinfo.svc.cluster.local` and the like: a namespace's every service. */
function wildcardNamespace(host: string): string | undefined {
  const match = /^\*\.([^.]+)\.svc\.cluster\.local$/.exec(host);
  return match?.[1];
}

function routeDestinations(spec: Record<string, unknown>): string[] {
  const hosts: string[] = [];
  for (const protocol of ['http', 'tcp', 'tls']) {
    for (const route of asArray(spec[protocol]).map(asRecord)) {
      for (const target of asArray(route.route).map(asRecord)) {
        const host = asString(asRecord(target.destination).host);
        if (host) hosts.push(host);
      }
      const mirror = asString(asRecord(route.mirror).host);
      if (mirror) hosts.push(mirror);
    }
  }
  return hosts;
}

function serviceRefs(refs: unknown, ownNamespace: string): string[] {
  return asArray(refs)
    .map(asRecord)
    .filter((ref) => (asString(ref.kind) ?? 'Service') === 'Service' && (asString(ref.group) ?? '') === '')
    .map((ref) => `${asString(ref.name) ?? ''}.${asString(ref.namespace) ?? ownNamespace}.${CLUSTER_DOMAIN}`);
}

/** The selector labels a policy applies to, if it has one. */
function selectorLabels(kind: KindInfo, spec: Record<string, unknown>): Record<string, string> | undefined {
  const labels =
    kind.kind === 'Sidecar' || kind.kind === 'EnvoyFilter'
      ? asStringMap(asRecord(spec.workloadSelector).labels)
      : asStringMap(asRecord(spec.selector).matchLabels);
  return Object.keys(labels).length ? labels : undefined;
}

export interface ReferenceIndex {
  readonly byFqdn: ReadonlyMap<string, ConfigReference[]>;
  readonly byNamespaceWildcard: ReadonlyMap<string, ConfigReference[]>;
  readonly selectors: readonly { reference: ConfigReference; labels: Record<string, string> }[];
}

/** Indexes config once so that each service's references are a lookup, not a scan. */
export function indexReferences(configs: readonly ConfigObjects[]): ReferenceIndex {
  const byFqdn = new Map<string, ConfigReference[]>();
  const byNamespaceWildcard = new Map<string, ConfigReference[]>();
  const selectors: { reference: ConfigReference; labels: Record<string, string> }[] = [];
  const add = (map: Map<string, ConfigReference[]>, key: string, reference: ConfigReference) => {
    const list = map.get(key) ?? [];
    if (!list.some((r) => r.kind === reference.kind && r.namespace === reference.namespace && r.name === reference.name)) {
      list.push(reference);
    }
    map.set(key, list);
  };

  for (const { kind, items } of configs) {
    const id = kindId(kind);
    for (const object of items) {
      const namespace = object.metadata.namespace ?? '';
      const ref = (via: ReferenceVia): ConfigReference => ({ kind, namespace, name: object.metadata.name ?? '', via });
      const spec = object.spec ?? {};
      const hosts: [string, ReferenceVia][] = [];
      if (id === 'virtualservices.networking.istio.io') {
        for (const host of asArray(spec.hosts).map(asString)) if (host) hosts.push([host, 'host']);
        for (const host of routeDestinations(spec)) hosts.push([host, 'destination']);
      } else if (id === 'destinationrules.networking.istio.io') {
        const host = asString(spec.host);
        if (host) hosts.push([host, 'host']);
      } else if (id === 'httproutes.gateway.networking.k8s.io' || id === 'grpcroutes.gateway.networking.k8s.io') {
        for (const rule of asArray(spec.rules).map(asRecord)) {
          for (const fqdn of serviceRefs(rule.backendRefs, namespace)) add(byFqdn, fqdn, ref('backend'));
        }
        for (const fqdn of serviceRefs(spec.parentRefs, namespace)) add(byFqdn, fqdn, ref('parent'));
      } else if (kind.group === 'security.istio.io' || kind.kind === 'Sidecar' || kind.kind === 'EnvoyFilter' || kind.kind === 'Telemetry' || kind.kind === 'WasmPlugin') {
        for (const fqdn of serviceRefs(spec.targetRefs, namespace)) add(byFqdn, fqdn, ref('target'));
        const labels = selectorLabels(kind, spec);
        if (labels) selectors.push({ reference: ref('selector'), labels });
      }
      for (const [host, via] of hosts) {
        const wildcard = wildcardNamespace(host);
        if (wildcard) add(byNamespaceWildcard, wildcard, ref(via));
        const fqdn = serviceFqdn(host, namespace);
        if (fqdn) add(byFqdn, fqdn, ref(via));
      }
    }
  }
  return { byFqdn, byNamespaceWildcard, selectors };
}

/**
 * The references to one service. `podLabels` are the labels of the pods behind it (or its
 * selector when it has none), which selector-based policies in its namespace are matched against.
 */
export function referencesTo(
  index: ReferenceIndex,
  service: { name: string; namespace: string },
  podLabels: readonly Readonly<Record<string, string>>[],
): ConfigReference[] {
  const fqdn = `${service.name}.${service.namespace}.${CLUSTER_DOMAIN}`;
  const found = [...(index.byFqdn.get(fqdn) ?? []), ...(index.byNamespaceWildcard.get(service.namespace) ?? [])];
  for (const { reference, labels } of index.selectors) {
    if (reference.namespace !== service.namespace) continue;
    const selects = podLabels.some((pod) => Object.entries(labels).every(([key, value]) => pod[key] === value));
    if (selects) found.push(reference);
  }
  const seen = new Set<string>();
  return found.filter((r) => {
    const key = `${kindId(r.kind)}/${r.namespace}/${r.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
