/**
 * The graph as a JSON document for download: versioned, data only, keys in a fixed order (so that two
 * exports of the same graph are byte-identical), positions only when the caller passes them.
 */
import type { TopologyBox, TopologyEdge, TopologyGraph, TopologyNode } from './model';

export const TOPOLOGY_EXPORT_FORMAT = 'meshdeck.topology';
export const TOPOLOGY_EXPORT_VERSION = 1;

export interface Position {
  readonly x: number;
  readonly y: number;
}

export interface ExportOptions {
  /** Node positions from the layout, by node id. */
  readonly positions?: ReadonlyMap<string, Position>;
  /** What the graph shows, e.g. the namespaces and the find/hide expressions, recorded as is. */
  readonly view?: Readonly<Record<string, string | readonly string[] | boolean | number>>;
}

export interface TopologyExportDocument {
  readonly format: typeof TOPOLOGY_EXPORT_FORMAT;
  readonly version: typeof TOPOLOGY_EXPORT_VERSION;
  readonly graphType: TopologyGraph['type'];
  /** ISO time of the window's end, and its length. */
  readonly timestamp: string;
  readonly windowSeconds: number;
  readonly view?: ExportOptions['view'];
  readonly boxes: readonly TopologyBox[];
  readonly nodes: readonly (TopologyNode & { readonly position?: Position })[];
  readonly edges: readonly TopologyEdge[];
}

/** Copies with keys sorted at every level (arrays keep their order); drops undefined fields. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const field = (value as Record<string, unknown>)[key];
    if (field !== undefined) out[key] = sortedKeys(field);
  }
  return out;
}

function byId<T extends { readonly id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function topologyDocument(graph: TopologyGraph, options: ExportOptions = {}): TopologyExportDocument {
  const nodes = byId(graph.nodes).map((node) => {
    const position = options.positions?.get(node.id);
    return position ? { ...node, position: { x: position.x, y: position.y } } : node;
  });
  return {
    format: TOPOLOGY_EXPORT_FORMAT,
    version: TOPOLOGY_EXPORT_VERSION,
    graphType: graph.type,
    timestamp: new Date(graph.timestamp).toISOString(),
    windowSeconds: graph.windowSeconds,
    view: options.view,
    boxes: byId(graph.boxes),
    nodes,
    edges: byId(graph.edges),
  };
}

/** The document as indented JSON text, ready to save as a .json file. */
export function exportGraphJson(graph: TopologyGraph, options: ExportOptions = {}): string {
  const { format, version, graphType, timestamp, windowSeconds, view, boxes, nodes, edges } = topologyDocument(graph, options);
  // Envelope fields first, in reading order; everything inside sorted.
  const envelope = { format, version, graphType, timestamp, windowSeconds, view: view === undefined ? undefined : sortedKeys(view), boxes: sortedKeys(boxes), nodes: sortedKeys(nodes), edges: sortedKeys(edges) };
  return `${JSON.stringify(envelope, null, 2)}\n`;
}
