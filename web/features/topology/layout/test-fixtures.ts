import type { LevelLayouter } from './level';
import { encodeLayoutRequest } from './protocol';
import type { LayoutRequest } from './protocol';
import type { LayoutInput, Point } from './types';

/** A deterministic stand-in for ELK: each level's members in a row, in input order, 40 px apart. */
export const rowLayouter: LevelLayouter = (graphs) =>
  Promise.resolve(
    graphs.map((graph) => {
      const positions = new Map<string, Point>();
      let x = 0;
      for (const item of graph.items) {
        positions.set(item.key, { x, y: 0 });
        x += item.width + 40;
      }
      return positions;
    }),
  );

export function request(input: LayoutInput, seq = 1): LayoutRequest {
  return { ...encodeLayoutRequest(input, 'layered', seq).request, seq };
}

/** A mesh of `namespaces` boxes with `perNamespace` workloads each, chained by edges. */
export function meshInput(namespaces: number, perNamespace: number): LayoutInput {
  const boxes = Array.from({ length: namespaces }, (_, n) => ({ id: `box:namespace/ns${n}`, label: `ns${n}` }));
  const nodes = boxes.flatMap((box, n) =>
    Array.from({ length: perNamespace }, (_, w) => ({ id: `workload:ns${n}/w${w}`, box: box.id, kind: 'workload' })),
  );
  const edges = nodes.slice(1).map((node, i) => ({ id: `e${i}`, source: nodes[i]?.id ?? '', target: node.id }));
  return { nodes, edges, boxes };
}
