import { describe, expect, it } from 'vitest';
import { aggregationGroups, collapseBoxes, focus, hide, suggestCollapsed } from './aggregate';
import { boxOfAggregate } from './ids';
import type { TopologyGraph, TopologyNode } from './model';
import { sampleGraph } from './sample-graph';

const graph = sampleGraph();
const W = (name: string) => `workload:bookinfo/${name}`;

describe('collapseBoxes', () => {
  it('replaces a namespace with one node, merging edges and dropping internal ones', () => {
    const collapsed = collapseBoxes(graph, ['box:namespace/bookinfo']);
    const aggregate = collapsed.nodes.find((n) => n.id === 'aggregate:namespace/bookinfo');
    expect(aggregate).toMatchObject({ kind: 'aggregate', name: 'bookinfo', memberCount: 8 });
    expect(boxOfAggregate(aggregate?.id ?? '')).toBe('box:namespace/bookinfo');
    // Ingress → bookinfo, bookinfo → external; everything inside bookinfo vanished.
    expect(collapsed.edges.map((e) => e.id)).toEqual([
      'workload:istio-system/istio-ingressgateway->aggregate:namespace/bookinfo',
      'aggregate:namespace/bookinfo->external:api.payments.example',
    ]);
    expect(collapsed.boxes.map((b) => b.id)).toEqual(['box:namespace/istio-system']);
    expect(aggregate?.traffic.inRps).toBe(10);
    expect(aggregate?.traffic.outRps).toBe(1);
    expect(aggregate?.health).toBe('healthy');
    expect(aggregate?.badges).toContain('faultInjection');
  });

  it('collapses an app of a workload graph and sums its traffic and errors', () => {
    const collapsed = collapseBoxes(graph, ['box:app/bookinfo/reviews']);
    const reviews = collapsed.nodes.find((n) => n.id === 'aggregate:app/bookinfo/reviews');
    expect(reviews).toMatchObject({ memberCount: 3, app: 'reviews', box: 'box:namespace/bookinfo' });
    const inbound = collapsed.edges.find((e) => e.id === `${W('productpage-v1')}->aggregate:app/bookinfo/reviews`);
    expect(inbound?.rps).toBe(10);
    // 3 rps at 30 % errors in 10 rps.
    expect(inbound?.errorRatio).toBeCloseTo(0.09);
    expect(inbound?.health).toBe('degraded');
    // Percentiles: the largest part; mean: weighted by requests.
    expect(inbound?.latency.p95Ms).toBe(700);
    expect(inbound?.latency.avgMs).toBeCloseTo((3 * 20 + 4 * 30 + 3 * 350) / 10);
    // HTTP (4 rps) and gRPC (2 rps) into ratings merge into one edge named after the busier protocol.
    const toRatings = collapsed.edges.find((e) => e.id === `aggregate:app/bookinfo/reviews->${W('ratings-v1')}`);
    expect(toRatings).toMatchObject({ protocol: 'http', rps: 6 });
    expect(reviews?.traffic.inRps).toBe(10);
    expect(reviews?.traffic.outRps).toBe(6);
  });

  it('lets an outer box win over an inner one and ignores unknown ids', () => {
    const collapsed = collapseBoxes(graph, ['box:app/bookinfo/reviews', 'box:namespace/bookinfo', 'box:namespace/nowhere']);
    expect(collapsed.nodes.filter((n) => n.kind === 'aggregate').map((n) => n.id)).toEqual(['aggregate:namespace/bookinfo']);
    expect(collapseBoxes(graph, [])).toBe(graph);
  });
});

describe('aggregationGroups', () => {
  it('lists namespace boxes and the app groups of a workload graph with sizes', () => {
    const groups = aggregationGroups(graph);
    expect(groups.find((g) => g.id === 'box:namespace/bookinfo')?.members).toBe(8);
    expect(groups.find((g) => g.id === 'box:app/bookinfo/reviews')).toMatchObject({ kind: 'app', members: 3, parent: 'box:namespace/bookinfo' });
  });
});

describe('focus', () => {
  it('keeps the node and its neighbours within n hops, either direction', () => {
    const one = focus(graph, W('reviews-v2'), 1);
    expect(one.nodes.map((n) => n.name)).toEqual(['productpage-v1', 'reviews-v2', 'ratings-v1']);
    expect(one.edges).toHaveLength(2);
    const two = focus(graph, W('reviews-v2'), 2);
    expect(two.nodes.map((n) => n.name)).toContain('mongodb-v1');
    expect(two.nodes.map((n) => n.name)).toContain('istio-ingressgateway');
    expect(two.boxes.map((b) => b.id)).toEqual(['box:namespace/bookinfo', 'box:namespace/istio-system']);
    expect(focus(graph, W('reviews-v2'), 0).nodes).toHaveLength(1);
    expect(focus(graph, 'workload:none/x', 3).nodes).toHaveLength(0);
  });
});

describe('hide', () => {
  it('hides nodes with their edges, and the nodes only they connected', () => {
    const hidden = hide(graph, { node: (n: TopologyNode) => n.name === 'ratings-v1' });
    expect(hidden.nodes.map((n) => n.name)).not.toContain('ratings-v1');
    // mongodb lost its only edge; legacy (idle, never had one) stays.
    expect(hidden.nodes.map((n) => n.name)).not.toContain('mongodb-v1');
    expect(hidden.nodes.map((n) => n.name)).toContain('legacy-v1');
    expect(hidden.edges.some((e) => e.target === W('ratings-v1'))).toBe(false);
  });

  it('hides edges', () => {
    const hidden = hide(graph, { edge: (e) => e.protocol === 'tcp' });
    expect(hidden.edges.some((e) => e.protocol === 'tcp')).toBe(false);
    expect(hidden.nodes.map((n) => n.name)).not.toContain('mongodb-v1');
    expect(hide(graph, {})).toBe(graph);
  });
});

describe('suggestCollapsed', () => {
  function bigGraph(namespaces: number, appsPer: number, versions: number): TopologyGraph {
    const nodes: TopologyNode[] = [];
    for (let n = 0; n < namespaces; n++) {
      for (let a = 0; a < appsPer; a++) {
        for (let v = 0; v < versions; v++) {
          const base = graph.nodes[1]!;
          nodes.push({ ...base, id: `workload:ns${n}/app${a}-v${v}`, namespace: `ns${n}`, name: `app${a}-v${v}`, app: `app${a}`, box: `box:namespace/ns${n}` });
        }
      }
    }
    return { ...graph, nodes, edges: [], boxes: Array.from({ length: namespaces }, (_, n) => ({ id: `box:namespace/ns${n}`, kind: 'namespace' as const, label: `ns${n}` })) };
  }

  it('collapses nothing when the graph fits', () => {
    expect(suggestCollapsed(graph)).toEqual([]);
  });

  it('collapses every namespace of a graph too big to draw, for a namespace view to drill into', () => {
    const big = bigGraph(40, 30, 2); // 2400 nodes, 60 per namespace
    const suggestion = suggestCollapsed(big, { maxNodes: 600 });
    expect(collapseBoxes(big, suggestion).nodes).toHaveLength(40);
    expect(suggestion).toHaveLength(40);
    expect(suggestion.every((id) => id.startsWith('box:namespace/'))).toBe(true);
  });

  it('keeps an expanded namespace open and collapses its apps when it is too big', () => {
    const big = bigGraph(3, 400, 2); // 800 per namespace
    const suggestion = suggestCollapsed(big, { maxNodes: 600, expanded: ['box:namespace/ns1'] });
    expect(suggestion).toContain('box:namespace/ns0');
    expect(suggestion).not.toContain('box:namespace/ns1');
    expect(suggestion.some((id) => id.startsWith('box:app/ns1/'))).toBe(true);
    expect(collapseBoxes(big, suggestion).nodes.length).toBeLessThanOrEqual(600);
  });
});
