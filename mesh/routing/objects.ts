/** Identity, age and label selection of Kubernetes objects, as Istio uses them to order and select config. */

import type { KubeObject } from '../kube-types';
import { asObject, asStringMap, asText } from './narrow';

/** Which object a decision came from. */
export interface ObjectRef {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
}

export interface ObjectIdentity extends ObjectRef {
  /** Milliseconds since the epoch; 0 when unknown (Istio treats a missing timestamp as the zero time). */
  readonly createdAt: number;
}

export function identityOf(obj: KubeObject, defaultNamespace = 'default'): ObjectIdentity {
  const meta = asObject(obj.metadata);
  const created = Date.parse(asText(meta?.creationTimestamp) ?? '');
  return {
    kind: asText(obj.kind) ?? '',
    namespace: asText(meta?.namespace) ?? defaultNamespace,
    name: asText(meta?.name) ?? '',
    createdAt: Number.isNaN(created) ? 0 : created,
  };
}

export function labelsOf(obj: KubeObject): Record<string, string> {
  return asStringMap(asObject(obj.metadata)?.labels);
}

export function annotationsOf(obj: KubeObject): Record<string, string> {
  return asStringMap(asObject(obj.metadata)?.annotations);
}

/**
 * Istio's conflict order: oldest first, then namespace, then name. Used wherever "the oldest wins".
 */
export function compareByAge(a: ObjectIdentity, b: ObjectIdentity): number {
  if (a.createdAt !== b.createdAt) return a.createdAt - b.createdAt;
  if (a.namespace !== b.namespace) return a.namespace < b.namespace ? -1 : 1;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return 0;
}

/** Equality-based label selection: every selector label must be present with the same value. */
export function selectorMatches(
  matchLabels: Readonly<Record<string, string>>,
  labels: Readonly<Record<string, string>>,
): boolean {
  for (const [k, v] of Object.entries(matchLabels)) {
    if (labels[k] !== v) return false;
  }
  return true;
}

export function refKey(ref: { namespace: string; name: string }): string {
  return `${ref.namespace}/${ref.name}`;
}

/**
 * A full metav1.LabelSelector (matchLabels and matchExpressions). An empty selector selects everything;
 * an unparseable expression selects nothing.
 */
export function labelSelectorMatches(selector: unknown, labels: Readonly<Record<string, string>>): boolean {
  const sel = asObject(selector);
  if (!sel) return true;
  if (!selectorMatches(asStringMap(sel.matchLabels), labels)) return false;
  const expressions = Array.isArray(sel.matchExpressions) ? sel.matchExpressions : [];
  return expressions.every((raw: unknown) => {
    const expr = asObject(raw);
    const key = asText(expr?.key);
    const values = Array.isArray(expr?.values) ? expr.values.filter((v): v is string => typeof v === 'string') : [];
    if (!key) return false;
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    switch (expr?.operator) {
      case 'In':
        return has && values.includes(labels[key] ?? '');
      case 'NotIn':
        return !has || !values.includes(labels[key] ?? '');
      case 'Exists':
        return has;
      case 'DoesNotExist':
        return !has;
      default:
        return false;
    }
  });
}
