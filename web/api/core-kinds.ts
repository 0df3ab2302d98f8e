/**
 * Typed views of the core kinds the console reads field by field (Pod, Deployment, Service), narrowed
 * from the wire with guards so that features never touch raw `spec` and `status` maps.
 */
import type { KubeObject } from '../../mesh/kube-types';
import { asArray, asNumber, asRecord, asString, asStringMap } from './guards';

export interface LabelSelector {
  readonly matchLabels: Readonly<Record<string, string>>;
  readonly matchExpressions: readonly { key: string; operator: string; values: readonly string[] }[];
}

export interface ContainerView {
  readonly name: string;
  readonly image: string;
  readonly ready: boolean;
  readonly restarts: number;
  /** running, waiting or terminated, with the reason when not running (CrashLoopBackOff, …). */
  readonly state: string;
  readonly reason?: string;
}

export interface PodView {
  readonly name: string;
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly created?: string;
  readonly phase: string;
  /** What kubectl shows in STATUS: Running, Pending, CrashLoopBackOff, Terminating, … */
  readonly status: string;
  readonly ready: boolean;
  readonly containers: readonly ContainerView[];
  /** Names of init containers, native sidecars included. */
  readonly initContainerNames: readonly string[];
  readonly restarts: number;
  readonly podIP?: string;
  readonly nodeName?: string;
  readonly owner?: { readonly kind: string; readonly name: string };
}

export interface DeploymentView {
  readonly name: string;
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly created?: string;
  readonly selector: LabelSelector;
  readonly replicas: number;
  readonly templateLabels: Readonly<Record<string, string>>;
  readonly templateAnnotations: Readonly<Record<string, string>>;
  readonly containers: readonly { name: string; image: string }[];
}

export interface ServicePortView {
  readonly name?: string;
  readonly port: number;
  readonly protocol: string;
  readonly targetPort?: string;
  readonly nodePort?: number;
  readonly appProtocol?: string;
}

export interface ServiceView {
  readonly name: string;
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly created?: string;
  readonly type: string;
  readonly clusterIP?: string;
  readonly externalName?: string;
  readonly ports: readonly ServicePortView[];
  /** Undefined for a Service without selector (endpoints managed by hand). */
  readonly selector?: Readonly<Record<string, string>>;
}

function meta(object: KubeObject) {
  return {
    name: object.metadata.name ?? '',
    namespace: object.metadata.namespace ?? '',
    labels: object.metadata.labels ?? {},
    created: object.metadata.creationTimestamp,
  };
}

function containerView(spec: Record<string, unknown>, statuses: Record<string, unknown>[]): ContainerView {
  const name = asString(spec.name) ?? '';
  const status = statuses.find((candidate) => candidate.name === name) ?? {};
  const state = asRecord(status.state);
  const [stateName = 'waiting', detail = {}] = Object.entries(state)[0] ?? [];
  return {
    name,
    image: asString(spec.image) ?? '',
    ready: status.ready === true,
    restarts: asNumber(status.restartCount) ?? 0,
    state: stateName,
    reason: asString(asRecord(detail).reason),
  };
}

export function podView(object: KubeObject): PodView {
  const spec = asRecord(object.spec);
  const status = asRecord(object.status);
  const statuses = asArray(status.containerStatuses).map(asRecord);
  const containers = asArray(spec.containers).map(asRecord).map((c) => containerView(c, statuses));
  const conditions = asArray(status.conditions).map(asRecord);
  const ready = conditions.some((c) => c.type === 'Ready' && c.status === 'True');
  const phase = asString(status.phase) ?? 'Pending';
  const waitingReason = containers.find((c) => c.state !== 'running' && c.reason)?.reason;
  const controller = (object.metadata.ownerReferences ?? []).find((ref) => ref.controller) ?? object.metadata.ownerReferences?.[0];
  return {
    ...meta(object),
    annotations: object.metadata.annotations ?? {},
    phase,
    status: object.metadata.deletionTimestamp ? 'Terminating' : (asString(status.reason) ?? waitingReason ?? phase),
    ready,
    containers,
    initContainerNames: asArray(spec.initContainers).map((c) => asString(asRecord(c).name) ?? ''),
    restarts: containers.reduce((sum, c) => sum + c.restarts, 0),
    podIP: asString(status.podIP),
    nodeName: asString(spec.nodeName),
    owner: controller ? { kind: controller.kind, name: controller.name } : undefined,
  };
}

function selectorOf(value: unknown): LabelSelector {
  const selector = asRecord(value);
  return {
    matchLabels: asStringMap(selector.matchLabels),
    matchExpressions: asArray(selector.matchExpressions)
      .map(asRecord)
      .map((expression) => ({
        key: asString(expression.key) ?? '',
        operator: asString(expression.operator) ?? '',
        values: asArray(expression.values).map(asString).filter((v): v is string => v !== undefined),
      })),
  };
}

export function deploymentView(object: KubeObject): DeploymentView {
  const spec = asRecord(object.spec);
  const template = asRecord(spec.template);
  const templateMeta = asRecord(template.metadata);
  return {
    ...meta(object),
    selector: selectorOf(spec.selector),
    replicas: asNumber(spec.replicas) ?? 1,
    templateLabels: asStringMap(templateMeta.labels),
    templateAnnotations: asStringMap(templateMeta.annotations),
    containers: asArray(asRecord(template.spec).containers)
      .map(asRecord)
      .map((c) => ({ name: asString(c.name) ?? '', image: asString(c.image) ?? '' })),
  };
}

export function serviceView(object: KubeObject): ServiceView {
  const spec = asRecord(object.spec);
  const selector = spec.selector === undefined ? undefined : asStringMap(spec.selector);
  return {
    ...meta(object),
    type: asString(spec.type) ?? 'ClusterIP',
    clusterIP: asString(spec.clusterIP),
    externalName: asString(spec.externalName),
    ports: asArray(spec.ports)
      .map(asRecord)
      .map((port) => ({
        name: asString(port.name),
        port: asNumber(port.port) ?? 0,
        protocol: asString(port.protocol) ?? 'TCP',
        targetPort: port.targetPort === undefined ? undefined : String(port.targetPort),
        nodePort: asNumber(port.nodePort),
        appProtocol: asString(port.appProtocol),
      })),
    selector: selector && Object.keys(selector).length ? selector : undefined,
  };
}

/** Kubernetes label selector semantics; an empty selector matches everything. */
export function matchesSelector(labels: Readonly<Record<string, string>>, selector: LabelSelector): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels)) {
    if (labels[key] !== value) return false;
  }
  return selector.matchExpressions.every(({ key, operator, values }) => {
    const value = labels[key];
    switch (operator) {
      case 'In':
        return value !== undefined && values.includes(value);
      case 'NotIn':
        return value === undefined || !values.includes(value);
      case 'Exists':
        return value !== undefined;
      case 'DoesNotExist':
        return value === undefined;
      default:
        return false;
    }
  });
}

/** A plain map selector (Service spec.selector, workloadSelector.labels) as a LabelSelector. */
export function selectorFromMap(labels: Readonly<Record<string, string>>): LabelSelector {
  return { matchLabels: labels, matchExpressions: [] };
}

const viewCaches = new WeakMap<(object: KubeObject) => unknown, WeakMap<KubeObject, unknown>>();

/**
 * Maps objects to views, reusing the view of an object that did not change: after a watch event
 * only the touched objects are read again, which matters at 10,000 pods.
 */
export function viewsOf<View>(objects: readonly KubeObject[], toView: (object: KubeObject) => View): View[] {
  let cache = viewCaches.get(toView);
  if (!cache) {
    cache = new WeakMap();
    viewCaches.set(toView, cache);
  }
  const views: View[] = new Array<View>(objects.length);
  objects.forEach((object, index) => {
    let view = cache.get(object) as View | undefined;
    if (view === undefined) {
      view = toView(object);
      cache.set(object, view);
    }
    views[index] = view;
  });
  return views;
}

/** The app a pod belongs to, as Istio names it in telemetry (its canonical service). */
export function appOf(labels: Readonly<Record<string, string>>): string | undefined {
  return labels['service.istio.io/canonical-name'] ?? labels['app.kubernetes.io/name'] ?? labels.app;
}

/** The version of a pod, as Istio names it in telemetry (its canonical revision). */
export function versionOf(labels: Readonly<Record<string, string>>): string | undefined {
  return labels['service.istio.io/canonical-revision'] ?? labels['app.kubernetes.io/version'] ?? labels.version;
}

/** Pods by namespace and label, so that a selector looks up its few candidates instead of scanning every pod. */
export class PodIndex {
  private readonly byLabel = new Map<string, PodView[]>();
  private readonly byNamespace = new Map<string, PodView[]>();

  constructor(pods: readonly PodView[]) {
    for (const pod of pods) {
      push(this.byNamespace, pod.namespace, pod);
      for (const [key, value] of Object.entries(pod.labels)) push(this.byLabel, `${pod.namespace}\n${key}=${value}`, pod);
    }
  }

  /** Pods in `namespace` that `selector` selects; an empty selector selects them all. */
  select(namespace: string, selector: LabelSelector): PodView[] {
    let narrowest: readonly PodView[] = this.byNamespace.get(namespace) ?? [];
    for (const [key, value] of Object.entries(selector.matchLabels)) {
      const candidates = this.byLabel.get(`${namespace}\n${key}=${value}`) ?? [];
      if (candidates.length < narrowest.length) narrowest = candidates;
    }
    return narrowest.filter((pod) => matchesSelector(pod.labels, selector));
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
