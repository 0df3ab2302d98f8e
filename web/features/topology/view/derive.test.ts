import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../../../mesh/topology/find';
import type { FindExpr } from '../../../../mesh/topology/find';
import { sampleGraph } from '../../../../mesh/topology/sample-graph';
import { deriveGraph, findMatches } from './derive';

function expr(text: string): FindExpr {
  const result = parseExpression(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.expr;
}

const graph = sampleGraph();
const base = { collapsed: [], expanded: [], hops: 1 };

describe('derived graph', () => {
  it('draws the graph as built when nothing is asked', () => {
    expect(deriveGraph(graph, base).graph).toBe(graph);
  });
  it('hides what the expression selects, parentheses and all', () => {
    const hidden = deriveGraph(graph, { ...base, hide: expr('app = reviews and (version = v1 or version = v3)') }).graph;
    const names = hidden.nodes.map((n) => n.name);
    expect(names).toContain('reviews-v2');
    expect(names).not.toContain('reviews-v1');
    expect(names).not.toContain('reviews-v3');
  });
  it('collapses a box the user closed into one aggregate node', () => {
    const drawn = deriveGraph(graph, { ...base, collapsed: ['box:namespace/bookinfo'] });
    const aggregate = drawn.graph.nodes.find((n) => n.id === 'aggregate:namespace/bookinfo');
    expect(aggregate?.kind).toBe('aggregate');
    expect(aggregate?.memberCount).toBeGreaterThan(3);
    expect(drawn.graph.nodes.some((n) => n.name === 'reviews-v1')).toBe(false);
  });
  it('expanding wins over a suggestion but not over an explicit collapse', () => {
    const drawn = deriveGraph(graph, { ...base, expanded: ['box:namespace/bookinfo'] });
    expect(drawn.collapsed).toEqual([]);
  });
  it('focuses on a node and its neighbours', () => {
    const drawn = deriveGraph(graph, { ...base, focus: 'workload:bookinfo/ratings-v1' });
    expect(drawn.focusFound).toBe(true);
    expect(drawn.graph.nodes.length).toBeLessThan(graph.nodes.length);
    expect(drawn.graph.nodes.some((n) => n.id === 'workload:bookinfo/ratings-v1')).toBe(true);
  });
  it('ignores a focus node that is gone', () => {
    const drawn = deriveGraph(graph, { ...base, focus: 'workload:bookinfo/gone' });
    expect(drawn.focusFound).toBe(false);
    expect(drawn.graph.nodes.length).toBe(graph.nodes.length);
  });
  it('marks what find matches without changing the graph', () => {
    const ids = findMatches(graph, expr('name = reviews-v3'));
    expect([...ids]).toEqual(['workload:bookinfo/reviews-v3']);
  });
});
