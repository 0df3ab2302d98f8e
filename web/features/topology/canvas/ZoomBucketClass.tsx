import { useStore } from '@xyflow/react';
import type { ReactFlowState } from '@xyflow/react';
import { useEffect } from 'react';
import type { RefObject } from 'react';
import { aggregateBoost, zoomBucket } from '../view/zoom';

const selectBucket = (state: ReactFlowState) => zoomBucket(state.transform[2]);
const selectBoost = (state: ReactFlowState) => aggregateBoost(state.transform[2]);

/**
 * Writes the zoom bucket on the container (`data-zoom`) for the CSS to hide details by, and how much
 * group nodes are enlarged (`data-boost`); renders nothing. Attributes, not a custom property: CSS
 * rules keyed on them restyle only the elements they name, a custom property every element below.
 */
export function ZoomBucketClass({ containerRef }: { containerRef: RefObject<HTMLElement | null> }) {
  const bucket = useStore(selectBucket);
  const boost = useStore(selectBoost);
  useEffect(() => {
    if (containerRef.current) containerRef.current.dataset.zoom = bucket;
  }, [bucket, containerRef]);
  useEffect(() => {
    if (containerRef.current) containerRef.current.dataset.boost = String(boost);
  }, [boost, containerRef]);
  return null;
}
