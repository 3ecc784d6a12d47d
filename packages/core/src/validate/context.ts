import type { Diagnostic, SourceLocation } from '../diagnostics';
import type { DesignDocument } from '../design/types';
import { unescapePointerToken } from '../json';
import type { ApiModel, Operation, OperationKey, TextPosition } from '../model/types';

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
  /** A place in the design file, with line and column when the run can locate it. */
  designAt(pointer: string, operation?: OperationKey): SourceLocation;
}

/** One validation rule: pure, returns its findings in any order. */
export type Rule = (context: RuleContext) => Diagnostic[];

/**
 * Builds the context for one run. `designFile` names the design file in
 * locations; without it, design findings carry no file. `locateInDesign`
 * gives their line and column; without it, they carry none.
 */
export function createRuleContext(
  model: ApiModel,
  design: DesignDocument,
  designFile: string | undefined,
  locateInDesign?: (pointer: string) => TextPosition | undefined,
): RuleContext {
  const operations = new Map(model.operations.map((op) => [op.key, op]));
  return {
    model,
    design,
    operations,
    modelAt(pointer, operation = operationAt(pointer, operations)) {
      const position = model.locate(pointer);
      // Fields in one order, and none undefined, so findings compare and serialise the same.
      const location: SourceLocation = {};
      if (model.file !== undefined) location.file = model.file;
      location.pointer = pointer;
      if (position !== undefined) {
        location.line = position.line;
        location.column = position.column;
      }
      if (operation !== undefined) location.operation = operation;
      return location;
    },
    designAt(pointer, operation) {
      const location: SourceLocation = {};
      if (designFile !== undefined) location.file = designFile;
      location.pointer = pointer;
      const position = locateInDesign && nearestPosition(locateInDesign, pointer);
      if (position !== undefined) {
        location.line = position.line;
        location.column = position.column;
      }
      if (operation !== undefined) location.operation = operation;
      return location;
    },
  };
}

/** The operation a model pointer lies in (`/paths/~1pets/get/...` -> `GET /pets`), if any. */
function operationAt(
  pointer: string,
  operations: ReadonlyMap<OperationKey, Operation>,
): OperationKey | undefined {
  // Only the first tokens matter; findings deep in schemas have long pointers.
  const [, first, path, method] = pointer.split('/', 4);
  if (first !== 'paths' || path === undefined || method === undefined) return undefined;
  const key = `${unescapePointerToken(method).toUpperCase()} ${unescapePointerToken(path)}`;
  return operations.has(key) ? key : undefined;
}

/**
 * The position of the value a pointer names, or of its nearest ancestor the
 * text has: a finding about a field left out (to its default) is best shown
 * on the object that lacks it.
 */
function nearestPosition(
  locate: (pointer: string) => TextPosition | undefined,
  pointer: string,
): TextPosition | undefined {
  for (let at = pointer; ; at = at.slice(0, at.lastIndexOf('/'))) {
    const position = locate(at);
    if (position !== undefined || at === '') return position;
  }
}
