import { validate, type ApiModel, type Diagnostic, type DesignDocument } from '@gatewright/core';
import { useEffect, useState } from 'react';

/** How long edits settle before the design is checked again: one run for a burst of changes. */
export const VALIDATE_DELAY_MILLIS = 300;

/**
 * The findings of core's `validate` on the current model and design, saved
 * or not, run a moment after they stop changing. Empty until the first run.
 */
export function useFindings(model: ApiModel, design: DesignDocument): Diagnostic[] {
  const [findings, setFindings] = useState<Diagnostic[]>([]);
  useEffect(() => {
    const timer = setTimeout(() => setFindings(validate(model, design)), VALIDATE_DELAY_MILLIS);
    return () => clearTimeout(timer);
  }, [model, design]);
  return findings;
}
