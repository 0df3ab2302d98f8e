/** Workloads (pods and deployments) indexed by label, so a selector is resolved without a scan. */

import type { KubeObject } from '../kube-types';
import { asArray, asObject, asPort, asStringMap, asText } from '../routing/narrow';
import { pushTo } from './collections';

export interface Workload {
  readonly object: KubeObject;
  readonly kind: 'Pod' | 'Deployment';
  readonly namespace: string;
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  /** The labels as one string; pods of one template share it (a differing key order only costs a cache miss). */
  readonly labelKey: string;
  readonly serviceAccount: string;
  readonly containerPorts: ReadonlySet<number>;
  /** Runs an Envoy proxy: an istio-proxy container (sidecar or gateway) in the pod or its template. */
  readonly hasProxy: boolean;
}

function podSpecWorkload(object: KubeObject, kind: Workload['kind'], labels: Record<string, string>, podSpec: unknown): Workload {
  const spec = asObject(podSpec);
  const ports = new Set<number>();
  let hasProxy = false;
  for (const field of ['containers', 'initContainers']) {
    for (const raw of asArray(spec?.[field])) {
      const container = asObject(raw);
      if (container?.name === 'istio-proxy') hasProxy = true;
      for (const p of asArray(container?.ports)) {
        const port = asPort(asObject(p)?.containerPort);
        if (port !== undefined) ports.add(port);
      }
    }
  }
  return {
    object,
    kind,
    namespace: object.metadata.namespace ?? 'default',
    name: object.metadata.name ?? '',
    labels,
    labelKey: JSON.stringify(labels),
    serviceAccount: asText(spec?.serviceAccountName) ?? 'default',
    containerPorts: ports,
    hasProxy,
  };
}

/** Labels as given when they are well-formed (the common case), else a cleaned copy. */
function labelsOf(value: unknown): Record<string, string> {
  const obj = asObject(value);
  if (!obj) return {};
  for (const k in obj) if (typeof obj[k] !== 'string') return asStringMap(obj);
  return obj as Record<string, string>;
}

export function workloadOf(object: KubeObject): Workload | undefined {
  if (object.kind === 'Pod') return podSpecWorkload(object, 'Pod', labelsOf(object.metadata.labels), object.spec);
  if (object.kind === 'Deployment') {
    const template = asObject(object.spec?.template);
    return podSpecWorkload(object, 'Deployment', labelsOf(asObject(template?.metadata)?.labels), template?.spec);
  }
  return undefined;
}

interface Postings {
  readonly all: readonly Workload[];
  /** label key → label value → workloads */
  readonly byLabel: Map<string, Map<string, Workload[]>>;
}

/**
 * Posting lists per label, built lazily per namespace (and for the whole mesh on the first mesh-wide
 * selection), so analysing one draft touches only the namespaces it selects in.
 */
export class WorkloadIndex {
  private readonly byNamespace = new Map<string, Workload[]>();
  private readonly postings = new Map<string, Postings>();
  private readonly cache = new Map<string, readonly Workload[]>();

  constructor(readonly workloads: readonly Workload[]) {
    for (const w of workloads) pushTo(this.byNamespace, w.namespace, w);
  }

  private postingsFor(namespace: string): Postings {
    let postings = this.postings.get(namespace);
    if (postings) return postings;
    postings = { all: namespace === '*' ? this.workloads : this.inNamespace(namespace), byLabel: new Map() };
    for (const w of postings.all) {
      for (const k in w.labels) {
        let values = postings.byLabel.get(k);
        if (!values) postings.byLabel.set(k, (values = new Map()));
        pushTo(values, w.labels[k] ?? '', w);
      }
    }
    this.postings.set(namespace, postings);
    return postings;
  }

  /** Workloads in `namespace` ('*' = any) whose labels carry every selector label; {} selects all. */
  select(namespace: string, selector: Readonly<Record<string, string>>): readonly Workload[] {
    const entries = Object.entries(selector).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const cacheKey = `${namespace}\u0000${entries.map(([k, v]) => `${k}=${v}`).join('\u0000')}`;
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;
    const postings = this.postingsFor(namespace);
    let shortest = postings.all;
    for (const [k, v] of entries) {
      const list = postings.byLabel.get(k)?.get(v) ?? [];
      if (list.length < shortest.length) shortest = list;
    }
    const found = entries.length === 0 ? shortest : shortest.filter((w) => entries.every(([k, v]) => w.labels[k] === v));
    this.cache.set(cacheKey, found);
    return found;
  }

  inNamespace(namespace: string): readonly Workload[] {
    return this.byNamespace.get(namespace) ?? [];
  }
}
