/**
 * Where a field of an object is in its YAML text: from a field path (an analysis finding's, or the
 * API server's `spec.http[0].route[0].weight`) to lines and columns, for markers. Pure.
 */
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments } from 'yaml';
import type { Document, Node, Pair } from 'yaml';

export type FieldPath = readonly (string | number)[];

/** 1-based, as Monaco counts; `exact` is false when only an ancestor of the path exists. */
export interface YamlRange {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly exact: boolean;
}

/**
 * `spec.http[0].route[0].weight` → ['spec','http',0,'route',0,'weight']. Bracketed keys that are
 * not numbers stay strings, as in `metadata.annotations[example.com/x]`.
 */
export function parseFieldPath(path: string): FieldPath {
  const parts: (string | number)[] = [];
  const pattern = /([^.[\]]+)|\[([^\]]*)\]/g;
  for (const match of path.matchAll(pattern)) {
    if (match[1] !== undefined) parts.push(match[1]);
    else if (match[2] !== undefined) parts.push(/^\d+$/.test(match[2]) ? Number(match[2]) : match[2]);
  }
  return parts;
}

/** The range of `path` in the `documentIndex`-th document, or of its nearest existing ancestor. */
export function locateInYaml(text: string, path: FieldPath, documentIndex = 0): YamlRange | undefined {
  const lineCounter = new LineCounter();
  const document = parseAllDocuments(text, { lineCounter })[documentIndex];
  if (!document || !('contents' in document)) return undefined;
  return locateInDocument(document, lineCounter, text, path);
}

/** As locateInYaml, for a document already parsed with `lineCounter` from `text`. */
export function locateInDocument(document: Document, lineCounter: LineCounter, text: string, path: FieldPath): YamlRange | undefined {
  let node: unknown = document.contents;
  let anchor: readonly [number, number] | undefined = (node as Node | null)?.range
    ? [(node as Node).range![0], (node as Node).range![1]]
    : undefined;
  let exact = true;
  for (const segment of path) {
    const next = step(node, segment);
    if (!next) {
      exact = false;
      break;
    }
    node = next.node;
    anchor = next.anchor;
  }
  if (!anchor) return undefined;
  const start = lineCounter.linePos(anchor[0]);
  const end = lineCounter.linePos(anchor[1]);
  // A range that runs over several lines is shown on its first one: that is where the field starts.
  const endColumn = end.line === start.line ? end.col : lineLength(text, start.line) + 1;
  return { line: start.line, column: start.col, endLine: start.line, endColumn: Math.max(endColumn, start.col + 1), exact };
}

export function locateServerField(text: string, field: string, documentIndex = 0): YamlRange | undefined {
  return locateInYaml(text, parseFieldPath(field), documentIndex);
}

interface Step {
  readonly node: unknown;
  /** Offsets to mark: a map entry's key through a scalar value, or a sequence item. */
  readonly anchor: readonly [number, number];
}

function step(node: unknown, segment: string | number): Step | undefined {
  if (isMap(node)) {
    const pair = node.items.find((item) => keyText(item) === String(segment));
    const key = pair?.key;
    if (!pair || !isScalar(key) || !key.range) return undefined;
    const value = pair.value as Node | null;
    const end = isScalar(value) && value.range ? value.range[1] : key.range[1];
    return { node: value, anchor: [key.range[0], end] };
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment] as Node | undefined;
    if (!item?.range) return undefined;
    return { node: item, anchor: [item.range[0], item.range[1]] };
  }
  return undefined;
}

function keyText(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

function lineLength(text: string, line: number): number {
  return text.split('\n')[line - 1]?.length ?? 0;
}
