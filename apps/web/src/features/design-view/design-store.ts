import type { DesignDocument } from '@gatewright/core';

/** What a person edits: the design and the model text beside it, saved together. */
export interface Workbench {
  design: DesignDocument;
  modelText: string;
}

/**
 * The workbench with its one undo history. Every edit, from the canvas, a form
 * or the model text, goes through {@link designReducer}, so undo and redo
 * reach all of them in the order they were made.
 */
export interface DesignHistory {
  past: Workbench[];
  present: Workbench;
  future: Workbench[];
  /**
   * When the present was last typed into, while a burst of typing is still
   * open: the next keystroke within {@link TYPING_BURST_MILLIS} joins the same step.
   */
  typedAt?: number;
}

export type DesignAction =
  /** A change to the design; one that returns the design it was given is not recorded. */
  | { type: 'edit'; edit: (design: DesignDocument) => DesignDocument }
  /** The model text as typed, at a time in milliseconds (`Date.now()`). */
  | { type: 'text'; modelText: string; at: number }
  | { type: 'undo' }
  | { type: 'redo' }
  /** Another workbench replaces this one (reloaded from the server): the history starts again. */
  | { type: 'load'; workbench: Workbench };

/** Keystrokes closer together than this are one step of the history. */
export const TYPING_BURST_MILLIS = 1000;

// Bounds memory over a long session: steps, and characters of model text kept
// (each text step keeps a whole copy; a 4 MB model would otherwise hold 800 MB).
const HISTORY_LIMIT = 200;
export const HISTORY_TEXT_BUDGET = 32_000_000;

/** A history with nothing to undo or redo. */
export function designHistory(workbench: Workbench): DesignHistory {
  return { past: [], present: workbench, future: [] };
}

/** The next history after an action; the same object when nothing changes. */
export function designReducer(state: DesignHistory, action: DesignAction): DesignHistory {
  switch (action.type) {
    case 'edit': {
      const design = action.edit(state.present.design);
      if (design === state.present.design) return state;
      return record(state, { ...state.present, design });
    }
    case 'text': {
      if (action.modelText === state.present.modelText) return state;
      const present = { ...state.present, modelText: action.modelText };
      const typing =
        state.typedAt !== undefined &&
        action.at >= state.typedAt &&
        action.at - state.typedAt < TYPING_BURST_MILLIS;
      // A keystroke in the same burst replaces the present: the burst is undone as one step.
      if (typing) return { past: state.past, present, future: [], typedAt: action.at };
      return { ...record(state, present), typedAt: action.at };
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
      return designHistory(action.workbench);
  }
}

/** A new present after the current one; what was undone is forgotten, the burst of typing ends. */
function record(state: DesignHistory, present: Workbench): DesignHistory {
  return { past: bounded([...state.past, state.present], present), present, future: [] };
}

/** The newest steps of `past` within the step limit and the text budget. */
function bounded(past: Workbench[], present: Workbench): Workbench[] {
  let characters = 0;
  let newer = present;
  let start = Math.max(0, past.length - HISTORY_LIMIT);
  for (let index = past.length - 1; index >= start; index--) {
    const step = past[index] as Workbench;
    // A design edit shares its text with the step after it: only a new text costs memory.
    if (step.modelText !== newer.modelText) characters += step.modelText.length;
    if (characters > HISTORY_TEXT_BUDGET) {
      start = index + 1;
      break;
    }
    newer = step;
  }
  return start === 0 ? past : past.slice(start);
}
