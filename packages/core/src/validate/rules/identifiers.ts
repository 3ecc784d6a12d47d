import {
  compareCodeUnits,
  identifierCollisions,
  type IdentifierLanguage,
} from '../../cdk/identifiers';
import type { BackendKind } from '../../design/types';
import { diagnostic, type Diagnostic } from '../../diagnostics';
import { pointer } from '../../json';
import type { Operation } from '../../model/types';
import { logicalId } from '../../references';
import type { RuleContext } from '../context';

/**
 * The suffix of each backend kind's resources in emitted templates and CDK
 * code (`pets` -> `PetsFunction`); HTTP backends create no resources.
 */
const LOGICAL_ID_SUFFIX: Readonly<Record<BackendKind, string | undefined>> = {
  lambda: 'Function',
  'ecs-nlb': 'Service',
  http: undefined,
};

const LANGUAGES: readonly { language: IdentifierLanguage; label: string }[] = [
  { language: 'typescript', label: 'TypeScript' },
  { language: 'python', label: 'Python' },
  { language: 'java', label: 'Java' },
];

/**
 * Names that become the same identifier in emitted output. Backend ids that
 * clean to one CloudFormation logical id would make two resources with one
 * id: an error. Operation names that give one method name are made
 * unique by the CDK emitter with a numeric suffix, so they only warn: the
 * suffix depends on the other name and may move when either is renamed.
 */
export function identifiers({ model, design, designAt, modelAt }: RuleContext): Diagnostic[] {
  const findings: Diagnostic[] = [];

  const byLogicalId = new Map<string, string[]>();
  for (const id of Object.keys(design.backends).sort(compareCodeUnits)) {
    const suffix = LOGICAL_ID_SUFFIX[design.backends[id]!.kind];
    if (suffix === undefined) continue;
    const name = logicalId(id, suffix);
    byLogicalId.set(name, [...(byLogicalId.get(name) ?? []), id]);
  }
  for (const [name, group] of byLogicalId) {
    for (const id of group.slice(1)) {
      findings.push(
        diagnostic(
          'validate.identifier-collision',
          `Backends "${id}" and "${group[0]}" both become the CloudFormation logical id ${name}; rename one of them.`,
          designAt(pointer('backends', id)),
        ),
      );
    }
  }

  const operationsByName = new Map<string, Operation>();
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
