import type { ApiModel, DesignDocument } from '@gatewright/core';
import { useState } from 'react';

/** What the outputs are rendered from. */
export interface OutputInputs {
  model: ApiModel;
  design: DesignDocument;
}

/**
 * The inputs as they were before the last change (an edit, an undo, a redo,
 * a reload, a new model text), so the outputs can show what that change did;
 * undefined until something changes. Kept where it stays mounted, so a change
 * made while the output tab is hidden is still the one it shows.
 *
 * `modelText` says whether the model changed: each save reads the model
 * again into a new but equal object, which is no change to show.
 */
export function useLastChange(current: OutputInputs, modelText: string): OutputInputs | undefined {
  const [state, setState] = useState<{
    before?: OutputInputs;
    now: OutputInputs;
    modelText: string;
  }>({ now: current, modelText });
  if (state.now.model === current.model && state.now.design === current.design) {
    return state.before;
  }
  // Derived during render, as React recommends for state that follows a prop.
  const changed = state.now.design !== current.design || state.modelText !== modelText;
  const before = changed ? state.now : state.before;
  setState({ ...(before ? { before } : {}), now: current, modelText });
  return before;
}
