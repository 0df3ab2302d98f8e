/**
 * The Istio config that applies to a subject's traffic: what routes to or shapes its services
 * (VirtualServices, DestinationRules, routes), the policies whose selector picks its pods, and the
 * policies without selector that cover its whole namespace or, from the root namespace, the mesh.
 */
import { kindId } from '../../../mesh/kinds';
import type { KindInfo } from '../../../mesh/kinds';
import { REFERENCE_VIA_TEXT, indexReferences, referencesTo } from '../../../mesh/references';
import type { ConfigObjects, ReferenceVia } from '../../../mesh/references';
import type { DetailSubject } from './subject';

/** Istio's root namespace: policies there without selector apply to the whole mesh. */
export const ROOT_NAMESPACE = 'istio-system';

export interface AppliedConfig {
  readonly kind: KindInfo;
  readonly namespace: string;
  readonly name: string;
  /** How it applies, as a phrase: "routes to reviews", "selects its pods", "covers the namespace". */
  readonly how: string;
}

const POLICY_GROUPS = new Set(['security.istio.io', 'telemetry.istio.io', 'extensions.istio.io']);
const POLICY_KINDS = new Set(['Sidecar', 'EnvoyFilter']);

function isPolicy(kind: KindInfo): boolean {
  return POLICY_GROUPS.has(kind.group) || POLICY_KINDS.has(kind.kind);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A policy with neither a selector nor targetRefs covers every workload of its namespace. */
function coversNamespace(spec: unknown): boolean {
  if (!isRecord(spec)) return true;
  const selector = spec.selector ?? spec.workloadSelector;
  const hasSelector = isRecord(selector) && Object.keys(selector).length > 0;
  const hasTargets = Array.isArray(spec.targetRefs) && spec.targetRefs.length > 0;
  return !hasSelector && !hasTargets && !isRecord(spec.targetRef);
}

/** "routes to reviews", "names reviews as host"; a selector selects the subject's own pods. */
function viaText(via: ReferenceVia, service: string): string {
  if (via === 'selector') return 'selects its pods';
  return REFERENCE_VIA_TEXT[via].replace(/\bits\b/, `${service}’s`).replace(/\bit\b/, service);
}

export function appliedConfig(subject: DetailSubject, configs: readonly ConfigObjects[]): AppliedConfig[] {
  const index = indexReferences(configs);
  const podLabels = subject.pods.length ? subject.pods.map((p) => p.labels) : [subject.labels];
  const found: AppliedConfig[] = [];
  for (const service of subject.services) {
    for (const ref of referencesTo(index, service, podLabels)) found.push({ ...ref, how: viaText(ref.via, service.name) });
  }
  // Policies selecting the pods count even when no service fronts them.
  for (const ref of referencesTo(index, { name: '', namespace: subject.namespace }, podLabels)) {
    if (ref.via === 'selector') found.push({ ...ref, how: 'selects its pods' });
  }
  for (const { kind, items } of configs) {
    if (!isPolicy(kind)) continue;
    for (const item of items) {
      const namespace = item.metadata.namespace ?? '';
      if (namespace !== subject.namespace && namespace !== ROOT_NAMESPACE) continue;
      if (!coversNamespace(item.spec)) continue;
      const how = namespace === ROOT_NAMESPACE && subject.namespace !== ROOT_NAMESPACE ? 'covers the whole mesh' : 'covers the namespace';
      found.push({ kind, namespace, name: item.metadata.name ?? '', how });
    }
  }
  const seen = new Set<string>();
  return found.filter((c) => {
    const key = `${kindId(c.kind)}/${c.namespace}/${c.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
