/**
 * What the cluster holds, read from Kubernetes objects the way Istio names things in telemetry:
 * workloads (a pod's controller: Deployment via its ReplicaSet, StatefulSet, DaemonSet, Job, or the bare
 * pod), their app and version (canonical service and revision), data plane (sidecar, ambient, none),
 * gateways and waypoints, and the Services selecting them.
 */
import type { KubeObject } from '../kube-types';
import { asArray, asObject, asString, asStringMap } from '../routing/narrow';

export type Dataplane = 'sidecar' | 'ambient' | 'none';

export interface WorkloadInfo {
  readonly namespace: string;
  readonly name: string;
  readonly app: string;
  readonly version: string;
  /** Labels of one of its pods (or the controller's template when it has none). */
  readonly labels: Readonly<Record<string, string>>;
  readonly dataplane: Dataplane;
  /** Deliberately out of the mesh (`sidecar.istio.io/inject: "false"`), so no sidecar is not a defect. */
  readonly optedOut: boolean;
  readonly gateway?: 'ingress' | 'egress' | 'gatewayApi';
  readonly isWaypoint: boolean;
  readonly podCount: number;
  readonly ref: { readonly kind: string; readonly apiVersion: string };
}

export interface ServiceInfo {
  readonly namespace: string;
  readonly name: string;
  readonly selector: Readonly<Record<string, string>>;
  readonly labels: Readonly<Record<string, string>>;
  /** Workload keys (`ns/name`) whose pods the selector picks. */
  readonly workloads: readonly string[];
}

export interface Inventory {
  /** By `namespace/name`. */
  readonly workloads: ReadonlyMap<string, WorkloadInfo>;
  /** By `namespace/name`. */
  readonly services: ReadonlyMap<string, ServiceInfo>;
  /** Services selecting a workload, by workload key. */
  readonly servicesOfWorkload: ReadonlyMap<string, readonly string[]>;
  readonly namespaces: ReadonlyMap<string, Readonly<Record<string, string>>>;
}

export interface InventoryObjects {
  readonly pods?: readonly KubeObject[];
  /** Deployments, StatefulSets, DaemonSets…: workload controllers, so that workloads with no pod appear too. */
  readonly controllers?: readonly KubeObject[];
  readonly services?: readonly KubeObject[];
  readonly namespaces?: readonly KubeObject[];
}

const CANONICAL_NAME = 'service.istio.io/canonical-name';
const CANONICAL_REVISION = 'service.istio.io/canonical-revision';
const GATEWAY_NAME = 'gateway.networking.k8s.io/gateway-name';
const MANAGED = 'gateway.istio.io/managed';
const WAYPOINT_CONTROLLER = 'istio.io-mesh-controller';

export function workloadKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

/** Istio's workload name for a pod: its controller's name (a ReplicaSet's Deployment), else the pod's. */
export function workloadNameOf(pod: KubeObject): { name: string; kind: string; apiVersion: string } {
  const owner = pod.metadata.ownerReferences?.find((o) => o.controller) ?? pod.metadata.ownerReferences?.[0];
  const podName = pod.metadata.name ?? '';
  if (!owner) return { name: podName, kind: 'Pod', apiVersion: 'v1' };
  if (owner.kind === 'ReplicaSet') {
    const hash = pod.metadata.labels?.['pod-template-hash'];
    const name = hash && owner.name.endsWith(`-${hash}`) ? owner.name.slice(0, -hash.length - 1) : owner.name.replace(/-[a-z0-9]{5,10}$/, '');
    return { name, kind: 'Deployment', apiVersion: 'apps/v1' };
  }
  if (owner.kind === 'Job') return { name: owner.name.replace(/-\d+$/, ''), kind: 'Job', apiVersion: 'batch/v1' };
  return { name: owner.name, kind: owner.kind, apiVersion: owner.apiVersion };
}

function optedOut(labels: Readonly<Record<string, string>>, annotations: Readonly<Record<string, string>>): boolean {
  return labels['sidecar.istio.io/inject'] === 'false' || annotations['sidecar.istio.io/inject'] === 'false';
}

function dataplaneOf(pod: KubeObject, namespaceLabels: Readonly<Record<string, string>>): Dataplane {
  const containers = [...asArray(asObject(pod.spec)?.containers), ...asArray(asObject(pod.spec)?.initContainers)];
  if (containers.some((c) => asString(asObject(c)?.name) === 'istio-proxy')) return 'sidecar';
  const labels = pod.metadata.labels ?? {};
  if (pod.metadata.annotations?.['ambient.istio.io/redirection'] === 'enabled') return 'ambient';
  const mode = labels['istio.io/dataplane-mode'] ?? namespaceLabels['istio.io/dataplane-mode'];
  return mode === 'ambient' ? 'ambient' : 'none';
}

function gatewayOf(labels: Readonly<Record<string, string>>): WorkloadInfo['gateway'] {
  if (labels[GATEWAY_NAME] && labels[MANAGED] !== WAYPOINT_CONTROLLER) return 'gatewayApi';
  if (labels.istio === 'ingressgateway') return 'ingress';
  if (labels.istio === 'egressgateway') return 'egress';
  return undefined;
}

function identity(labels: Readonly<Record<string, string>>, workload: string): { app: string; version: string } {
  return { app: labels[CANONICAL_NAME] ?? labels.app ?? labels['app.kubernetes.io/name'] ?? workload, version: labels[CANONICAL_REVISION] ?? labels.version ?? labels['app.kubernetes.io/version'] ?? 'latest' };
}

function selects(selector: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>>): boolean {
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([k, v]) => labels[k] === v);
}

export function buildInventory(objects: InventoryObjects): Inventory {
  const namespaces = new Map<string, Readonly<Record<string, string>>>();
  for (const ns of objects.namespaces ?? []) namespaces.set(ns.metadata.name ?? '', ns.metadata.labels ?? {});

  const workloads = new Map<string, WorkloadInfo>();
  const podLabels = new Map<string, Readonly<Record<string, string>>[]>();
  for (const pod of objects.pods ?? []) {
    const namespace = pod.metadata.namespace ?? '';
    const owner = workloadNameOf(pod);
    const key = workloadKey(namespace, owner.name);
    const labels = pod.metadata.labels ?? {};
    const known = workloads.get(key);
    if (known) {
      workloads.set(key, { ...known, podCount: known.podCount + 1 });
    } else {
      workloads.set(key, {
        namespace,
        name: owner.name,
        ...identity(labels, owner.name),
        labels,
        dataplane: dataplaneOf(pod, namespaces.get(namespace) ?? {}),
        optedOut: optedOut(labels, pod.metadata.annotations ?? {}),
        gateway: gatewayOf(labels),
        isWaypoint: labels[MANAGED] === WAYPOINT_CONTROLLER,
        podCount: 1,
        ref: { kind: owner.kind, apiVersion: owner.apiVersion },
      });
    }
    const list = podLabels.get(key) ?? [];
    if (list.length < 4) list.push(labels);
    podLabels.set(key, list);
  }
  for (const controller of objects.controllers ?? []) {
    const namespace = controller.metadata.namespace ?? '';
    const name = controller.metadata.name ?? '';
    const key = workloadKey(namespace, name);
    if (workloads.has(key)) continue;
    const template = asObject(asObject(controller.spec)?.template);
    const labels = asStringMap(asObject(template?.metadata)?.labels);
    const annotations = asStringMap(asObject(template?.metadata)?.annotations);
    const nsLabels = namespaces.get(namespace) ?? {};
    const injected = nsLabels['istio-injection'] === 'enabled' || nsLabels['istio.io/rev'] !== undefined || labels['sidecar.istio.io/inject'] === 'true';
    const ambient = (labels['istio.io/dataplane-mode'] ?? nsLabels['istio.io/dataplane-mode']) === 'ambient';
    workloads.set(key, {
      namespace,
      name,
      ...identity(labels, name),
      labels,
      dataplane: injected && !optedOut(labels, annotations) ? 'sidecar' : ambient ? 'ambient' : 'none',
      optedOut: optedOut(labels, annotations),
      gateway: gatewayOf(labels),
      isWaypoint: labels[MANAGED] === WAYPOINT_CONTROLLER,
      podCount: 0,
      ref: { kind: controller.kind, apiVersion: controller.apiVersion },
    });
    podLabels.set(key, [labels]);
  }

  const byNamespace = new Map<string, string[]>();
  for (const key of workloads.keys()) {
    const ns = key.slice(0, key.indexOf('/'));
    (byNamespace.get(ns) ?? byNamespace.set(ns, []).get(ns)!).push(key);
  }
  const services = new Map<string, ServiceInfo>();
  const servicesOfWorkload = new Map<string, string[]>();
  for (const svc of objects.services ?? []) {
    const namespace = svc.metadata.namespace ?? '';
    const name = svc.metadata.name ?? '';
    const selector = asStringMap(asObject(svc.spec)?.selector);
    const selected = (byNamespace.get(namespace) ?? []).filter((key) => (podLabels.get(key) ?? []).some((labels) => selects(selector, labels)));
    const key = workloadKey(namespace, name);
    services.set(key, { namespace, name, selector, labels: svc.metadata.labels ?? {}, workloads: selected });
    for (const w of selected) (servicesOfWorkload.get(w) ?? servicesOfWorkload.set(w, []).get(w)!).push(key);
  }
  for (const list of servicesOfWorkload.values()) list.sort();
  return { workloads, services, servicesOfWorkload, namespaces };
}
