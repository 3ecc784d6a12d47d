import type { ApiModel, DesignDocument } from '@gatewright/core';
import { useState } from 'react';

/** What the outputs are rendered from. */
export interface OutputInputs {
  model: ApiModel;
  design: DesignDocument;
}

/**
 * The inputs as they were before the last change (an edit, an undo, a redo,
 * a reload), so the outputs can show what that change did; undefined until
 * something changes. Kept where it stays mounted, so a change made while the
 * output tab is hidden is still the one it shows.
 */
export function useLastChange(current: OutputInputs): OutputInputs | undefined {
  const [state, setState] = useState<{ before?: OutputInputs; now: OutputInputs }>({
    now: current,
  });
  if (state.now.model === current.model && state.now.design === current.design) {
    return state.before;
  }
  // Derived during render, as React recommends for state that follows a prop.
  setState({ before: state.now, now: current });
  return state.now;
}
