import { diagnostic, type Diagnostic } from '../../diagnostics';
import { pointer } from '../../json';
import type { Operation } from '../../model/types';
import type { RuleContext } from '../context';

/**
 * A typed mock must name a response the operation documents (and should name
 * one of its content types). A custom mock's status must be an HTTP status,
 * and should be one the operation documents, so clients made from the model
 * expect it.
 */
export function mocks({ design, operations, designAt }: RuleContext): Diagnostic[] {
  const findings: Diagnostic[] = [];
  for (const [key, opDesign] of Object.entries(design.operations)) {
    const integration = opDesign.integration;
    const op = operations.get(key);
    // An unknown operation is reported once, by integration coverage.
    if (integration?.kind !== 'mock' || op === undefined) continue;
    const at = (...tokens: string[]) =>
      designAt(pointer('operations', key, 'integration', 'response', ...tokens), key);
    const response = integration.response;

    if (response.source === 'documented') {
      // Case is ignored, as the mock renderer does (`2xx` names `2XX`).
      const wanted = response.status.toUpperCase();
      const documented = op.responses.find((r) => r.status.toUpperCase() === wanted);
      if (documented === undefined) {
        findings.push(
          diagnostic(
            'validate.mock-response-missing',
            op.responses.length === 0
              ? `${key} documents no responses, so there is no "${response.status}" to mock; use a custom mock or document its responses in the model.`
              : `${key} documents no "${response.status}" response; pick one of: ${statusList(op)}.`,
            at('status'),
          ),
        );
      } else if (
        response.contentType !== undefined &&
        !documented.content.some((c) => c.contentType === response.contentType)
      ) {
        const types = documented.content.map((c) => c.contentType);
        findings.push(
          diagnostic(
            'validate.mock-response-missing',
            `The "${response.status}" response of ${key} documents no "${response.contentType}" content, so the mock answers with ${types.length === 0 ? 'no body' : 'every documented one'}; ${types.length === 0 ? 'leave contentType out' : `pick one of: ${types.join(', ')}`}.`,
            at('contentType'),
            // It still renders (with every documented content type): a mistake, not a broken mock.
            'warning',
          ),
        );
      }
      continue;
    }

    const status = response.statusCode;
    if (!Number.isInteger(status) || status < 100 || status > 599) {
      findings.push(
        diagnostic(
          'validate.invalid-status-code',
          `Mock status ${status} is not an HTTP status; use an integer from 100 to 599.`,
          at('statusCode'),
        ),
      );
    } else if (!documentsStatus(op, status)) {
      findings.push(
        diagnostic(
          'validate.mock-status-undocumented',
          op.responses.length === 0
            ? `${key} documents no responses, so status ${status} is undocumented; document it in the model.`
            : `${key} does not document status ${status}; document it in the model or answer with one of: ${statusList(op)}.`,
          at('statusCode'),
        ),
      );
    }
  }
  return findings;
}

/** A status is documented by itself, by its range (`4XX`) or by `default`. */
function documentsStatus(op: Operation, status: number): boolean {
  const exact = String(status);
  const range = `${exact[0]}XX`;
  return op.responses.some((r) => {
    const documented = r.status.toUpperCase();
    return documented === exact || documented === range || documented === 'DEFAULT';
  });
}

function statusList(op: Operation): string {
  return op.responses.map((r) => r.status).join(', ');
}
