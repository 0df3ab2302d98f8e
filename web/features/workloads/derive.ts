/**
 * Workloads as an operator thinks of them: a Deployment with its pods, or, for pods no Deployment
 * owns, their controller (StatefulSet, DaemonSet, Job…) or the bare pod.
 */
import { PodIndex, appOf, versionOf } from '../../api';
import type { DeploymentView, PodView } from '../../api';

export type Dataplane = 'sidecar' | 'ambient' | 'none';
/** A workload's data plane: all pods agree, they differ (a rollout half done), or there are no pods. */
export type WorkloadDataplane = Dataplane | 'mixed' | 'unknown';

export interface Workload {
  readonly key: string;
  readonly name: string;
  readonly namespace: string;
  readonly kind: string;
  readonly app?: string;
  readonly versions: readonly string[];
  /** Replicas the controller asks for; undefined when not known (bare pods, other controllers). */
  readonly desired?: number;
  readonly readyPods: number;
  readonly pods: readonly PodView[];
  readonly dataplane: WorkloadDataplane;
  /** Pods with a sidecar, for "mixed". */
  readonly sidecarPods: number;
  readonly labels: Readonly<Record<string, string>>;
  readonly containers: readonly { name: string; image: string }[];
  readonly created?: string;
}

export const SIDECAR_CONTAINER = 'istio-proxy';
const AMBIENT_LABEL = 'istio.io/dataplane-mode';

/**
 * Sidecar when the pod runs istio-proxy (as a container or native sidecar) or carries the
 * injector's status annotation; otherwise ambient when it or its namespace opts in and it does not
 * opt out; otherwise none.
 */
export function podDataplane(pod: PodView, namespaceLabels: Readonly<Record<string, string>> = {}): Dataplane {
  const hasProxy =
    pod.containers.some((c) => c.name === SIDECAR_CONTAINER) ||
    pod.initContainerNames.includes(SIDECAR_CONTAINER) ||
    pod.annotations['sidecar.istio.io/status'] !== undefined;
  if (hasProxy) return 'sidecar';
  const podMode = pod.labels[AMBIENT_LABEL];
  if (podMode === 'none') return 'none';
  if (podMode === 'ambient' || namespaceLabels[AMBIENT_LABEL] === 'ambient') return 'ambient';
  if (pod.annotations['ambient.istio.io/redirection'] === 'enabled') return 'ambient';
  return 'none';
}

function distinct(values: (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => Boolean(v)))].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
}

/** The Deployment whose ReplicaSet owns the pod, from the ReplicaSet's name ("<deployment>-<pod-template-hash>"). */
function deploymentByReplicaSet(pod: PodView, byName: ReadonlyMap<string, DeploymentView>): DeploymentView | undefined {
  const hash = pod.labels['pod-template-hash'];
  if (pod.owner?.kind !== 'ReplicaSet' || !hash || !pod.owner.name.endsWith(`-${hash}`)) return undefined;
  return byName.get(`${pod.namespace}/${pod.owner.name.slice(0, -hash.length - 1)}`);
}

function hasSelector(deployment: DeploymentView): boolean {
  return Object.keys(deployment.selector.matchLabels).length > 0 || deployment.selector.matchExpressions.length > 0;
}

/** Which Deployment owns each pod: by its ReplicaSet's name when it has one, else by the Deployment's selector. */
function assignPods(deployments: readonly DeploymentView[], pods: readonly PodView[]): Map<PodView, DeploymentView> {
  const byName = new Map(deployments.map((d) => [`${d.namespace}/${d.name}`, d]));
  const owners = new Map<PodView, DeploymentView>();
  for (const pod of pods) {
    const deployment = deploymentByReplicaSet(pod, byName);
    if (deployment) owners.set(pod, deployment);
  }
  const index = new PodIndex(pods);
  for (const deployment of deployments) {
    if (!hasSelector(deployment)) continue;
    for (const pod of index.select(deployment.namespace, deployment.selector)) {
      // Pods of another kind of controller (StatefulSet, Job…) are never a Deployment's.
      const claimable = !pod.owner || pod.owner.kind === 'ReplicaSet';
      if (claimable && !owners.has(pod)) owners.set(pod, deployment);
    }
  }
  return owners;
}

export function deriveWorkloads(
  deployments: readonly DeploymentView[],
  pods: readonly PodView[],
  namespaceLabels: ReadonlyMap<string, Readonly<Record<string, string>>> = new Map(),
): Workload[] {
  const owners = assignPods(deployments, pods);
  const podsByDeployment = new Map<DeploymentView, PodView[]>();
  const others = new Map<string, { kind: string; name: string; namespace: string; pods: PodView[] }>();
  for (const pod of pods) {
    const deployment = owners.get(pod);
    if (deployment) {
      pushTo(podsByDeployment, deployment, pod);
      continue;
    }
    const kind = pod.owner?.kind ?? 'Pod';
    const name = pod.owner?.name ?? pod.name;
    const key = `${kind}/${pod.namespace}/${name}`;
    const group = others.get(key) ?? { kind, name, namespace: pod.namespace, pods: [] };
    group.pods.push(pod);
    others.set(key, group);
  }

  const workloads: Workload[] = deployments.map((d) =>
    build({
      key: `Deployment/${d.namespace}/${d.name}`,
      kind: 'Deployment',
      name: d.name,
      namespace: d.namespace,
      desired: d.replicas,
      pods: podsByDeployment.get(d) ?? [],
      labels: d.templateLabels,
      containers: d.containers,
      created: d.created,
      nsLabels: namespaceLabels.get(d.namespace),
    }),
  );
  for (const [key, group] of others) {
    const first = group.pods[0];
    workloads.push(
      build({
        key,
        kind: group.kind,
        name: group.name,
        namespace: group.namespace,
        pods: group.pods,
        labels: first?.labels ?? {},
        containers: first?.containers.map((c) => ({ name: c.name, image: c.image })) ?? [],
        created: first?.created,
        nsLabels: namespaceLabels.get(group.namespace),
      }),
    );
  }
  return workloads;
}

function pushTo<K, T>(map: Map<K, T[]>, key: K, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function build(input: {
  key: string;
  kind: string;
  name: string;
  namespace: string;
  desired?: number;
  pods: readonly PodView[];
  labels: Readonly<Record<string, string>>;
  containers: readonly { name: string; image: string }[];
  created?: string;
  nsLabels?: Readonly<Record<string, string>>;
}): Workload {
  const modes = input.pods.map((pod) => podDataplane(pod, input.nsLabels));
  const distinctModes = new Set(modes);
  const dataplane: WorkloadDataplane =
    distinctModes.size === 0 ? 'unknown' : distinctModes.size > 1 ? 'mixed' : (modes[0] ?? 'unknown');
  const podVersions = distinct(input.pods.map((pod) => versionOf(pod.labels)));
  return {
    key: input.key,
    kind: input.kind,
    name: input.name,
    namespace: input.namespace,
    app: appOf(input.labels) ?? input.pods.map((pod) => appOf(pod.labels)).find(Boolean),
    versions: podVersions.length ? podVersions : distinct([versionOf(input.labels)]),
    desired: input.desired,
    readyPods: input.pods.filter((pod) => pod.ready).length,
    pods: input.pods,
    dataplane,
    sidecarPods: modes.filter((mode) => mode === 'sidecar').length,
    labels: input.labels,
    containers: input.containers.filter((c) => c.name !== SIDECAR_CONTAINER),
    created: input.created,
  };
}

/** Every word must appear in the name, namespace, app, a version or a label ("key=value"). */
export function matchesWorkload(workload: Workload, text: string): boolean {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const labels = Object.entries(workload.labels).map(([k, v]) => `${k}=${v}`);
  const haystack = [`${workload.namespace}/${workload.name}`, workload.app ?? '', workload.kind, ...workload.versions, ...labels, workload.dataplane]
    .join(' ')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}
