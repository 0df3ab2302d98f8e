/** The Istio config list's rows, built from one list per kind, and its filters. */
import { CONFIG_KINDS, findKindById, kindId } from '../../../mesh/kinds';
import type { KindInfo } from '../../../mesh/kinds';
import type { KubeObject } from '../../api';
import { summarizeConfig } from './summary';
import type { ConfigSummary } from './summary';

export interface ConfigRow {
  readonly key: string;
  readonly kind: KindInfo;
  readonly kindId: string;
  readonly namespace: string;
  readonly name: string;
  readonly created?: string;
  readonly summary: ConfigSummary;
}

const GROUP_LABELS: Record<string, string> = {
  'networking.istio.io': 'Istio',
  'gateway.networking.k8s.io': 'Gateway API',
};

/** "VirtualService"; "Gateway (Istio)" and "Gateway (Gateway API)" where two groups share a kind name. */
export function kindLabel(kind: KindInfo): string {
  const shared = CONFIG_KINDS.some((other) => other !== kind && other.kind === kind.kind);
  return shared ? `${kind.kind} (${GROUP_LABELS[kind.group] ?? kind.group})` : kind.kind;
}

/** The label of a kind id from the URL; the id itself when it names no kind. */
export function labelOfKindId(id: string): string {
  const kind = findKindById(id);
  return kind ? kindLabel(kind) : id;
}

export function toConfigRows(kinds: readonly KindInfo[], lists: readonly (readonly KubeObject[])[]): ConfigRow[] {
  const rows: ConfigRow[] = [];
  kinds.forEach((kind, index) => {
    const id = kindId(kind);
    for (const object of lists[index] ?? []) {
      const namespace = object.metadata.namespace ?? '';
      const name = object.metadata.name ?? '';
      rows.push({
        key: `${id}/${namespace}/${name}`,
        kind,
        kindId: id,
        namespace,
        name,
        created: object.metadata.creationTimestamp,
        summary: summarizeConfig(id, object),
      });
    }
  });
  return rows;
}

/** Every word of `text` must appear in the name, namespace or summary (case-insensitive). */
export function matchesText(row: ConfigRow, text: string): boolean {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = `${row.namespace}/${row.name} ${row.summary.badge?.label ?? ''} ${row.summary.text}`.toLowerCase();
  return words.every((word) => haystack.includes(word));
}

export function countByKind(rows: readonly ConfigRow[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.kindId, (counts.get(row.kindId) ?? 0) + 1);
  return counts;
}
