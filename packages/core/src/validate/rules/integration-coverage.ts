import { diagnostic, type Diagnostic } from '../../diagnostics';
import { pointer } from '../../json';
import type { RuleContext } from '../context';

/**
 * Every operation of the model needs an integration (Type Safe API refuses to
 * build without one), and every operation the design wires must exist in the
 * model: a renamed path leaves its old entry behind.
 */
export function integrationCoverage({
  model,
  design,
  operations,
  modelAt,
  designAt,
}: RuleContext): Diagnostic[] {
  const findings: Diagnostic[] = [];
  for (const op of model.operations) {
    if (design.operations[op.key]?.integration === undefined) {
      findings.push(
        diagnostic(
          'validate.operation-not-integrated',
          `${op.key} has no integration; wire it to a backend or a mock.`,
          modelAt(op.pointer, op.key),
        ),
      );
    }
  }
  for (const key of Object.keys(design.operations)) {
    if (!operations.has(key)) {
      findings.push(
        diagnostic(
          'validate.unknown-operation',
          `The design wires "${key}", which the model does not have; remove the entry or rename it to an operation of the model.`,
          designAt(pointer('operations', key), key),
        ),
      );
    }
  }
  return findings;
}
