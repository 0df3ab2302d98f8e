import { createContext, useContext } from 'react';

/** What nodes can ask of the canvas; one stable object, so nodes never re-render for it. */
export interface CanvasActions {
  toggleBox(boxId: string): void;
}

export const CanvasActionsContext = createContext<CanvasActions>({ toggleBox: () => undefined });

export function useCanvasActions(): CanvasActions {
  return useContext(CanvasActionsContext);
}
