import {
  compareCodeUnits,
  identifierCollisions,
  type IdentifierLanguage,
} from '../../cdk/identifiers';
import { diagnostic, type Diagnostic } from '../../diagnostics';
import { pointer } from '../../json';
import { logicalId } from '../../references';
import type { RuleContext } from '../context';

const LANGUAGES: readonly { language: IdentifierLanguage; label: string }[] = [
  { language: 'typescript', label: 'TypeScript' },
  { language: 'python', label: 'Python' },
  { language: 'java', label: 'Java' },
];

/**
 * Names that become the same identifier in emitted output. Backend and
 * authorizer ids that clean to one CloudFormation logical id would overwrite
 * each other: an error. Operation names that give one method name are made
 * unique by the CDK emitter with a numeric suffix, so they only warn: the
 * suffix depends on the other name and may move when either is renamed.
 */
export function identifiers({ model, design, designAt, modelAt }: RuleContext): Diagnostic[] {
  const findings: Diagnostic[] = [];

  for (const [section, ids] of [
    ['backends', Object.keys(design.backends)],
    ['authorizers', Object.keys(design.authorizers)],
  ] as const) {
    const byLogicalId = new Map<string, string[]>();
    for (const id of [...ids].sort(compareCodeUnits)) {
      const stem = logicalId(id, '');
      byLogicalId.set(stem, [...(byLogicalId.get(stem) ?? []), id]);
    }
    for (const [stem, group] of byLogicalId) {
      for (const id of group.slice(1)) {
        findings.push(
          diagnostic(
            'validate.identifier-collision',
            `${section === 'backends' ? 'Backend' : 'Authorizer'} "${id}" and "${group[0]}" both become the CloudFormation name ${stem}; rename one of them.`,
            designAt(pointer(section, id)),
          ),
        );
      }
    }
  }

  const operationsByName = new Map<string, (typeof model.operations)[number]>();
  for (const op of model.operations)
    if (!operationsByName.has(op.name)) operationsByName.set(op.name, op);
  // The same names usually collide in every language: report each group once, naming the languages.
  const groups = new Map<string, { names: string[]; identifiers: string[] }>();
  for (const { language, label } of LANGUAGES) {
    for (const collision of identifierCollisions(operationsByName.keys(), language)) {
      const groupKey = JSON.stringify(collision.names);
      const group = groups.get(groupKey) ?? { names: collision.names, identifiers: [] };
      group.identifiers.push(`${label} ${collision.identifier}`);
      groups.set(groupKey, group);
    }
  }
  for (const { names, identifiers } of groups.values()) {
    for (const name of names.slice(1)) {
      const op = operationsByName.get(name)!;
      findings.push(
        diagnostic(
          'validate.identifier-collision',
          `Operation name "${name}" gives the same method name as "${names[0]}" (${identifiers.join(', ')}), so emitted code adds a number to one; give ${op.key} a distinct operationId.`,
          modelAt(op.pointer, op.key),
          'warning',
        ),
      );
    }
  }
  return findings;
}
