/** One line per trace for the search results: what it was, how long, where it went, whether it failed. */
import type { Trace } from '../../../mesh/telemetry/jaeger-model';
import { buildSpanTree, servicesOf } from './span-tree';

export interface TraceSummary {
  readonly traceId: string;
  readonly rootService: string;
  readonly rootOperation: string;
  /** Microseconds since the epoch. */
  readonly start: number;
  /** Microseconds. */
  readonly duration: number;
  readonly spanCount: number;
  readonly services: readonly { readonly name: string; readonly spans: number }[];
  readonly errorSpans: number;
}

export function summarizeTrace(trace: Trace): TraceSummary {
  const tree = buildSpanTree(trace);
  const root = tree.roots[0];
  let errorSpans = 0;
  for (const node of tree.byId.values()) if (node.error) errorSpans++;
  return {
    traceId: trace.traceID,
    rootService: root?.service ?? '',
    rootOperation: root?.span.operationName ?? '',
    start: tree.start,
    duration: tree.end - tree.start,
    spanCount: trace.spans.length,
    services: servicesOf(tree),
    errorSpans,
  };
}

export const TRACE_SORTS = ['recent', 'longest', 'spans'] as const;
export type TraceSort = (typeof TRACE_SORTS)[number];

export function sortSummaries(summaries: readonly TraceSummary[], sort: TraceSort): TraceSummary[] {
  const key: Record<TraceSort, (s: TraceSummary) => number> = {
    recent: (s) => s.start,
    longest: (s) => s.duration,
    spans: (s) => s.spanCount,
  };
  return [...summaries].sort((a, b) => key[sort](b) - key[sort](a) || a.traceId.localeCompare(b.traceId));
}
