import type { DesignDocument } from '@gatewright/core';

/**
 * The design being edited with its one undo history. Every edit, from the
 * canvas or a form, goes through {@link designReducer}, so undo and redo reach
 * all of them in the order they were made.
 */
export interface DesignHistory {
  past: DesignDocument[];
  present: DesignDocument;
  future: DesignDocument[];
}

export type DesignAction =
  /** A change; one that returns the design it was given is not recorded. */
  | { type: 'edit'; edit: (design: DesignDocument) => DesignDocument }
  | { type: 'undo' }
  | { type: 'redo' }
  /** Another design replaces this one (reloaded from the server): the history starts again. */
  | { type: 'load'; design: DesignDocument };

// Designs are small; this bounds memory over a long session all the same.
const HISTORY_LIMIT = 200;

/** A history with nothing to undo or redo. */
export function designHistory(design: DesignDocument): DesignHistory {
  return { past: [], present: design, future: [] };
}

/** The next history after an action; the same object when nothing changes. */
export function designReducer(state: DesignHistory, action: DesignAction): DesignHistory {
  switch (action.type) {
    case 'edit': {
      const next = action.edit(state.present);
      if (next === state.present) return state;
      return {
        past: [...state.past, state.present].slice(-HISTORY_LIMIT),
        present: next,
        future: [],
      };
    }
    case 'undo': {
      const previous = state.past.at(-1);
      if (!previous) return state;
      return {
        past: state.past.slice(0, -1),
        present: previous,
        future: [state.present, ...state.future],
      };
    }
    case 'redo': {
      const [next, ...rest] = state.future;
      if (!next) return state;
      return { past: [...state.past, state.present], present: next, future: rest };
    }
    case 'load':
      return designHistory(action.design);
  }
}
