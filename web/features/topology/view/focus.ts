/**
 * Emphasis for a crowded graph: with many edges they are drawn faint, and the edges of the node the
 * user hovers or selects are brought forward. Done with one generated style rule keyed on the
 * edges' `data-source`/`data-target`, so hovering restyles the edges without re-rendering them.
 */

/** Above this many edges the graph counts as crowded: faint edges, labels only on demand. */
export const CROWDED_EDGES = 120;

export function isCrowded(edgeCount: number, nodeCount: number): boolean {
  return edgeCount > CROWDED_EDGES || (nodeCount > 0 && edgeCount > nodeCount * 4);
}

/** A CSS string literal for an attribute selector; ids may hold quotes or backslashes. */
function cssString(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, '\\a ')}"`;
}

/** The rule that highlights the edges touching `nodeIds` inside `scope`; empty when there is none. */
export function focusRule(scope: string, nodeIds: readonly string[]): string {
  const ids = nodeIds.filter((id) => id !== '');
  if (ids.length === 0) return '';
  const selectors = ids.flatMap((id) => [`${scope} .topology-edge[data-source=${cssString(id)}]`, `${scope} .topology-edge[data-target=${cssString(id)}]`]);
  return `${selectors.join(',\n')} { opacity: 1 !important; }`;
}
