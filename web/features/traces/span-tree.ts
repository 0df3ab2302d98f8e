/** A trace as a tree of spans (from CHILD_OF / FOLLOWS_FROM references), and the rows a waterfall draws. */
import type { Span, Trace } from '../../../mesh/telemetry/jaeger-model';

export interface SpanNode {
  readonly span: Span;
  readonly service: string;
  readonly depth: number;
  readonly parent: SpanNode | undefined;
  readonly children: SpanNode[];
  readonly error: boolean;
}

export interface SpanTree {
  readonly roots: readonly SpanNode[];
  readonly byId: ReadonlyMap<string, SpanNode>;
  /** Microseconds since the epoch. */
  readonly start: number;
  readonly end: number;
  /** Levels of the deepest span (a lone root is depth 1). */
  readonly depth: number;
}

/** Jaeger UI's rule: an `error=true` tag; Istio's proxies also report 5xx answers through http.status_code. */
export function isErrorSpan(span: Span): boolean {
  let error = false;
  for (const tag of span.tags) {
    if (tag.key === 'error' && (tag.value === true || tag.value === 'true')) error = true;
    if (tag.key === 'http.status_code' && Number(tag.value) >= 500) error = true;
  }
  return error;
}

/** The span a span hangs under: its first CHILD_OF reference, else its first FOLLOWS_FROM, within the trace. */
function parentIdOf(span: Span): string | undefined {
  const refs = span.references.filter((ref) => ref.traceID === span.traceID);
  return (refs.find((ref) => ref.refType === 'CHILD_OF') ?? refs[0])?.spanID;
}

/** Builds the tree; a span whose parent is missing (not sampled, not yet reported) becomes a root. */
export function buildSpanTree(trace: Trace): SpanTree {
  const spans = [...trace.spans].sort((a, b) => a.startTime - b.startTime || a.spanID.localeCompare(b.spanID));
  const parents = new Map<string, string | undefined>();
  for (const span of spans) parents.set(span.spanID, parentIdOf(span));
  const childrenOf = new Map<string | undefined, Span[]>();
  for (const span of spans) {
    let parent = parents.get(span.spanID);
    if (parent === undefined || parent === span.spanID || !parents.has(parent) || formsCycle(span.spanID, parents)) parent = undefined;
    const list = childrenOf.get(parent) ?? [];
    list.push(span);
    childrenOf.set(parent, list);
  }
  const byId = new Map<string, SpanNode>();
  let depth = 0;
  const make = (span: Span, parent: SpanNode | undefined): SpanNode => {
    const node: SpanNode = {
      span,
      service: trace.processes[span.processID]?.serviceName ?? '',
      depth: parent ? parent.depth + 1 : 0,
      parent,
      children: [],
      error: isErrorSpan(span),
    };
    byId.set(span.spanID, node);
    depth = Math.max(depth, node.depth + 1);
    return node;
  };
  const roots = (childrenOf.get(undefined) ?? []).map((span) => make(span, undefined));
  // Iterative so that a trace thousands of spans deep cannot overflow the stack.
  const stack = [...roots];
  for (let node = stack.pop(); node; node = stack.pop()) {
    for (const child of childrenOf.get(node.span.spanID) ?? []) {
      const childNode = make(child, node);
      node.children.push(childNode);
      stack.push(childNode);
    }
  }
  let start = Infinity;
  let end = -Infinity;
  for (const span of spans) {
    start = Math.min(start, span.startTime);
    end = Math.max(end, span.startTime + span.duration);
  }
  return { roots, byId, start: Number.isFinite(start) ? start : 0, end: Number.isFinite(end) ? end : 0, depth };
}

function formsCycle(spanId: string, parents: ReadonlyMap<string, string | undefined>): boolean {
  const seen = new Set<string>([spanId]);
  for (let id = parents.get(spanId); id !== undefined; id = parents.get(id)) {
    if (seen.has(id)) return true;
    seen.add(id);
  }
  return false;
}

/** The rows to draw, depth first in start order, skipping the descendants of collapsed spans. */
export function visibleRows(tree: SpanTree, collapsed: ReadonlySet<string>): SpanNode[] {
  const rows: SpanNode[] = [];
  const stack = [...tree.roots].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    rows.push(node);
    if (!collapsed.has(node.span.spanID)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return rows;
}

/** Services in order of first appearance, with how many spans each reported. */
export function servicesOf(tree: SpanTree): { readonly name: string; readonly spans: number }[] {
  const counts = new Map<string, number>();
  for (const node of visibleRows(tree, new Set())) counts.set(node.service, (counts.get(node.service) ?? 0) + 1);
  return [...counts].map(([name, spans]) => ({ name, spans }));
}
