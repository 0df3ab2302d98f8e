import { describe, expect, it } from 'vitest';
import { syntheticTrace } from './synthetic-trace';
import { sortSummaries, summarizeTrace } from './trace-summary';
import type { TraceSummary } from './trace-summary';

describe('summarizeTrace', () => {
  it('names the root, counts spans, services and errors', () => {
    const trace = syntheticTrace({ spans: 60, services: 5, seed: 3 });
    const summary = summarizeTrace(trace);
    expect(summary.rootService).toBe('svc-0.shop');
    expect(summary.rootOperation).toBe('svc-0.shop.svc.cluster.local:8080/*');
    expect(summary.spanCount).toBe(60);
    expect(summary.services.reduce((sum, s) => sum + s.spans, 0)).toBe(60);
    expect(summary.services[0]).toEqual({ name: 'svc-0.shop', spans: expect.any(Number) });
    const errors = trace.spans.filter((s) => s.tags.some((t) => t.key === 'error')).length;
    expect(summary.errorSpans).toBe(errors);
    expect(summary.duration).toBeGreaterThanOrEqual(2_000_000);
  });
});

describe('sortSummaries', () => {
  const make = (traceId: string, start: number, duration: number, spanCount: number): TraceSummary => ({
    traceId,
    rootService: '',
    rootOperation: '',
    start,
    duration,
    spanCount,
    services: [],
    errorSpans: 0,
  });
  const list = [make('a', 1, 30, 2), make('b', 3, 10, 9), make('c', 2, 20, 5)];

  it('orders by most recent, longest or most spans', () => {
    expect(sortSummaries(list, 'recent').map((s) => s.traceId)).toEqual(['b', 'c', 'a']);
    expect(sortSummaries(list, 'longest').map((s) => s.traceId)).toEqual(['a', 'c', 'b']);
    expect(sortSummaries(list, 'spans').map((s) => s.traceId)).toEqual(['b', 'c', 'a']);
  });
});
