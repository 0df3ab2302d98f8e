/**
 * Where an Istio proxy span came from: namespace, pod and workload, read from what the proxy sets
 * (node_id `sidecar~<ip>~<pod>.<ns>~<ns>.svc.cluster.local`, istio.namespace, istio.canonical_service, the
 * process's hostname) so that a span can lead to its workload page and that pod's access log.
 */
import type { Span, Trace } from '../../../mesh/telemetry/jaeger-model';

export interface SpanOrigin {
  readonly namespace: string;
  readonly pod?: string;
  readonly canonicalService?: string;
  /** Envoy's x-request-id, the key to the access-log lines of this request. */
  readonly requestId?: string;
}

function stringTag(tags: Span['tags'], key: string): string | undefined {
  const value = tags.find((tag) => tag.key === key)?.value;
  return value === undefined || value === '' ? undefined : String(value);
}

/** `sidecar~10.1.2.3~reviews-v1-abc-xyz.bookinfo~bookinfo.svc.cluster.local` → pod and namespace. */
export function parseNodeId(nodeId: string): { pod: string; namespace: string } | undefined {
  const parts = nodeId.split('~');
  if (parts.length !== 4) return undefined;
  const podDotNs = parts[2] ?? '';
  const domain = parts[3] ?? '';
  const namespace = domain.split('.')[0] ?? '';
  const suffix = `.${namespace}`;
  if (!namespace || !podDotNs.endsWith(suffix)) return undefined;
  const pod = podDotNs.slice(0, -suffix.length);
  return pod ? { pod, namespace } : undefined;
}

/** The origin of a span, or undefined when it does not look like an Istio proxy's span. */
export function spanOrigin(trace: Trace, span: Span): SpanOrigin | undefined {
  const node = parseNodeId(stringTag(span.tags, 'node_id') ?? '');
  const serviceName = trace.processes[span.processID]?.serviceName ?? '';
  const namespace = stringTag(span.tags, 'istio.namespace') ?? node?.namespace ?? (serviceName.includes('.') ? serviceName.slice(serviceName.lastIndexOf('.') + 1) : undefined);
  if (!namespace) return undefined;
  const hostname = stringTag(trace.processes[span.processID]?.tags ?? [], 'hostname');
  return {
    namespace,
    pod: node?.pod ?? hostname,
    canonicalService: stringTag(span.tags, 'istio.canonical_service'),
    requestId: stringTag(span.tags, 'guid:x-request-id'),
  };
}

/** The workload that owns a pod, from its controller: a ReplicaSet `<deployment>-<hash>` belongs to that Deployment. */
export function workloadOfOwner(owner: { kind: string; name: string }): string {
  if (owner.kind === 'ReplicaSet') return owner.name.replace(/-[a-z0-9]{5,10}$/, '');
  return owner.name;
}

/**
 * The workload a pod name suggests when the pod itself cannot be read (deleted since, or no permission):
 * Deployment pods are `<deployment>-<replicaset hash>-<5 chars>`, StatefulSet pods `<name>-<ordinal>`.
 */
export function workloadOfPodName(pod: string): string {
  const deployment = /^(.+)-[a-z0-9]{5,10}-[a-z0-9]{5}$/.exec(pod);
  if (deployment?.[1]) return deployment[1];
  const other = /^(.+)-([a-z0-9]{5}|\d+)$/.exec(pod);
  return other?.[1] ?? pod;
}
