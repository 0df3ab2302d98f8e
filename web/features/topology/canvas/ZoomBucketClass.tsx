import { useStore } from '@xyflow/react';
import type { ReactFlowState } from '@xyflow/react';
import { useEffect } from 'react';
import type { RefObject } from 'react';
import { aggregateBoost, zoomBucket } from '../view/zoom';

const selectBucket = (state: ReactFlowState) => zoomBucket(state.transform[2]);
const selectBoost = (state: ReactFlowState) => aggregateBoost(state.transform[2]);

/**
 * Writes the zoom bucket on the container (`data-zoom`) for the CSS to hide details by, and how much
 * group nodes are enlarged (`--aggregate-boost`); renders nothing.
 */
export function ZoomBucketClass({ containerRef }: { containerRef: RefObject<HTMLElement | null> }) {
  const bucket = useStore(selectBucket);
  const boost = useStore(selectBoost);
  useEffect(() => {
    if (containerRef.current) containerRef.current.dataset.zoom = bucket;
  }, [bucket, containerRef]);
  useEffect(() => {
    containerRef.current?.style.setProperty('--aggregate-boost', String(boost));
  }, [boost, containerRef]);
  return null;
}
