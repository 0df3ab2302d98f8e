/**
 * DestinationRule lookup as Istio does it for a client proxy, and the merging of several rules written
 * for the same host in one namespace.
 */

import type { KubeObject } from '../kube-types';
import { type Visibility, hostCovers, hostSpecificity, isVisible, isWildcard, parseExportTo, resolveShortname } from './hosts';
import type { DrSpec, DrSubset } from './model-types';
import { asArray, asObject, asStringArray, asStringMap, asText, reader } from './narrow';
import { type ObjectIdentity, compareByAge, identityOf, selectorMatches } from './objects';
import { type ParsedTrafficPolicy, parseTrafficPolicy } from './traffic-policy';

export interface SubsetInfo {
  readonly labels: Readonly<Record<string, string>>;
  readonly trafficPolicy?: ParsedTrafficPolicy;
}

/** One or several DestinationRules Istio merged for a host. */
export interface MergedDestinationRule {
  /** The rules merged, oldest first; the first one is the rule whose top-level policy is used. */
  readonly rules: readonly ObjectIdentity[];
  readonly host: string;
  readonly workloadSelector?: Readonly<Record<string, string>>;
  readonly trafficPolicy?: ParsedTrafficPolicy;
  readonly subsets: ReadonlyMap<string, SubsetInfo>;
  readonly visibility: Visibility;
}

interface ParsedRule extends MergedDestinationRule {
  readonly identity: ObjectIdentity;
  readonly privateOnly: boolean;
  readonly visibleInOwnNamespace: boolean;
}

function parseRule(obj: KubeObject, domain: string): ParsedRule | undefined {
  const identity = { ...identityOf(obj), kind: 'DestinationRule' };
  const spec = reader<DrSpec>(obj.spec);
  const rawHost = asText(spec('host'));
  if (!rawHost) return undefined;
  const exportTo = asStringArray(spec('exportTo'));
  const visibility = parseExportTo(exportTo, identity.namespace);
  const subsets = new Map<string, SubsetInfo>();
  for (const s of asArray(spec('subsets'))) {
    const subset = reader<DrSubset>(s);
    const name = asText(subset('name'));
    if (name && !subsets.has(name)) {
      subsets.set(name, { labels: asStringMap(subset('labels')), trafficPolicy: parseTrafficPolicy(subset('trafficPolicy')) });
    }
  }
  const selector = asObject(spec('workloadSelector'));
  const own = new Set(exportTo.map((e) => (e === '.' ? identity.namespace : e)));
  return {
    identity,
    rules: [identity],
    host: resolveShortname(rawHost, identity.namespace, domain),
    workloadSelector: selector ? asStringMap(selector.matchLabels) : undefined,
    trafficPolicy: parseTrafficPolicy(spec('trafficPolicy')),
    subsets,
    visibility,
    privateOnly: own.size === 1 && own.has(identity.namespace),
    visibleInOwnNamespace: isVisible(visibility, identity.namespace),
  };
}

function unionVisibility(a: Visibility, b: Visibility): Visibility {
  if (a.kind === 'public' || b.kind === 'public') return { kind: 'public' };
  if (a.kind === 'none') return b;
  if (b.kind === 'none') return a;
  return { kind: 'namespaces', namespaces: new Set([...a.namespaces, ...b.namespaces]) };
}

/** Istio's mergeDestinationRule: subsets are added (the first of a name wins); the first top-level policy stays. */
function merge(into: MergedDestinationRule, rule: ParsedRule): MergedDestinationRule {
  const subsets = new Map(into.subsets);
  for (const [name, subset] of rule.subsets) if (!subsets.has(name)) subsets.set(name, subset);
  return {
    ...into,
    rules: [...into.rules, rule.identity],
    trafficPolicy: into.trafficPolicy ?? rule.trafficPolicy,
    subsets,
    visibility: unionVisibility(into.visibility, rule.visibility),
  };
}

/** Rules of one namespace by host; rules with a workload selector are never merged. */
class HostTable {
  private readonly byHost = new Map<string, MergedDestinationRule[]>();
  /** Wildcard hosts, most specific first; sorted lazily after additions. */
  private wildcards: string[] | undefined = [];

  add(rule: ParsedRule): void {
    const list = this.byHost.get(rule.host) ?? [];
    const catchAll = list.findIndex((r) => r.workloadSelector === undefined);
    if (rule.workloadSelector === undefined && catchAll >= 0) {
      const existing = list[catchAll];
      if (existing) list[catchAll] = merge(existing, rule);
    } else {
      list.push(rule);
    }
    if (!this.byHost.has(rule.host)) {
      this.byHost.set(rule.host, list);
      if (isWildcard(rule.host)) this.wildcards = undefined;
    }
  }

  /** Istio's MostSpecificHostMatch: an exact host first, else the longest wildcard covering the host. */
  mostSpecific(host: string): readonly MergedDestinationRule[] | undefined {
    const exact = this.byHost.get(host);
    if (exact) return exact;
    this.wildcards ??= [...this.byHost.keys()].filter(isWildcard).sort((a, b) => hostSpecificity(b) - hostSpecificity(a));
    const pattern = this.wildcards.find((h) => hostCovers(h, host));
    return pattern === undefined ? undefined : this.byHost.get(pattern);
  }
}

export class DestinationRuleIndex {
  /** Rules usable by clients in their own namespace. */
  private readonly local = new Map<string, HostTable>();
  /** Rules exported beyond their namespace. */
  private readonly exported = new Map<string, HostTable>();

  constructor(
    rules: readonly KubeObject[],
    domain: string,
    private readonly rootNamespace: string,
  ) {
    const parsed = rules.map((r) => parseRule(r, domain)).filter((r): r is ParsedRule => r !== undefined);
    parsed.sort((a, b) => compareByAge(a.identity, b.identity));
    for (const rule of parsed) {
      const ns = rule.identity.namespace;
      if (rule.visibleInOwnNamespace) tableFor(this.local, ns).add(rule);
      if (!rule.privateOnly && rule.visibility.kind !== 'none') tableFor(this.exported, ns).add(rule);
    }
  }

  /**
   * The rule a client in `clientNamespace` (with `clientLabels`) applies to `host`: first its own
   * namespace, then the service's namespace, then the root namespace (exported rules only). Within the
   * chosen host, a rule whose workloadSelector matches the client wins over the catch-all rule.
   */
  lookup(
    host: string,
    clientNamespace: string,
    clientLabels: Readonly<Record<string, string>>,
    serviceNamespace: string | undefined,
  ): MergedDestinationRule | undefined {
    const candidates =
      this.local.get(clientNamespace)?.mostSpecific(host) ??
      this.exportedFrom(serviceNamespace, host, clientNamespace) ??
      this.exportedFrom(this.rootNamespace, host, clientNamespace);
    if (!candidates) return undefined;
    const selected = candidates.find(
      (r) => r.workloadSelector !== undefined && r.rules[0]?.namespace === clientNamespace && selectorMatches(r.workloadSelector, clientLabels),
    );
    return selected ?? candidates.find((r) => r.workloadSelector === undefined);
  }

  private exportedFrom(namespace: string | undefined, host: string, clientNamespace: string): readonly MergedDestinationRule[] | undefined {
    if (namespace === undefined) return undefined;
    const visible = this.exported.get(namespace)?.mostSpecific(host)?.filter((r) => isVisible(r.visibility, clientNamespace));
    return visible && visible.length > 0 ? visible : undefined;
  }
}

function tableFor(map: Map<string, HostTable>, namespace: string): HostTable {
  let table = map.get(namespace);
  if (!table) {
    table = new HostTable();
    map.set(namespace, table);
  }
  return table;
}
