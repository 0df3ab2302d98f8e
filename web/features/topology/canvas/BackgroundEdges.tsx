import { ViewportPortal } from '@xyflow/react';
import { memo, useMemo } from 'react';
import type { TopologyEdge } from '../../../../mesh/topology/model';
import type { Point } from '../layout';
import { backgroundPaths } from '../view/background-edges';

interface Props {
  readonly edges: readonly TopologyEdge[];
  readonly positions: ReadonlyMap<string, Point>;
  /** Fainter still while some node's edges are brought forward. */
  readonly dimmed: boolean;
}

/**
 * All edges of a crowded graph as a few paths in the flow's coordinates: hundreds of edge elements
 * would each be restyled and hit-tested as the view moves. Below the nodes and the full edges (the
 * viewport orders them by z-index), and transparent to the pointer: clicks reach the pane.
 */
export const BackgroundEdges = memo(function BackgroundEdges({ edges, positions, dimmed }: Props) {
  const paths = useMemo(() => backgroundPaths(edges, positions), [edges, positions]);
  return (
    <ViewportPortal>
      <svg className={`topology-background-edges${dimmed ? ' is-faded' : ''}`} data-testid="topology-background-edges" data-edge-count={edges.length} aria-hidden>
        {paths.map((path) => (
          <path key={path.key} d={path.d} className={`topology-background-edge health-${path.health}${path.dashed ? ' is-dashed' : ''}`} />
        ))}
      </svg>
    </ViewportPortal>
  );
});
