/**
 * Which namespaces the graph queries at workload level. A mesh whose selection holds more nodes with
 * traffic than the canvas can draw opens as the overview: one node per namespace from small
 * namespace-level queries, and only the namespaces the user opens (expands) at full detail. Kiali
 * queries a whole namespace selection at full detail whatever its size, which is where its graph stops
 * being usable; this keeps the first graph of a 10,000-pod mesh to a few hundred samples.
 */
import { namespaceOfBox } from '../../../../mesh/topology/ids';

export interface DetailScope {
  /** True: namespaces are single nodes except `namespaces`; false: the selection at full detail. */
  readonly overview: boolean;
  /** Namespaces queried at workload level (overview: the opened ones; else the selection, [] = all). */
  readonly namespaces: readonly string[];
}

export function detailScope(
  members: ReadonlyMap<string, number>,
  selection: readonly string[],
  expandedBoxes: readonly string[],
  maxNodes: number,
): DetailScope {
  const selected = selection.length > 0 ? new Set(selection) : undefined;
  let total = 0;
  for (const [namespace, count] of members) if (!selected || selected.has(namespace)) total += count;
  if (total <= maxNodes) return { overview: false, namespaces: selection };
  const opened = new Set<string>();
  for (const box of expandedBoxes) {
    const namespace = namespaceOfBox(box);
    if (namespace && (!selected || selected.has(namespace))) opened.add(namespace);
  }
  return { overview: true, namespaces: [...opened].sort() };
}
