import { validate, type ApiModel, type Diagnostic, type DesignDocument } from '@gatewright/core';
import { createContext, useContext } from 'react';
import { messagesAt } from './findings';

/** What every form of the inspector reads and how it changes the design. */
export interface InspectorContextValue {
  model: ApiModel;
  design: DesignDocument;
  /** Core's findings for the current design. */
  findings: readonly Diagnostic[];
  /** Applies one change to the design: one undo step. */
  edit: (edit: (design: DesignDocument) => DesignDocument) => void;
  /** Selects a node of the canvas by its id. */
  select: (nodeId: string) => void;
}

export const InspectorContext = createContext<InspectorContextValue | null>(null);

/** The inspector's context; its forms are rendered only inside it. */
export function useInspector(): InspectorContextValue {
  const value = useContext(InspectorContext);
  if (!value) throw new Error('useInspector outside the Inspector');
  return value;
}

/**
 * Core's findings at a pointer for a design a field would make, or the
 * field's own reason it cannot make one (a string): the check a field runs as
 * the person types, before anything is committed.
 */
export function draftMessages(
  model: ApiModel,
  next: DesignDocument | string,
  pointer: string,
): string[] {
  if (typeof next === 'string') return [next];
  return messagesAt(validate(model, next), pointer);
}
