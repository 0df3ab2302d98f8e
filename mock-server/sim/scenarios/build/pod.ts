/** A running, ready Pod as the kubelet reports it. */
import type { KubeObject, OwnerReference } from '../../../../mesh/kube-types';
import type { ScenarioBuilder } from './builder';
import { renderContainer, type ContainerSpec } from './containers';
import type { PodPlacement } from './network';

export interface PodInput {
  namespace: string;
  name: string;
  /** The owning ReplicaSet (or DaemonSet) name plus '-', as the controller sets it. */
  generateName: string;
  owner: OwnerReference;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  serviceAccount: string;
  initContainers: ContainerSpec[];
  containers: ContainerSpec[];
  placement: PodPlacement;
  ageSeconds: number;
  /** Restarts of the first (app) container. */
  restarts: number;
}

const STARTUP_SECONDS = 8;

function condition(type: string, time: string): Record<string, unknown> {
  return { type, status: 'True', lastProbeTime: null, lastTransitionTime: time };
}

function containerStatus(
  spec: ContainerSpec,
  restarts: number,
  runningSince: string,
  lastRestart: string,
): Record<string, unknown> {
  return {
    name: spec.name,
    image: spec.image,
    ready: true,
    started: true,
    restartCount: restarts,
    state: { running: { startedAt: restarts > 0 ? lastRestart : runningSince } },
    lastState:
      restarts > 0
        ? { terminated: { exitCode: 137, reason: 'Error', startedAt: runningSince, finishedAt: lastRestart } }
        : {},
  };
}

export function buildPod(b: ScenarioBuilder, input: PodInput): KubeObject {
  const created = b.timestamp(input.ageSeconds);
  const ready = b.timestamp(input.ageSeconds - STARTUP_SECONDS);
  const lastRestart = b.timestamp(input.ageSeconds * 0.4);
  const metadata = b.meta('Pod', input.name, {
    namespace: input.namespace,
    labels: input.labels,
    annotations: Object.keys(input.annotations).length ? input.annotations : undefined,
    ageSeconds: input.ageSeconds,
  });
  metadata.generateName = input.generateName;
  metadata.ownerReferences = [{ ...input.owner }];
  const { nodeName, hostIP, podIP } = input.placement;
  const status: Record<string, unknown> = {
    phase: 'Running',
    conditions: [
      condition('PodReadyToStartContainers', ready),
      condition('Initialized', ready),
      condition('Ready', ready),
      condition('ContainersReady', ready),
      condition('PodScheduled', created),
    ],
    hostIP,
    hostIPs: [{ ip: hostIP }],
    podIP,
    podIPs: [{ ip: podIP }],
    startTime: created,
    qosClass: 'Burstable',
    containerStatuses: input.containers.map((c, i) =>
      containerStatus(c, i === 0 ? input.restarts : 0, ready, lastRestart),
    ),
  };
  if (input.initContainers.length) {
    status.initContainerStatuses = input.initContainers.map((c) => ({
      name: c.name,
      image: c.image,
      ready: true,
      started: false,
      restartCount: 0,
      state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: created, finishedAt: created } },
      lastState: {},
    }));
  }
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata,
    spec: {
      nodeName,
      serviceAccountName: input.serviceAccount,
      ...(input.initContainers.length ? { initContainers: input.initContainers.map(renderContainer) } : {}),
      containers: input.containers.map(renderContainer),
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
      terminationGracePeriodSeconds: 30,
    },
    status,
  };
}
