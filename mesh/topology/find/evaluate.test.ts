import { describe, expect, it } from 'vitest';
import { sampleGraph } from '../sample-graph';
import { FIND_ATTRIBUTES, FIND_PRESETS } from './attributes';
import { matchEdge, matchNode, parseExpression } from './index';

const graph = sampleGraph();

function expr(text: string) {
  const result = parseExpression(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.expr;
}

function nodes(text: string): string[] {
  const e = expr(text);
  return graph.nodes.filter((n) => matchNode(e, n)).map((n) => n.name);
}

function edges(text: string): string[] {
  const e = expr(text);
  return graph.edges.filter((edge) => matchEdge(e, edge)).map((edge) => edge.id.replace(/workload:bookinfo\//g, '').replace('workload:istio-system/', ''));
}

describe('matchNode', () => {
  it('matches badges and their aliases', () => {
    expect(nodes('fi')).toEqual(['reviews-v3']);
    expect(nodes('faultinjection or cb')).toEqual(['reviews-v3', 'ratings-v1']);
    expect(nodes('ts and not fi')).toEqual(['reviews-v1', 'reviews-v2']);
    expect(nodes('missingsidecar')).toEqual(['details-v1']);
    expect(nodes('gateway')).toEqual(['istio-ingressgateway']);
    expect(nodes('external')).toEqual(['api.payments.example']);
  });

  it('compares text ignoring case, and ~ as a pattern', () => {
    expect(nodes('app = REVIEWS and version != v2')).toEqual(['reviews-v1', 'reviews-v3']);
    expect(nodes('name ~ "^rev.*-v[12]$"')).toEqual(['reviews-v1', 'reviews-v2']);
    expect(nodes('name !~ v1')).toEqual(['istio-ingressgateway', 'reviews-v2', 'reviews-v3', 'api.payments.example']);
    expect(nodes('namespace = istio-system')).toEqual(['istio-ingressgateway']);
  });

  it('compares numbers in the attribute units', () => {
    // Inbound requests per second and inbound error share.
    expect(nodes('rps >= 10')).toEqual(['productpage-v1', 'details-v1']);
    expect(nodes('error > 5%')).toEqual(['reviews-v3']);
    expect(nodes('rps > 0 and error = 0%')).toEqual(['productpage-v1', 'details-v1', 'reviews-v1', 'reviews-v2', 'api.payments.example']);
  });

  it('uses health: healthy, unhealthy, idle', () => {
    expect(nodes('unhealthy')).toEqual(['productpage-v1', 'reviews-v3', 'ratings-v1']);
    expect(nodes('idle')).toEqual(['legacy-v1']);
    // productpage-v1 sends 4 % errors (degraded), reviews-v3 answers 30 % (failure, from 10 %).
    expect(nodes('health = failure')).toEqual(['reviews-v3']);
    expect(nodes('health = degraded')).toEqual(['productpage-v1', 'ratings-v1']);
  });

  it('never matches a node with an edge-only condition, even negated', () => {
    expect(nodes('protocol = http')).toEqual([]);
    expect(nodes('not latency > 1s')).toEqual([]);
    // "or" with a node condition still finds the nodes.
    expect(nodes('fi or latency > 1s')).toEqual(['reviews-v3']);
  });
});

describe('matchEdge', () => {
  it('matches edge attributes', () => {
    expect(edges('latency > 500ms')).toEqual(['productpage-v1->reviews-v3']);
    expect(edges('p95 <= 15ms')).toEqual(['reviews-v2->ratings-v1', 'reviews-v3->ratings-v1']);
    expect(edges('protocol = tcp')).toEqual(['ratings-v1->mongodb-v1#tcp']);
    expect(edges('protocol = grpc or error > 10%')).toEqual(['productpage-v1->reviews-v3', 'reviews-v3->ratings-v1']);
  });

  it('reads mtls as a flag (any) and as a share', () => {
    expect(edges('not mtls')).toEqual(['productpage-v1->details-v1', 'productpage-v1->external:api.payments.example']);
    expect(edges('mtls < 100%')).toEqual(['productpage-v1->details-v1', 'ratings-v1->mongodb-v1#tcp', 'productpage-v1->external:api.payments.example']);
  });

  it('matches any of several values (codes, flags, services)', () => {
    expect(edges('code = 503')).toEqual(['productpage-v1->reviews-v3', 'reviews-v3->ratings-v1']);
    expect(edges('flags = UO and rps > 2')).toEqual(['productpage-v1->reviews-v3']);
    expect(edges('service ~ ratings')).toEqual(['reviews-v2->ratings-v1', 'reviews-v3->ratings-v1']);
    expect(edges('code != 503 and protocol = http and rps > 5')).toEqual(['istio-ingressgateway->productpage-v1', 'productpage-v1->details-v1']);
  });

  it('ignores node-only conditions', () => {
    expect(edges('namespace = bookinfo')).toEqual([]);
    expect(edges('unhealthy')).toEqual(['productpage-v1->reviews-v3', 'reviews-v3->ratings-v1']);
  });
});

describe('attribute table and presets', () => {
  it('has unique names and aliases', () => {
    const names = FIND_ATTRIBUTES.flatMap((a) => [a.name, ...a.aliases]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('has presets that all parse and match something in the sample graph or nothing by design', () => {
    for (const preset of FIND_PRESETS) {
      const result = parseExpression(preset.expression);
      expect(result.ok, `${preset.label}: ${preset.expression}`).toBe(true);
    }
    expect(nodes('unhealthy').length).toBeGreaterThan(0);
  });
});
