import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useCanvasActions } from './canvas-actions';
import type { BoxFlowNode } from './flow-elements';

/** A namespace, app or cluster box behind its members, with a collapse toggle in its header. */
export const BoxNodeView = memo(function BoxNodeView({ data }: NodeProps<BoxFlowNode>) {
  const { box } = data;
  const { toggleBox } = useCanvasActions();
  return (
    <div className={`topology-box kind-${box.kind}`}>
      <div className="topology-box-header">
        <button
          type="button"
          className="topology-box-toggle nodrag"
          aria-label={`Collapse ${box.kind} ${box.label}`}
          title="Collapse into one node"
          onClick={(event) => {
            event.stopPropagation();
            toggleBox(box.id);
          }}
        >
          −
        </button>
        <span className="topology-box-kind">{box.kind}</span>
        <span className="topology-box-label">{box.label}</span>
      </div>
    </div>
  );
});
