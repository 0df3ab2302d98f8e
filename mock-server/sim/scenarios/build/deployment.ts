/** An apps/v1 Deployment whose rollout has completed. */
import type { KubeObject } from '../../../../mesh/kube-types';
import type { ScenarioBuilder } from './builder';
import { renderContainer, type ContainerSpec } from './containers';

export interface DeploymentInput {
  namespace: string;
  name: string;
  /** Labels on the Deployment, its selector and its pod template. */
  labels: Record<string, string>;
  serviceAccount: string;
  containers: ContainerSpec[];
  replicas: number;
  /** Name of the ReplicaSet the rollout created. */
  replicaSetName: string;
  ageSeconds: number;
}

export function buildDeployment(b: ScenarioBuilder, input: DeploymentInput): KubeObject {
  const metadata = b.meta('Deployment', input.name, {
    namespace: input.namespace,
    labels: { ...input.labels },
    annotations: { 'deployment.kubernetes.io/revision': '1' },
    ageSeconds: input.ageSeconds,
  });
  metadata.generation = 1;
  const since = b.timestamp(input.ageSeconds - 20);
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata,
    spec: {
      replicas: input.replicas,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      selector: { matchLabels: { ...input.labels } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      template: {
        metadata: { labels: { ...input.labels } },
        spec: {
          serviceAccountName: input.serviceAccount,
          containers: input.containers.map(renderContainer),
          restartPolicy: 'Always',
          dnsPolicy: 'ClusterFirst',
          terminationGracePeriodSeconds: 30,
        },
      },
    },
    status: {
      observedGeneration: 1,
      replicas: input.replicas,
      updatedReplicas: input.replicas,
      readyReplicas: input.replicas,
      availableReplicas: input.replicas,
      conditions: [
        {
          type: 'Available',
          status: 'True',
          reason: 'MinimumReplicasAvailable',
          message: 'Deployment has minimum availability.',
          lastUpdateTime: since,
          lastTransitionTime: since,
        },
        {
          type: 'Progressing',
          status: 'True',
          reason: 'NewReplicaSetAvailable',
          message: `ReplicaSet "${input.replicaSetName}" has successfully progressed.`,
          lastUpdateTime: since,
          lastTransitionTime: b.timestamp(input.ageSeconds),
        },
      ],
    },
  };
}
