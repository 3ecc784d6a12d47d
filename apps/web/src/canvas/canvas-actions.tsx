import { createContext, useContext } from 'react';

/** What nodes can ask of the canvas around them. */
export interface CanvasActions {
  toggleGroup: (groupId: string) => void;
}

export const CanvasActionsContext = createContext<CanvasActions>({ toggleGroup: () => {} });

/** The actions of the canvas a node is drawn on. */
export function useCanvasActions(): CanvasActions {
  return useContext(CanvasActionsContext);
}
