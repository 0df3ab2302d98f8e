/** meta.k8s.io Table responses (what `kubectl get` asks for) and PartialObjectMetadata. */
import type { KindInfo } from '../../mesh/kinds';
import type { KubeObject, ListMeta } from '../../mesh/kube-types';
import { asVersion } from './codec';
import { columnsFor } from './table-columns';

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export interface TableOptions {
  /** meta.k8s.io version of the Table: v1 or v1beta1. */
  tableVersion: string;
  /** apiVersion the full objects are served in. */
  apiVersion: string;
  includeObject: IncludeObject;
  listMeta: ListMeta;
  now: Date;
}

export function parseIncludeObject(value: string | undefined): IncludeObject {
  return value === 'None' || value === 'Object' ? value : 'Metadata';
}

export function partialObjectMetadata(obj: KubeObject, metaVersion = 'v1'): Record<string, unknown> {
  return { kind: 'PartialObjectMetadata', apiVersion: `meta.k8s.io/${metaVersion}`, metadata: obj.metadata };
}

function rowObject(obj: KubeObject, options: TableOptions): unknown {
  if (options.includeObject === 'Object') return asVersion(obj, options.apiVersion);
  return partialObjectMetadata(obj, options.tableVersion);
}

export function toTable(info: KindInfo, objects: readonly KubeObject[], options: TableOptions): Record<string, unknown> {
  const columns = columnsFor(info);
  return {
    kind: 'Table',
    apiVersion: `meta.k8s.io/${options.tableVersion}`,
    metadata: options.listMeta,
    columnDefinitions: columns.map((c) => ({
      name: c.name,
      type: c.type,
      format: c.format ?? '',
      description: c.description,
      priority: c.priority ?? 0,
    })),
    rows: objects.map((obj) => {
      const row: Record<string, unknown> = { cells: columns.map((c) => c.cell(obj, options.now)) };
      if (options.includeObject !== 'None') row.object = rowObject(obj, options);
      return row;
    }),
  };
}
