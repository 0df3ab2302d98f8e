/**
 * The critical path of a trace, as Jaeger UI computes it: start at the root; within a span, the last child
 * to finish (before the point we came back from) is what the span waited on, so walk into it; where no
 * child finishes in time the span itself was working, then step back to its parent at the child's start.
 * Children are first clipped to their parent's time (a child outliving its parent did not delay it), and
 * FOLLOWS_FROM children do not count: the parent did not wait for them.
 */
import type { SpanNode, SpanTree } from './span-tree';

/** A stretch of time, in microseconds since the epoch, during which a span was on the critical path. */
export interface CriticalSection {
  readonly spanId: string;
  readonly start: number;
  readonly end: number;
}

interface Timed {
  readonly node: SpanNode;
  readonly start: number;
  readonly end: number;
  /** CHILD_OF children, clipped to this span, latest end first. */
  children: Timed[];
}

function isChildOf(node: SpanNode): boolean {
  const parentId = node.parent?.span.spanID;
  return node.span.references.some((ref) => ref.refType === 'CHILD_OF' && ref.spanID === parentId);
}

function clip(root: SpanNode): Timed {
  const top: Timed = { node: root, start: root.span.startTime, end: root.span.startTime + root.span.duration, children: [] };
  const stack = [top];
  for (let current = stack.pop(); current; current = stack.pop()) {
    for (const child of current.node.children) {
      if (!isChildOf(child)) continue;
      const start = Math.max(child.span.startTime, current.start);
      const end = Math.min(child.span.startTime + child.span.duration, current.end);
      if (start >= end && child.span.duration > 0) continue;
      const timed: Timed = { node: child, start, end: Math.max(start, end), children: [] };
      current.children.push(timed);
      stack.push(timed);
    }
    current.children.sort((a, b) => b.end - a.end);
  }
  return top;
}

/** Sections of the first root's critical path, from the end of the trace back to its start. */
export function criticalPath(tree: SpanTree): CriticalSection[] {
  const root = tree.roots[0];
  if (!root) return [];
  const sections: CriticalSection[] = [];
  const parentOf = new Map<Timed, Timed>();
  const top = clip(root);
  let current: Timed | undefined = top;
  let returningFrom: number | undefined;
  // Each step either descends into a child or returns to the parent, so the walk ends; the guard is for safety.
  for (let steps = 0; current && steps < 4 * tree.byId.size + 4; steps++) {
    const sectionEnd: number = returningFrom ?? current.end;
    const bound = returningFrom;
    const child: Timed | undefined = current.children.find((c) => bound === undefined || c.end < bound);
    if (child) {
      if (child.end !== sectionEnd) sections.push({ spanId: current.node.span.spanID, start: child.end, end: sectionEnd });
      parentOf.set(child, current);
      current = child;
      returningFrom = undefined;
    } else {
      sections.push({ spanId: current.node.span.spanID, start: current.start, end: sectionEnd });
      returningFrom = current.start;
      current = parentOf.get(current);
    }
  }
  return sections;
}

/** Critical sections grouped by span, for drawing them on each span's bar. */
export function sectionsBySpan(sections: readonly CriticalSection[]): Map<string, CriticalSection[]> {
  const bySpan = new Map<string, CriticalSection[]>();
  for (const section of sections) {
    const list = bySpan.get(section.spanId) ?? [];
    list.push(section);
    bySpan.set(section.spanId, list);
  }
  return bySpan;
}
