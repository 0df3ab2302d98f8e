/** Everything the checks look up, indexed once per analysis. */

import { type PeerAuthenticationResult, resolvePeerAuthentication } from '../authz/peer-authentication';
import type { KubeObject } from '../kube-types';
import { DEFAULT_CLUSTER_DOMAIN, DEFAULT_ROOT_NAMESPACE, type Visibility, hostCovers, isVisible, isWildcard, parseExportTo, resolveShortname } from '../routing/hosts';
import { asArray, asObject, asStringArray, asStringMap, asText } from '../routing/narrow';
import { ServiceRegistry } from '../routing/services';
import { pushTo } from './collections';
import { groupOf } from './refs';
import type { MeshSnapshot } from './types';
import { type Workload, WorkloadIndex, workloadOf } from './workloads-index';

export const NETWORKING = 'networking.istio.io';
export const SECURITY = 'security.istio.io';
export const TELEMETRY = 'telemetry.istio.io';
export const EXTENSIONS = 'extensions.istio.io';
export const GATEWAY_API = 'gateway.networking.k8s.io';

/** Whether two exportTo scopes share a namespace where both configs are visible. */
export function visibilitiesOverlap(a: Visibility, b: Visibility): boolean {
  if (a.kind === 'none' || b.kind === 'none') return false;
  if (a.kind === 'public' || b.kind === 'public') return true;
  return [...a.namespaces].some((n) => b.namespaces.has(n));
}

export interface DrSubset {
  readonly name: string;
  readonly index: number;
  readonly labels: Readonly<Record<string, string>>;
}

export interface ParsedDr {
  readonly object: KubeObject;
  readonly namespace: string;
  /** The host as written, resolved to an FQDN in the rule's namespace. */
  readonly host: string;
  readonly visibility: Visibility;
  readonly subsets: readonly DrSubset[];
  readonly workloadSelector?: Readonly<Record<string, string>>;
}

export class AnalysisContext {
  readonly rootNamespace = DEFAULT_ROOT_NAMESPACE;
  readonly domain = DEFAULT_CLUSTER_DOMAIN;
  readonly namespaces = new Map<string, Readonly<Record<string, string>>>();
  readonly workloads: WorkloadIndex;
  readonly registry: ServiceRegistry;
  /** Kubernetes Services by "namespace/name". */
  readonly services = new Map<string, KubeObject>();
  readonly serviceAccounts = new Set<string>();
  /** Whether the snapshot carries pods or deployments at all; without them "selects nothing" means nothing. */
  readonly knowsWorkloads: boolean;
  /** Whether the snapshot carries ServiceAccounts or pods naming them. */
  readonly knowsServiceAccounts: boolean;
  readonly destinationRules: readonly ParsedDr[];
  private readonly byKind = new Map<string, KubeObject[]>();
  private readonly drByHost = new Map<string, ParsedDr[]>();
  private readonly drWildcards: ParsedDr[] = [];
  private readonly named = new Map<string, KubeObject>();
  private readonly peerModes = new Map<string, PeerAuthenticationResult>();

  constructor(snapshot: MeshSnapshot) {
    const workloads: Workload[] = [];
    for (const obj of snapshot.objects) {
      if (!obj?.metadata || typeof obj.kind !== 'string') continue;
      const key = `${groupOf(obj)}/${obj.kind}`;
      pushTo(this.byKind, key, obj);
      const workload = workloadOf(obj);
      if (workload) {
        workloads.push(workload);
        this.serviceAccounts.add(`${workload.namespace}/${workload.serviceAccount}`);
      }
      // Pods are reached through the workload index; keeping them out of the name map saves memory.
      if (obj.kind !== 'Pod') this.named.set(`${key}/${obj.metadata.namespace ?? ''}/${obj.metadata.name ?? ''}`, obj);
    }
    this.workloads = new WorkloadIndex(workloads);
    this.knowsWorkloads = workloads.length > 0;
    this.knowsServiceAccounts = this.knowsWorkloads || this.of('', 'ServiceAccount').length > 0;
    for (const ns of this.of('', 'Namespace')) {
      const name = ns.metadata.name ?? '';
      this.namespaces.set(name, asStringMap(ns.metadata.labels));
      this.serviceAccounts.add(`${name}/default`);
    }
    for (const sa of this.of('', 'ServiceAccount')) this.serviceAccounts.add(`${sa.metadata.namespace ?? 'default'}/${sa.metadata.name ?? ''}`);
    for (const svc of this.of('', 'Service')) this.services.set(`${svc.metadata.namespace ?? 'default'}/${svc.metadata.name ?? ''}`, svc);
    this.registry = new ServiceRegistry(this.of('', 'Service'), this.of(NETWORKING, 'ServiceEntry'), this.domain);
    this.destinationRules = this.of(NETWORKING, 'DestinationRule').map((dr) => this.parseDr(dr)).filter((d): d is ParsedDr => d !== undefined);
    for (const dr of this.destinationRules) {
      if (isWildcard(dr.host)) this.drWildcards.push(dr);
      else pushTo(this.drByHost, dr.host, dr);
    }
  }

  /** Objects of one kind; `group` '' is the core group. */
  of(group: string, kind: string): readonly KubeObject[] {
    return this.byKind.get(`${group}/${kind}`) ?? [];
  }

  /** Every object except pods. */
  all(): IterableIterator<KubeObject> {
    return this.named.values();
  }

  get(group: string, kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.named.get(`${group}/${kind}/${namespace ?? ''}/${name}`);
  }

  /** The FQDN a host written in a config of `namespace` means. */
  fqdn(host: string, namespace: string): string {
    return resolveShortname(host, namespace, this.domain);
  }

  /** The Kubernetes Service behind an in-cluster FQDN, if it is one. */
  serviceForHost(fqdn: string): KubeObject | undefined {
    const suffix = `.svc.${this.domain}`;
    if (!fqdn.endsWith(suffix)) return undefined;
    const [name, ns, ...rest] = fqdn.slice(0, -suffix.length).split('.');
    return rest.length === 0 && name && ns ? this.services.get(`${ns}/${name}`) : undefined;
  }

  /** DestinationRules written for `host` (exactly or by wildcard) and visible from `fromNamespace`. */
  destinationRulesFor(host: string, fromNamespace: string): ParsedDr[] {
    const found = (this.drByHost.get(host) ?? []).filter((d) => isVisible(d.visibility, fromNamespace));
    for (const d of this.drWildcards) if (hostCovers(d.host, host) && isVisible(d.visibility, fromNamespace)) found.push(d);
    return found;
  }

  /** The mTLS mode a workload accepts on a port (0 = its workload-wide mode), memoised per namespace and labels. */
  peerAuthentication(workload: Workload, port = 0): PeerAuthenticationResult {
    const key = `${workload.namespace}\u0000${workload.labelKey}\u0000${port}`;
    let result = this.peerModes.get(key);
    if (!result) {
      result = resolvePeerAuthentication(this.of(SECURITY, 'PeerAuthentication'), workload, port, { rootNamespace: this.rootNamespace });
      this.peerModes.set(key, result);
    }
    return result;
  }

  isInjected(namespace: string): boolean {
    const labels = this.namespaces.get(namespace) ?? {};
    return labels['istio-injection'] === 'enabled' || (labels['istio.io/rev'] !== undefined && labels['istio-injection'] !== 'disabled');
  }

  isAmbient(namespace: string): boolean {
    return (this.namespaces.get(namespace) ?? {})['istio.io/dataplane-mode'] === 'ambient';
  }

  private parseDr(obj: KubeObject): ParsedDr | undefined {
    const spec = asObject(obj.spec);
    const host = asText(spec?.host);
    if (!host) return undefined;
    const namespace = obj.metadata.namespace ?? 'default';
    const selector = asObject(spec?.workloadSelector);
    return {
      object: obj,
      namespace,
      host: this.fqdn(host, namespace),
      visibility: parseExportTo(asStringArray(spec?.exportTo), namespace),
      subsets: asArray(spec?.subsets).flatMap((raw, index) => {
        const s = asObject(raw);
        const name = asText(s?.name);
        return name ? [{ name, index, labels: asStringMap(s?.labels) }] : [];
      }),
      ...(selector ? { workloadSelector: asStringMap(selector.matchLabels) } : {}),
    };
  }
}
