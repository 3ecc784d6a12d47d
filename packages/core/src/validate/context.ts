import type { Diagnostic, SourceLocation } from '../diagnostics';
import type { DesignDocument } from '../design/types';
import { unescapePointerToken } from '../json';
import type { ApiModel, Operation, OperationKey } from '../model/types';

/** What every rule reads: the model, the design, and how to point at places in either. */
export interface RuleContext {
  model: ApiModel;
  design: DesignDocument;
  /** The model's operations by key. */
  operations: ReadonlyMap<OperationKey, Operation>;
  /**
   * A place in the model, with line and column. Looking a pointer up in the text
   * can be costly on large models: call it only for a finding.
   */
  modelAt(pointer: string, operation?: OperationKey): SourceLocation;
  /** A place in the design file. */
  designAt(pointer: string, operation?: OperationKey): SourceLocation;
}

/** One validation rule: pure, returns its findings in any order. */
export type Rule = (context: RuleContext) => Diagnostic[];

/**
 * Builds the context for one run. `designFile` names the design file in
 * locations; without it, design findings carry no file.
 */
export function createRuleContext(
  model: ApiModel,
  design: DesignDocument,
  designFile: string | undefined,
): RuleContext {
  const operations = new Map(model.operations.map((op) => [op.key, op]));
  return {
    model,
    design,
    operations,
    modelAt(pointer, operation = operationAt(pointer, operations)) {
      const position = model.locate(pointer);
      return compact({
        file: model.file,
        pointer,
        line: position?.line,
        column: position?.column,
        operation,
      });
    },
    designAt(pointer, operation) {
      return compact({ file: designFile, pointer, operation });
    },
  };
}

/** The operation a model pointer lies in (`/paths/~1pets/get/...` -> `GET /pets`), if any. */
function operationAt(
  pointer: string,
  operations: ReadonlyMap<OperationKey, Operation>,
): OperationKey | undefined {
  const [first, path, method] = pointer.split('/').slice(1);
  if (first !== 'paths' || path === undefined || method === undefined) return undefined;
  const key = `${unescapePointerToken(method).toUpperCase()} ${unescapePointerToken(path)}`;
  return operations.has(key) ? key : undefined;
}

/** Drops undefined fields, so findings compare and serialise the same whether or not a field was known. */
function compact(location: SourceLocation): SourceLocation {
  const result: SourceLocation = {};
  for (const [key, value] of Object.entries(location) as [
    keyof SourceLocation,
    string | number | undefined,
  ][]) {
    if (value !== undefined) (result as Record<string, string | number>)[key] = value;
  }
  return result;
}
