import { describe, expect, it } from 'vitest';
import type { TopologyEdge, TopologyNode } from '../../../../mesh/topology/model';
import { sceneOf } from './scene';
import { escapeXml, sceneToSvg } from './svg';

const traffic = { inRps: 1, outRps: 1, inErrorRatio: 0, outErrorRatio: 0, inTcpBps: 0, outTcpBps: 0 };
const node = (id: string, name: string, extra: Partial<TopologyNode> = {}): TopologyNode => ({
  id,
  kind: 'workload',
  cluster: 'Kubernetes',
  namespace: 'bookinfo',
  name,
  badges: [],
  config: [],
  health: 'healthy',
  traffic,
  ...extra,
});
const edge = (source: string, target: string, extra: Partial<TopologyEdge> = {}): TopologyEdge => ({
  id: `${source}->${target}`,
  source,
  target,
  protocol: 'http',
  rps: 3,
  errorRatio: 0,
  clientErrorRatio: 0,
  responses: {},
  latency: {},
  throughputBps: 0,
  principals: [],
  health: 'healthy',
  services: [],
  ...extra,
});

const nodes = [
  node('a', 'productpage'),
  node('b', 'reviews <v2>', { health: 'failure', badges: ['faultInjection'] }),
  node('far', 'far-away'),
];
const positions = new Map([
  ['a', { x: 0, y: 0 }],
  ['b', { x: 300, y: 0 }],
  ['far', { x: 5000, y: 5000 }],
]);

function render() {
  const scene = sceneOf({
    nodes,
    edges: [edge('a', 'b', { health: 'failure', mtlsRatio: 1 }), edge('b', 'a', { mtlsRatio: 0.5 }), edge('far', 'far')],
    boxes: [{ id: 'box:namespace/bookinfo', kind: 'namespace', label: 'bookinfo' }],
    nodePositions: positions,
    boxRects: new Map([['box:namespace/bookinfo', { x: -20, y: -40, width: 520, height: 150 }]]),
    labels: new Map([['a->b', '3.00 rps']]),
    view: { x: -50, y: -50, width: 600, height: 300 },
  });
  return { scene, svg: sceneToSvg(scene) };
}

describe('SVG export', () => {
  it('draws only what is in view', () => {
    const { scene, svg } = render();
    expect(scene.nodes.map((n) => n.node.id)).toEqual(['a', 'b']);
    expect(scene.edges.map((e) => e.edge.id)).toEqual(['a->b', 'b->a']);
    expect(svg).toContain('productpage');
    expect(svg).not.toContain('far-away');
  });
  it('writes names, labels, boxes and health colours as valid XML text', () => {
    const { svg } = render();
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('reviews &lt;v2&gt;');
    expect(svg).toContain('3.00 rps');
    expect(svg).toContain('>bookinfo</text>');
    expect(svg).toContain('stroke="#d12f3a"');
    expect(svg).toContain('>FI</text>');
    expect(svg.match(/<g /g)?.length).toBe(svg.match(/<\/g>/g)?.length);
  });
  it('ends every edge in an arrowhead of its health colour, as the canvas does', () => {
    const { svg } = render();
    const ends = [...svg.matchAll(/<path d="M[^"]*"[^>]*marker-end="url\(#([^)]+)\)"/g)].map((m) => m[1]);
    expect(ends).toEqual(['arrow-failure', 'arrow-healthy']);
    for (const [id, colour] of [['arrow-failure', '#d12f3a'], ['arrow-healthy', '#1f9d48']]) {
      expect(svg).toMatch(new RegExp(`<marker id="${id}"[^>]*orient="auto-start-reverse"><path d="[^"]+" fill="${colour}"/></marker>`));
    }
    expect(svg.indexOf('<defs>')).toBeLessThan(svg.indexOf('<g class="edge"'));
  });
  it('marks an edge carried by mutual TLS with a lock, and only such an edge', () => {
    const { scene, svg } = render();
    expect(scene.edges.map((e) => e.lock !== undefined)).toEqual([true, false]);
    const locks = [...svg.matchAll(/<g class="lock" transform="translate\(([-\d.]+) ([-\d.]+)\)"[^>]*><title>mutual TLS<\/title><path d="M[^"]+" fill="#ffffff"\/><path d="M[^"]+" fill="none"\/><\/g>/g)];
    expect(locks).toHaveLength(1);
    // Between a's outlet (x 98) and the edge's midpoint (x 230), where the canvas puts it too.
    const x = Number(locks[0]?.[1]);
    expect(x).toBeGreaterThan(98);
    expect(x).toBeLessThan(230);
  });
  it('sizes the document to the view plus a margin', () => {
    const { svg } = render();
    expect(svg).toMatch(/width="632" height="332" viewBox="-66 -66 632 332"/);
  });
  it('escapes markup', () => {
    expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
  });
});
