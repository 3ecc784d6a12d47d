import { diagnostic, type Diagnostic } from '../../diagnostics';
import { pointer } from '../../json';
import type { RuleContext } from '../context';

/**
 * Status codes the design sets outside a mock, which API Gateway refuses
 * unless they are HTTP statuses (100..599): the CORS preflight status, gateway
 * responses, and the responses of non-proxy HTTP integrations. Custom mock
 * statuses are checked with the mock.
 */
export function statusCodes({ design, designAt }: RuleContext): Diagnostic[] {
  const findings: Diagnostic[] = [];
  const check = (
    status: number | string | undefined,
    tokens: string[],
    operation?: string,
  ): void => {
    if (status === undefined || isHttpStatus(status)) return;
    findings.push(
      diagnostic(
        'validate.invalid-status-code',
        `Status ${JSON.stringify(status)} is not an HTTP status; use a whole number from 100 to 599.`,
        designAt(pointer(...tokens), operation),
      ),
    );
  };

  check(design.cors.preflightStatusCode, ['cors', 'preflightStatusCode']);
  for (const [type, response] of Object.entries(design.gatewayResponses)) {
    check(response?.statusCode, ['gatewayResponses', type, 'statusCode']);
  }
  for (const [key, { integration }] of Object.entries(design.operations)) {
    if (integration?.kind !== 'http' || integration.responses === undefined) continue;
    for (const [selection, response] of Object.entries(integration.responses)) {
      check(
        response.statusCode,
        ['operations', key, 'integration', 'responses', selection, 'statusCode'],
        key,
      );
    }
  }
  return findings;
}

/** A number, or a string of digits as API Gateway writes statuses, from 100 to 599. */
function isHttpStatus(status: number | string): boolean {
  const value = typeof status === 'string' && /^\d{3}$/.test(status) ? Number(status) : status;
  return typeof value === 'number' && Number.isInteger(value) && value >= 100 && value <= 599;
}
