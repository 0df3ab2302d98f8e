import { useMemo } from 'react';
import { findKind } from '../../../mesh/kinds';
import { deploymentView, podView, useKubeList, useKubeListIn, viewsOf } from '../../api';
import { deriveWorkloads } from './derive';
import type { Workload } from './derive';

const DEPLOYMENT = findKind('apps', 'Deployment')!;
const POD = findKind('', 'Pod')!;
const NAMESPACE = findKind('', 'Namespace')!;

export interface WorkloadsResult {
  readonly workloads: readonly Workload[];
  readonly podCount: number;
  readonly isLoading: boolean;
  /** The first list that failed (deployments or pods). */
  readonly error: Error | null;
}

/** The workloads in the given namespaces (all when empty), kept current from watches. */
export function useWorkloads(namespaces: readonly string[]): WorkloadsResult {
  const deploymentList = useKubeListIn(DEPLOYMENT, namespaces, { priority: 2 });
  const podList = useKubeListIn(POD, namespaces, { priority: 2 });
  const namespaceList = useKubeList(NAMESPACE, undefined, { priority: 0 });
  const namespaceLabels = useMemo(
    () => new Map(namespaceList.items.map((ns) => [ns.metadata.name ?? '', ns.metadata.labels ?? {}])),
    [namespaceList.items],
  );
  const workloads = useMemo(
    () => deriveWorkloads(viewsOf(deploymentList.items, deploymentView), viewsOf(podList.items, podView), namespaceLabels),
    [deploymentList.items, podList.items, namespaceLabels],
  );
  return {
    workloads,
    podCount: podList.items.length,
    isLoading: deploymentList.isLoading || podList.isLoading,
    error: deploymentList.error ?? podList.error,
  };
}
