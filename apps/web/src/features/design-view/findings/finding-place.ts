import type { ApiModel, Diagnostic, DesignDocument, Operation } from '@gatewright/core';
import type { CodeReveal } from '../code-panel/code-reveal';
import { backendOfFinding } from './findings-by-node';

/**
 * Where a finding is shown in the code panel: a model finding at its line in
 * the Model tab; a design finding at its operation's object in the rendered
 * OpenAPI document (a backend's finding at the first operation it serves).
 * Undefined when the finding has no such place (a setting of the whole API).
 */
export function codePlaceOfFinding(
  finding: Diagnostic,
  model: ApiModel,
  design: DesignDocument,
): CodeReveal | undefined {
  const { file, line, operation: key } = finding.location;
  if (line !== undefined && file !== undefined && file === model.file) {
    return { tab: 'model', line };
  }
  const operation =
    key !== undefined
      ? model.operations.find((candidate) => candidate.key === key)
      : firstServedBy(backendOfFinding(finding), model, design);
  return operation && { tab: 'openapi', path: operation.path, method: operation.method };
}

function firstServedBy(
  backendId: string | undefined,
  model: ApiModel,
  design: DesignDocument,
): Operation | undefined {
  if (backendId === undefined) return undefined;
  return model.operations.find((operation) => {
    const integration = design.operations[operation.key]?.integration;
    return (
      integration !== undefined && 'backend' in integration && integration.backend === backendId
    );
  });
}
