import { describe, expect, it } from 'vitest';
import type { Span, Trace } from '../../../mesh/telemetry/jaeger-model';
import { criticalPath } from './critical-path';
import { buildSpanTree, isErrorSpan, servicesOf, visibleRows } from './span-tree';
import { syntheticTrace } from './synthetic-trace';

const T = 'abc';

function span(id: string, start: number, duration: number, parent?: string, extra: Partial<Span> = {}): Span {
  return {
    traceID: T,
    spanID: id,
    operationName: `op-${id}`,
    references: parent ? [{ refType: 'CHILD_OF', traceID: T, spanID: parent }] : [],
    startTime: start,
    duration,
    tags: [],
    logs: [],
    processID: id.startsWith('r') ? 'reviews' : 'front',
    warnings: null,
    flags: 1,
    ...extra,
  };
}

function trace(spans: Span[]): Trace {
  return {
    traceID: T,
    spans,
    processes: { front: { serviceName: 'productpage.bookinfo', tags: [] }, reviews: { serviceName: 'reviews.bookinfo', tags: [] } },
    warnings: null,
  };
}

describe('buildSpanTree', () => {
  it('hangs spans under their parents in start order, with depth and services', () => {
    const tree = buildSpanTree(trace([span('r2', 30, 10, 'a'), span('a', 0, 100), span('r1', 10, 10, 'a'), span('b', 12, 5, 'r1')]));
    expect(tree.roots.map((n) => n.span.spanID)).toEqual(['a']);
    expect(visibleRows(tree, new Set()).map((n) => `${n.depth}:${n.span.spanID}`)).toEqual(['0:a', '1:r1', '2:b', '1:r2']);
    expect(tree.depth).toBe(3);
    expect([tree.start, tree.end]).toEqual([0, 100]);
    expect(servicesOf(tree)).toEqual([
      { name: 'productpage.bookinfo', spans: 2 },
      { name: 'reviews.bookinfo', spans: 2 },
    ]);
  });

  it('makes spans with a missing parent roots, and survives reference cycles', () => {
    const tree = buildSpanTree(trace([span('a', 0, 10), span('orphan', 5, 1, 'gone'), span('x', 1, 1, 'y'), span('y', 2, 1, 'x')]));
    expect(tree.roots.map((n) => n.span.spanID).sort()).toEqual(['a', 'orphan', 'x', 'y']);
  });

  it('uses FOLLOWS_FROM when a span has no CHILD_OF', () => {
    const follows = span('f', 50, 10, undefined, { references: [{ refType: 'FOLLOWS_FROM', traceID: T, spanID: 'a' }] });
    const tree = buildSpanTree(trace([span('a', 0, 40), follows]));
    expect(tree.byId.get('f')?.parent?.span.spanID).toBe('a');
  });

  it('hides the descendants of collapsed spans', () => {
    const tree = buildSpanTree(trace([span('a', 0, 100), span('r1', 10, 10, 'a'), span('b', 12, 5, 'r1'), span('r2', 30, 10, 'a')]));
    expect(visibleRows(tree, new Set(['r1'])).map((n) => n.span.spanID)).toEqual(['a', 'r1', 'r2']);
  });

  it('builds a deep 2,000-span trace without recursion trouble', () => {
    const chain = Array.from({ length: 2000 }, (_, i) => span(`s${i}`, i, 4000 - i * 2, i ? `s${i - 1}` : undefined));
    const tree = buildSpanTree(trace(chain));
    expect(tree.depth).toBe(2000);
    expect(criticalPath(tree)).toHaveLength(2000 * 2 - 1);
  });
});

describe('isErrorSpan', () => {
  it('reads error=true and 5xx status codes', () => {
    const tagged = (key: string, value: string | boolean) => span('a', 0, 1, undefined, { tags: [{ key, type: 'string', value }] });
    expect(isErrorSpan(tagged('error', true))).toBe(true);
    expect(isErrorSpan(tagged('error', 'true'))).toBe(true);
    expect(isErrorSpan(tagged('http.status_code', '503'))).toBe(true);
    expect(isErrorSpan(tagged('http.status_code', '404'))).toBe(false);
    expect(isErrorSpan(tagged('error', false))).toBe(false);
  });
});

describe('criticalPath', () => {
  it('walks back from the last-finishing child, as Jaeger UI does', () => {
    // a: 0..100; r1 10..40 (with b 15..35); r2 30..70; c 75..80 follows r2 in a.
    const tree = buildSpanTree(
      trace([span('a', 0, 100), span('r1', 10, 30, 'a'), span('b', 15, 20, 'r1'), span('r2', 30, 40, 'a'), span('c', 75, 5, 'a')]),
    );
    const path = criticalPath(tree).map((s) => `${s.spanId}:${s.start}-${s.end}`);
    expect(path).toEqual(['a:80-100', 'c:75-80', 'a:70-75', 'r2:30-70', 'a:0-30']);
  });

  it('clips a child that outlives its parent and ignores FOLLOWS_FROM children', () => {
    const follows = span('f', 10, 80, undefined, { references: [{ refType: 'FOLLOWS_FROM', traceID: T, spanID: 'a' }] });
    const tree = buildSpanTree(trace([span('a', 0, 50), span('r1', 20, 100, 'a'), follows]));
    expect(criticalPath(tree).map((s) => `${s.spanId}:${s.start}-${s.end}`)).toEqual(['r1:20-50', 'a:0-20']);
  });

  it('covers the whole root duration without overlaps on a synthetic trace', () => {
    const tree = buildSpanTree(syntheticTrace({ spans: 500, seed: 7 }));
    const sections = criticalPath(tree);
    const root = tree.roots[0]!.span;
    const covered = sections.reduce((sum, s) => sum + (s.end - s.start), 0);
    expect(covered).toBe(root.duration);
    const sorted = [...sections].sort((x, y) => x.start - y.start);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.start).toBeGreaterThanOrEqual(sorted[i - 1]!.end);
  });
});
