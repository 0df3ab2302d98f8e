/** Findings as the config screens show them: grouped per object, ranked, and which namespaces to read. Pure. */
import type { Finding, ObjectRef, Severity } from '../../../../mesh/analysis';
import { refKey } from '../../../../mesh/analysis';
import type { KubeObject } from '../../../api';
import { isRecord } from '../../../api';

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function findingsByObject(findings: readonly Finding[]): Map<string, Finding[]> {
  const grouped = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = refKey(finding.object);
    const list = grouped.get(key);
    if (list) list.push(finding);
    else grouped.set(key, [finding]);
  }
  return grouped;
}

export function objectKey(ref: ObjectRef): string {
  return refKey(ref);
}

export function worstSeverity(findings: readonly Finding[]): Severity | undefined {
  return findings.reduce<Severity | undefined>(
    (worst, finding) => (worst === undefined || SEVERITY_RANK[finding.severity] < SEVERITY_RANK[worst] ? finding.severity : worst),
    undefined,
  );
}

const ROOT_NAMESPACE = 'istio-system';
const NAME = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const HOST_NAMESPACE = new RegExp(`^(?:\\*|${NAME})\\.(${NAME})(?:\\.svc(?:\\.|$)|$)`);
const SCOPED_NAME = new RegExp(`^(${NAME})/`);

/**
 * The namespaces an object's analysis needs pods and services of: its own, Istio's root namespace,
 * and those its fields name (`ns/gateway`, `host.ns.svc.cluster.local`, `namespace:` fields).
 */
export function relevantNamespaces(object: KubeObject): string[] {
  const found = new Set<string>([ROOT_NAMESPACE]);
  if (object.metadata.namespace) found.add(object.metadata.namespace);
  const visit = (value: unknown, key: string | undefined): void => {
    if (typeof value === 'string') {
      if (key === 'namespace' || key === 'namespaces') found.add(value);
      const scoped = SCOPED_NAME.exec(value)?.[1];
      if (scoped) found.add(scoped);
      const hostNamespace = HOST_NAMESPACE.exec(value)?.[2];
      if (hostNamespace && value.includes('.svc')) found.add(hostNamespace);
    } else if (Array.isArray(value)) value.forEach((item) => visit(item, key));
    else if (isRecord(value)) Object.entries(value).forEach(([name, item]) => visit(item, name));
  };
  visit(object.spec, undefined);
  return [...found].filter((namespace) => namespace !== '*' && namespace !== '.' && namespace !== '~').sort();
}
