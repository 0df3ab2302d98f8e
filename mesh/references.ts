/**
 * Which Istio and Gateway API objects point at a Service: by host (VirtualService hosts and route
 * destinations, DestinationRule host), as a route backend or parent, or by selecting its pods.
 */
import { kindId } from './kinds';
import type { KindInfo } from './kinds';
import type { KubeObject } from './kube-types';
import { asArray, asObject, asString, asStringMap } from './routing/narrow';
import type { UnknownObject } from './routing/narrow';

/** A field that should be an object, read as an empty one when it is not. */
function asRecord(value: unknown): UnknownObject {
  return asObject(value) ?? {};
}

export type ReferenceVia =
  | 'host'
  | 'destination'
  | 'backend'
  | 'parent'
  | 'selector'
  | 'target'
  | 'gateway'
  | 'subset'
  | 'delegate'
  | 'class';

/** How a reference points at its target, as a phrase: "VirtualService bookinfo/reviews routes to it". */
export const REFERENCE_VIA_TEXT: Readonly<Record<ReferenceVia, string>> = {
  host: 'names it as host',
  destination: 'routes to it',
  backend: 'sends to it as backend',
  parent: 'attaches to it',
  selector: 'selects its pods',
  target: 'targets it',
  gateway: 'is bound to it',
  subset: 'routes to its subsets',
  delegate: 'delegates to it',
  class: 'is of this class',
};

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

export const CLUSTER_DOMAIN = 'svc.cluster.local';

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

export function routeDestinations(spec: UnknownObject): string[] {
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

export function serviceRefs(refs: unknown, ownNamespace: string): string[] {
  return asArray(refs)
    .map(asRecord)
    .filter((ref) => (asString(ref.kind) ?? 'Service') === 'Service' && (asString(ref.group) ?? '') === '')
    .map((ref) => `${asString(ref.name) ?? ''}.${asString(ref.namespace) ?? ownNamespace}.${CLUSTER_DOMAIN}`);
}

/** The selector labels a policy applies to, if it has one. */
function selectorLabels(kind: KindInfo, spec: UnknownObject): Record<string, string> | undefined {
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

/** An object that may be pointed at. */
export interface ReferenceTarget {
  readonly kind: KindInfo;
  readonly object: KubeObject;
}

const ISTIO_NETWORKING = 'networking.istio.io';
const GATEWAY_API = 'gateway.networking.k8s.io';

/**
 * The config objects that point at `target`, i.e. what breaks or changes meaning when it is deleted:
 * VirtualServices bound to an Istio Gateway or routing to a DestinationRule's subsets or delegating to
 * a VirtualService, routes attached to a Gateway API Gateway, Gateways of a GatewayClass, and whatever
 * names a Service or a ServiceEntry host.
 */
export function referencesToObject(target: ReferenceTarget, configs: readonly ConfigObjects[]): ConfigReference[] {
  const { kind, object } = target;
  const namespace = object.metadata.namespace ?? '';
  const name = object.metadata.name ?? '';
  const spec = asRecord(object.spec);
  const found: ConfigReference[] = [];
  const each = (kindName: string, group: string, visit: (item: KubeObject, ref: (via: ReferenceVia) => void) => void) => {
    for (const list of configs) {
      if (list.kind.kind !== kindName || list.kind.group !== group) continue;
      for (const item of list.items) {
        if (list.kind === kind && item.metadata.name === name && (item.metadata.namespace ?? '') === namespace) continue;
        visit(item, (via) => found.push({ kind: list.kind, namespace: item.metadata.namespace ?? '', name: item.metadata.name ?? '', via }));
      }
    }
  };
  const id = `${kind.group}/${kind.kind}`;
  if (id === `${ISTIO_NETWORKING}/Gateway`) {
    each('VirtualService', ISTIO_NETWORKING, (vs, ref) => {
      const own = vs.metadata.namespace ?? '';
      if (vsGateways(asRecord(vs.spec)).some((g) => gatewayKey(g, own) === `${namespace}/${name}`)) ref('gateway');
    });
  } else if (id === `${GATEWAY_API}/Gateway`) {
    for (const routeKind of ['HTTPRoute', 'GRPCRoute']) {
      each(routeKind, GATEWAY_API, (route, ref) => {
        const own = route.metadata.namespace ?? '';
        const attached = asArray(asRecord(route.spec).parentRefs).map(asRecord).some(
          (parent) =>
            (asString(parent.group) ?? GATEWAY_API) === GATEWAY_API &&
            (asString(parent.kind) ?? 'Gateway') === 'Gateway' &&
            asString(parent.name) === name &&
            (asString(parent.namespace) ?? own) === namespace,
        );
        if (attached) ref('parent');
      });
    }
  } else if (id === `${GATEWAY_API}/GatewayClass`) {
    each('Gateway', GATEWAY_API, (gateway, ref) => {
      if (asString(asRecord(gateway.spec).gatewayClassName) === name) ref('class');
    });
  } else if (id === `${ISTIO_NETWORKING}/DestinationRule`) {
    const subsets = new Set(asArray(spec.subsets).map((s) => asString(asRecord(s).name)));
    const host = hostKey(asString(spec.host) ?? '', namespace);
    each('VirtualService', ISTIO_NETWORKING, (vs, ref) => {
      const own = vs.metadata.namespace ?? '';
      const uses = routeTargets(asRecord(vs.spec)).some(
        (t) => t.subset !== undefined && subsets.has(t.subset) && hostKey(t.host, own) === host,
      );
      if (uses) ref('subset');
    });
  } else if (id === `${ISTIO_NETWORKING}/VirtualService`) {
    each('VirtualService', ISTIO_NETWORKING, (vs, ref) => {
      const own = vs.metadata.namespace ?? '';
      const delegates = asArray(asRecord(vs.spec).http).map((route) => asRecord(asRecord(route).delegate));
      if (delegates.some((d) => asString(d.name) === name && (asString(d.namespace) ?? own) === namespace)) ref('delegate');
    });
  } else if (id === '/Service') {
    return referencesTo(indexReferences(configs), { name, namespace }, []);
  } else if (id === `${ISTIO_NETWORKING}/ServiceEntry`) {
    const hosts = new Set(asArray(spec.hosts).map(asString).filter((h): h is string => Boolean(h)));
    each('VirtualService', ISTIO_NETWORKING, (vs, ref) => {
      const vsSpec = asRecord(vs.spec);
      if (asArray(vsSpec.hosts).some((h) => hosts.has(asString(h) ?? ''))) ref('host');
      else if (routeDestinations(vsSpec).some((h) => hosts.has(h))) ref('destination');
    });
    each('DestinationRule', ISTIO_NETWORKING, (dr, ref) => {
      if (hosts.has(asString(asRecord(dr.spec).host) ?? '')) ref('host');
    });
  }
  return found;
}

function vsGateways(spec: UnknownObject): string[] {
  const gateways = asArray(spec.gateways).map(asString);
  for (const protocol of ['http', 'tcp', 'tls']) {
    for (const route of asArray(spec[protocol]).map(asRecord)) {
      for (const match of asArray(route.match).map(asRecord)) gateways.push(...asArray(match.gateways).map(asString));
    }
  }
  return gateways.filter((g): g is string => Boolean(g) && g !== 'mesh');
}

/** "name" is in the VirtualService's namespace; "ns/name" names it; a FQDN-style "name.ns.svc…" is ns and name too. */
function gatewayKey(gateway: string, ownNamespace: string): string {
  if (gateway.includes('/')) return gateway;
  const [name = '', namespace] = gateway.split('.');
  return `${namespace ?? ownNamespace}/${name}`;
}

function hostKey(host: string, namespace: string): string {
  return serviceFqdn(host, namespace) ?? host;
}

function routeTargets(spec: UnknownObject): { host: string; subset?: string }[] {
  const targets: { host: string; subset?: string }[] = [];
  for (const protocol of ['http', 'tcp', 'tls']) {
    for (const route of asArray(spec[protocol]).map(asRecord)) {
      for (const destination of [...asArray(route.route).map((r) => asRecord(asRecord(r).destination)), asRecord(route.mirror)]) {
        const host = asString(destination.host);
        if (host) targets.push({ host, subset: asString(destination.subset) });
      }
    }
  }
  return targets;
}
