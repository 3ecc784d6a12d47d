import type { DesignDocument, Operation, OperationKey } from '@gatewright/core';

/** How many of the model's operations the design gives an integration, and which it does not. */
export interface Completeness {
  integrated: number;
  total: number;
  unwired: OperationKey[];
}

/**
 * Counts as the server's design summaries do: an operation is integrated when
 * the design gives it an integration of any kind.
 */
export function completeness(
  operations: readonly Operation[],
  design: DesignDocument,
): Completeness {
  const unwired = operations
    .filter((operation) => !design.operations[operation.key]?.integration)
    .map((operation) => operation.key);
  return { integrated: operations.length - unwired.length, total: operations.length, unwired };
}
