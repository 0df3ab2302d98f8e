import { useStore } from '@xyflow/react';
import type { ReactFlowState } from '@xyflow/react';
import { useEffect } from 'react';
import type { RefObject } from 'react';
import { zoomBucket } from '../view/zoom';

const selectBucket = (state: ReactFlowState) => zoomBucket(state.transform[2]);

/** Writes the zoom bucket on the container (`data-zoom`) for the CSS to hide details by; renders nothing. */
export function ZoomBucketClass({ containerRef }: { containerRef: RefObject<HTMLElement | null> }) {
  const bucket = useStore(selectBucket);
  useEffect(() => {
    if (containerRef.current) containerRef.current.dataset.zoom = bucket;
  }, [bucket, containerRef]);
  return null;
}
