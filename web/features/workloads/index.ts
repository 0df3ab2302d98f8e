/** The workloads feature's public face, for other screens (detail pages, logs) to reuse. */
export { SIDECAR_CONTAINER, deriveWorkloads, podDataplane } from './derive';
export type { Dataplane, Workload, WorkloadDataplane } from './derive';
export { DataplaneBadge, PodsReady } from './WorkloadCells';
export { useWorkloads } from './use-workloads';
export type { WorkloadsResult } from './use-workloads';
