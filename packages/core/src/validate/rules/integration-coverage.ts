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
  const bySkeleton = new Map(model.operations.map((op) => [skeleton(op.key), op.key]));
  for (const key of Object.keys(design.operations)) {
    if (operations.has(key)) continue;
    // A renamed path parameter is the usual cause: point at the operation it became.
    const renamed = bySkeleton.get(skeleton(key));
    const fix =
      renamed === undefined || design.operations[renamed] !== undefined
        ? 'remove the entry or rename it to an operation of the model'
        : `rename it to "${renamed}", as the model now writes it`;
    findings.push(
      diagnostic(
        'validate.unknown-operation',
        `The design wires "${key}", which the model does not have; ${fix}.`,
        designAt(pointer('operations', key), key),
      ),
    );
  }
  return findings;
}

/** An operation key with its path parameters unnamed: `GET /pets/{petId}` -> `GET /pets/{}`. */
function skeleton(key: string): string {
  return key.replace(/\{[^}]*\}/g, '{}');
}
