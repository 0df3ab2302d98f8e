/** The live mesh as analysis reads it: config everywhere, workloads of the namespaces that matter. */
import { useMemo } from 'react';
import { CONFIG_KINDS, findKind } from '../../../../mesh/kinds';
import type { KindInfo } from '../../../../mesh/kinds';
import type { MeshSnapshot } from '../../../../mesh/analysis';
import { useKubeListsIn } from '../../../api';
import type { KubeObject } from '../../../api';

const CONTEXT_KINDS: readonly KindInfo[] = [
  ['', 'Namespace'],
  ['', 'Pod'],
  ['', 'Service'],
  ['', 'ServiceAccount'],
  ['apps', 'Deployment'],
].flatMap(([group = '', kind = '']) => findKind(group, kind) ?? []);

const EVERYWHERE: readonly string[] = [];

export interface SnapshotResult {
  readonly snapshot: MeshSnapshot;
  /** True until every list arrived: findings before that would be about missing objects. */
  readonly isLoading: boolean;
}

/** `namespaces` (a stable array; empty = all) bounds the pods, services and accounts listed. */
export function useMeshSnapshot(namespaces: readonly string[], enabled = true): SnapshotResult {
  const config = useKubeListsIn(CONFIG_KINDS, EVERYWHERE, { enabled });
  const context = useKubeListsIn(CONTEXT_KINDS, namespaces, { enabled });
  return useMemo(() => {
    const lists = [...config, ...context];
    const objects: KubeObject[] = lists.flatMap((list) => list.items);
    return { snapshot: { objects }, isLoading: lists.some((list) => list.isLoading) };
  }, [config, context]);
}
