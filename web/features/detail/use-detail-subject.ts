import { useMemo } from 'react';
import { findKind } from '../../../mesh/kinds';
import { serviceView, useKubeList, useKubeListsIn, viewsOf } from '../../api';
import type { DetailKind } from '../../app/links';
import { REFERENCING_KINDS } from '../services';
import { useWorkloads } from '../workloads';
import { appliedConfig } from './applies';
import type { AppliedConfig } from './applies';
import { deriveSubject } from './subject';
import type { DetailSubject } from './subject';

const SERVICE = findKind('', 'Service')!;
const NO_NAMESPACES: readonly string[] = [];

export interface DetailSubjectResult {
  readonly subject: DetailSubject | undefined;
  readonly applied: readonly AppliedConfig[];
  readonly isLoading: boolean;
  readonly error: Error | null;
  /** Config lists that could not be read: the "config that applies" may be incomplete. */
  readonly configError: Error | null;
}

export function useDetailSubject(kind: DetailKind, namespace: string, name: string): DetailSubjectResult {
  const namespaces = useMemo(() => [namespace], [namespace]);
  const workloads = useWorkloads(namespaces);
  const serviceList = useKubeList(SERVICE, namespace, { priority: 2 });
  // Routes and policies may live in other namespaces (a VirtualService in the gateway's, the mesh-wide root policies).
  const configLists = useKubeListsIn(REFERENCING_KINDS, NO_NAMESPACES, { priority: 1 });
  const subject = useMemo(
    () => deriveSubject(kind, namespace, name, workloads.workloads, viewsOf(serviceList.items, serviceView)),
    [kind, namespace, name, workloads.workloads, serviceList.items],
  );
  const applied = useMemo(
    () => (subject ? appliedConfig(subject, REFERENCING_KINDS.map((k, i) => ({ kind: k, items: configLists[i]?.items ?? [] }))) : []),
    [subject, configLists],
  );
  return {
    subject,
    applied,
    isLoading: workloads.isLoading || serviceList.isLoading,
    error: workloads.error ?? serviceList.error,
    configError: configLists.find((l) => l.error)?.error ?? null,
  };
}
