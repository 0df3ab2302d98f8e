/** Rebuilds the store's contents from journal records. */
import { findKindById } from '../../mesh/kinds';
import type { KubeObject } from '../../mesh/kube-types';
import { canonicalOrder } from './codec';
import type { JournalRecord } from './journal';
import { deepFreeze } from './json-value';
import { objectKey } from './kind-table';

export interface ReplayedState {
  objects: Map<string, Map<string, KubeObject>>;
  resourceVersion: number;
}

export function emptyState(): ReplayedState {
  return { objects: new Map(), resourceVersion: 0 };
}

/** The state a journal describes; records of kinds no longer served are skipped. */
export function replay(records: readonly JournalRecord[]): ReplayedState {
  const state = emptyState();
  for (const record of records) {
    if (record.op === 'version') {
      state.resourceVersion = Math.max(state.resourceVersion, record.resourceVersion);
      continue;
    }
    const info = findKindById(record.kind);
    if (!info) continue;
    let table = state.objects.get(record.kind);
    if (!table) state.objects.set(record.kind, (table = new Map()));
    if (record.op === 'put') {
      const { namespace, name = '', resourceVersion = '0' } = record.object.metadata;
      table.set(objectKey(info, namespace, name), deepFreeze(canonicalOrder(record.object)));
      state.resourceVersion = Math.max(state.resourceVersion, Number(resourceVersion) || 0);
    } else {
      table.delete(objectKey(info, record.namespace, record.name));
      state.resourceVersion = Math.max(state.resourceVersion, record.resourceVersion);
    }
  }
  return state;
}
