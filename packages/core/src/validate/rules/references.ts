import { diagnostic, type Diagnostic } from '../../diagnostics';
import type { BackendKind } from '../../design/types';
import { pointer } from '../../json';
import type { RuleContext } from '../context';

/**
 * Names in the design that must resolve: the backend of each integration (and
 * of the right kind), the default and per-operation authorizers, and the
 * function behind each Lambda authorizer.
 */
export function references({ design, designAt }: RuleContext): Diagnostic[] {
  const findings: Diagnostic[] = [];

  // `at` gives the pointer tokens; a pointer is built only for a finding.
  const checkBackend = (
    id: string,
    expected: BackendKind,
    at: string[],
    operation?: string,
  ): void => {
    // Own properties only: an id such as `constructor` must not find Object.prototype's.
    const backend = Object.hasOwn(design.backends, id) ? design.backends[id] : undefined;
    if (backend === undefined) {
      findings.push(
        diagnostic(
          'validate.unknown-backend',
          `Backend "${id}" does not exist; add it to the design or pick one of: ${listOrNone(Object.keys(design.backends))}.`,
          designAt(pointer(...at), operation),
        ),
      );
    } else if (backend.kind !== expected) {
      findings.push(
        diagnostic(
          'validate.backend-kind-mismatch',
          `Backend "${id}" is a ${backend.kind} backend, but a ${expected} one is needed here; pick a ${expected} backend.`,
          designAt(pointer(...at), operation),
        ),
      );
    }
  };

  const checkAuthorizer = (id: string, at: string[], operation?: string): void => {
    if (!Object.hasOwn(design.authorizers, id)) {
      findings.push(
        diagnostic(
          'validate.unknown-authorizer',
          `Authorizer "${id}" does not exist; add it to the design or pick one of: ${listOrNone(Object.keys(design.authorizers))}.`,
          designAt(pointer(...at), operation),
        ),
      );
    }
  };

  for (const [key, op] of Object.entries(design.operations)) {
    const integration = op.integration;
    if (integration !== undefined && 'backend' in integration) {
      checkBackend(
        integration.backend,
        integration.kind,
        ['operations', key, 'integration', 'backend'],
        key,
      );
    }
    if (op.authorizer !== undefined && op.authorizer !== 'NONE') {
      checkAuthorizer(op.authorizer, ['operations', key, 'authorizer'], key);
    }
  }
  if (design.defaultAuthorizer !== undefined)
    checkAuthorizer(design.defaultAuthorizer, ['defaultAuthorizer']);

  for (const [id, authorizer] of Object.entries(design.authorizers)) {
    if (authorizer.kind === 'lambda' && 'backend' in authorizer.function) {
      checkBackend(authorizer.function.backend, 'lambda', [
        'authorizers',
        id,
        'function',
        'backend',
      ]);
    }
  }
  return findings;
}

function listOrNone(ids: string[]): string {
  return ids.length === 0 ? '(none defined)' : ids.sort().join(', ');
}
