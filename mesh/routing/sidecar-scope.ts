/**
 * Sidecar resources: which Sidecar applies to a workload and which hosts its egress section imports.
 * A workload without a Sidecar sees every host exported to its namespace.
 */

import type { KubeObject } from '../kube-types';
import { hostIntersection } from './hosts';
import { type NamespacedHost, parseNamespacedHost } from './istio-gateways';
import type { SidecarEgress, SidecarSpec } from './model-types';
import { asArray, asObject, asPort, asStringArray, asStringMap, asText, reader } from './narrow';
import { type ObjectIdentity, compareByAge, identityOf, selectorMatches } from './objects';

interface EgressListener {
  readonly port?: number;
  readonly hosts: readonly NamespacedHost[];
}

export interface SidecarScope {
  readonly identity: ObjectIdentity;
  readonly workloadSelector?: Readonly<Record<string, string>>;
  /** Undefined when the Sidecar has no egress section, which imports everything. */
  readonly egress?: readonly EgressListener[];
  readonly outboundTrafficPolicy?: 'ALLOW_ANY' | 'REGISTRY_ONLY';
}

function parseSidecar(obj: KubeObject): SidecarScope {
  const identity = { ...identityOf(obj), kind: 'Sidecar' };
  const spec = reader<SidecarSpec>(obj.spec);
  const selector = asObject(spec('workloadSelector'));
  const egress = asArray(spec('egress')).map((raw) => {
    const e = reader<SidecarEgress>(raw);
    return {
      port: asPort(asObject(e('port'))?.number),
      hosts: asStringArray(e('hosts')).map((h) => parseNamespacedHost(h, identity.namespace)),
    };
  });
  const mode = asText(asObject(spec('outboundTrafficPolicy'))?.mode);
  return {
    identity,
    workloadSelector: selector ? asStringMap(selector.labels) : undefined,
    egress: egress.length > 0 ? egress : undefined,
    outboundTrafficPolicy: mode === 'ALLOW_ANY' || mode === 'REGISTRY_ONLY' ? mode : undefined,
  };
}

/**
 * Whether the Sidecar imports `host` defined in `namespace` for traffic on `port`: some egress listener
 * on that port (or on any port) lists a "namespace/host" entry covering it ("~" imports nothing).
 */
export function sidecarImports(scope: SidecarScope | undefined, namespace: string, hosts: readonly string[], port: number): boolean {
  if (!scope?.egress) return true;
  return scope.egress.some(
    (listener) =>
      (listener.port === undefined || listener.port === port) &&
      listener.hosts.some(
        (entry) => (entry.namespace === '*' || entry.namespace === namespace) && hosts.some((h) => hostIntersection(entry.host, h) !== undefined),
      ),
  );
}

export class SidecarIndex {
  private readonly byNamespace = new Map<string, SidecarScope[]>();

  constructor(
    sidecars: readonly KubeObject[],
    private readonly rootNamespace: string,
  ) {
    const parsed = sidecars.map(parseSidecar).sort((a, b) => compareByAge(a.identity, b.identity));
    for (const s of parsed) {
      const list = this.byNamespace.get(s.identity.namespace) ?? [];
      list.push(s);
      this.byNamespace.set(s.identity.namespace, list);
    }
  }

  /**
   * The Sidecar for a workload: the oldest one in its namespace whose selector matches, else the oldest
   * without a selector there, else the root namespace's Sidecar without a selector.
   */
  forWorkload(namespace: string, labels: Readonly<Record<string, string>>): SidecarScope | undefined {
    const local = this.byNamespace.get(namespace) ?? [];
    return (
      local.find((s) => s.workloadSelector !== undefined && selectorMatches(s.workloadSelector, labels)) ??
      local.find((s) => s.workloadSelector === undefined) ??
      this.byNamespace.get(this.rootNamespace)?.find((s) => s.workloadSelector === undefined)
    );
  }
}
