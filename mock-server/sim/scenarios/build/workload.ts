/**
 * The one place workloads are made: a Deployment (or a DaemonSet's pods), its running Pods with
 * whatever the mesh data plane adds to them, and the SimWorkload the simulator serves traffic with.
 */
import type { LatencyProfile, SidecarMode, SimProtocol, SimWorkload, WorkloadRole } from '../../model';
import type { ScenarioBuilder } from './builder';
import type { ContainerSpec } from './containers';
import { buildDeployment } from './deployment';
import { templateHash, uniquePodName } from './names';
import type { PodPlacement } from './network';
import { buildPod, type PodInput } from './pod';
import type { Rng } from './random';
import { dataPlaneAdditions } from './sidecar';

export interface WorkloadInput {
  namespace: string;
  /** Deployment name. */
  name: string;
  app: string;
  /** The `version` label; without one Istio's canonical revision is `latest`. */
  version?: string;
  /** Labels besides app and version, on the Deployment, its selector and its pods. */
  labels?: Record<string, string>;
  serviceAccount: string;
  replicas: number;
  /** The main container first: it gets `kubectl logs`' default and any restarts. */
  containers: ContainerSpec[];
  sidecar: SidecarMode;
  role?: WorkloadRole;
  protocol: SimProtocol;
  port?: number;
  latency: LatencyProfile;
  errorRate?: number;
  ageSeconds: number;
}

const RESTART_PROBABILITY = 0.08;

interface PodSetInput extends Omit<PodInput, 'name' | 'placement' | 'restarts'> {
  /** Where each pod runs; one pod per entry. */
  placements: PodPlacement[];
}

function addPods(b: ScenarioBuilder, rng: Rng, input: PodSetInput): string[] {
  const names = new Set<string>();
  for (const placement of input.placements) {
    b.add(
      buildPod(b, {
        namespace: input.namespace,
        name: uniquePodName(input.generateName, names, rng),
        generateName: input.generateName,
        owner: input.owner,
        labels: input.labels,
        annotations: input.annotations,
        serviceAccount: input.serviceAccount,
        initContainers: input.initContainers,
        containers: input.containers,
        placement,
        ageSeconds: input.ageSeconds - rng.int(10, 40),
        restarts: rng.chance(RESTART_PROBABILITY) ? rng.int(1, 3) : 0,
      }),
    );
  }
  return [...names];
}

function labelsOf(input: Pick<WorkloadInput, 'app' | 'version' | 'labels'>): Record<string, string> {
  return { app: input.app, ...(input.version ? { version: input.version } : {}), ...input.labels };
}

function register(
  b: ScenarioBuilder,
  input: Omit<WorkloadInput, 'replicas'>,
  podNames: string[],
  labels: Record<string, string>,
): SimWorkload {
  const role = input.role ?? 'app';
  const workload: SimWorkload = {
    name: input.name,
    namespace: input.namespace,
    app: input.app,
    version: input.version ?? 'latest',
    serviceAccount: input.serviceAccount,
    replicas: podNames.length,
    podNames,
    labels,
    protocol: input.protocol,
    ...(input.port !== undefined ? { port: input.port } : {}),
    latency: { ...input.latency },
    errorRate: input.errorRate ?? 0,
    sidecar: input.sidecar,
    role,
    ...(role === 'gateway' || role === 'waypoint' ? { isGateway: true } : {}),
  };
  b.addWorkload(workload);
  return workload;
}

/** A Deployment with `replicas` running pods. */
export function addWorkload(b: ScenarioBuilder, input: WorkloadInput): SimWorkload {
  const { namespace, name } = input;
  const rng = b.rng(`Deployment/${namespace}/${name}`);
  const labels = labelsOf(input);
  const mainContainer = input.containers[0]?.name ?? input.app;
  const dataPlane = dataPlaneAdditions(input.sidecar, {
    name: input.app,
    revision: input.version ?? 'latest',
    mainContainer,
  });
  const hash = templateHash(rng);
  const replicaSetName = `${name}-${hash}`;
  b.add(
    buildDeployment(b, {
      namespace,
      name,
      labels,
      serviceAccount: input.serviceAccount,
      containers: input.containers,
      replicas: input.replicas,
      replicaSetName,
      ageSeconds: input.ageSeconds,
    }),
  );
  const podLabels = { ...labels, ...dataPlane.labels };
  const podNames = addPods(b, rng, {
    namespace,
    generateName: `${replicaSetName}-`,
    owner: {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      name: replicaSetName,
      uid: b.uid(`ReplicaSet/${namespace}/${replicaSetName}`),
      controller: true,
    },
    labels: { ...podLabels, 'pod-template-hash': hash },
    annotations: dataPlane.annotations,
    serviceAccount: input.serviceAccount,
    initContainers: dataPlane.initContainers,
    containers: [...input.containers, ...dataPlane.containers],
    placements: Array.from({ length: input.replicas }, () => b.scheduler.place()),
    ageSeconds: input.ageSeconds,
  });
  return register(b, input, podNames, podLabels);
}

/**
 * A DaemonSet's pods, one per node. The DaemonSet object itself is not emitted: the mock API
 * server does not serve apps/v1 DaemonSets, but its pods still name it as their owner.
 */
export function addNodeAgent(b: ScenarioBuilder, input: Omit<WorkloadInput, 'replicas' | 'sidecar'>): SimWorkload {
  const { namespace, name } = input;
  const rng = b.rng(`DaemonSet/${namespace}/${name}`);
  const labels = labelsOf(input);
  const podNames = addPods(b, rng, {
    namespace,
    generateName: `${name}-`,
    owner: {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      name,
      uid: b.uid(`DaemonSet/${namespace}/${name}`),
      controller: true,
    },
    labels: { ...labels, 'controller-revision-hash': templateHash(rng), 'pod-template-generation': '1' },
    annotations: {},
    serviceAccount: input.serviceAccount,
    initContainers: [],
    containers: input.containers,
    placements: Array.from({ length: b.scheduler.nodeCount }, (_, node) => b.scheduler.place(node)),
    ageSeconds: input.ageSeconds,
  });
  return register(b, { ...input, sidecar: 'none' }, podNames, labels);
}
