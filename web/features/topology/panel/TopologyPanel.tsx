import type { TopologyGraph } from '../../../../mesh/topology/model';
import type { TimeWindow } from '../../../app/time-window';
import { BoxPanel } from './BoxPanel';
import { EdgePanel } from './EdgePanel';
import { NodePanel } from './NodePanel';

export interface TopologyPanelProps {
  readonly graph: TopologyGraph;
  readonly selectedId: string;
  readonly window: TimeWindow;
  readonly focus: string;
  readonly onFocus: (nodeId: string) => void;
  readonly onExpand: (boxId: string) => void;
  readonly onCollapse: (boxId: string) => void;
  readonly onClose: () => void;
}

/** The side panel of whatever is selected: a node, an edge or a box; nothing when it left the graph. */
export function TopologyPanel({ graph, selectedId, window, focus, onFocus, onExpand, onCollapse, onClose }: TopologyPanelProps) {
  const node = graph.nodes.find((n) => n.id === selectedId);
  if (node)
    return <NodePanel node={node} graph={graph} window={window} focused={focus === node.id} onFocus={() => onFocus(node.id)} onExpand={onExpand} onClose={onClose} />;
  const edge = graph.edges.find((e) => e.id === selectedId);
  if (edge) {
    const source = graph.nodes.find((n) => n.id === edge.source);
    const target = graph.nodes.find((n) => n.id === edge.target);
    return <EdgePanel edge={edge} source={source} target={target} window={window} onClose={onClose} />;
  }
  const box = graph.boxes.find((b) => b.id === selectedId);
  if (box) return <BoxPanel box={box} graph={graph} onCollapse={() => onCollapse(box.id)} onClose={onClose} />;
  return null;
}
