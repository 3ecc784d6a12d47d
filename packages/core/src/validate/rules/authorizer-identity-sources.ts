import { diagnostic, type Diagnostic } from '../../diagnostics';
import type { LambdaAuthorizer } from '../../design/types';
import { pointer } from '../../json';
import type { RuleContext } from '../context';

/** An HTTP header name (RFC 9110 token). */
const HEADER = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
/** What a TOKEN authorizer reads: one header. */
const TOKEN_SOURCE = new RegExp(`^method\\.request\\.header\\.${HEADER}$`);
/** One entry of a REQUEST authorizer's list. */
const REQUEST_SOURCE = new RegExp(
  `^(?:method\\.request\\.header\\.${HEADER}` +
    String.raw`|method\.request\.(?:querystring|multivaluequerystring|path)\.[^\s,]+` +
    String.raw`|stageVariables\.[^\s,]+|context\.[^\s,]+)$`,
);

/**
 * Identity sources API Gateway refuses when it imports a Lambda authorizer: a
 * TOKEN authorizer reads exactly one header; a REQUEST authorizer reads a
 * comma-separated list of request parameters, stage variables and context
 * variables (none at all only when its results are not cached).
 */
export function authorizerIdentitySources({ design, designAt }: RuleContext): Diagnostic[] {
  const findings: Diagnostic[] = [];
  for (const [id, authorizer] of Object.entries(design.authorizers)) {
    if (authorizer.kind !== 'lambda' || authorizer.identitySource === undefined) continue;
    const problem = identitySourceProblem(authorizer);
    if (problem === undefined) continue;
    findings.push(
      diagnostic(
        'validate.authorizer-identity-source',
        `Identity source "${authorizer.identitySource}" of the ${authorizer.type} authorizer "${id}" is not valid: ${problem}.`,
        designAt(pointer('authorizers', id, 'identitySource')),
      ),
    );
  }
  return findings;
}

function identitySourceProblem({
  type,
  identitySource = '',
  resultTtlInSeconds,
}: LambdaAuthorizer): string | undefined {
  if (type === 'token') {
    return TOKEN_SOURCE.test(identitySource)
      ? undefined
      : 'a token authorizer reads exactly one header; write method.request.header.<Name>, such as method.request.header.Authorization';
  }
  if (identitySource.trim() === '') {
    return resultTtlInSeconds === 0
      ? undefined
      : 'a request authorizer whose results are cached needs at least one source; name one, or set resultTtlInSeconds to 0';
  }
  const bad = identitySource
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => !REQUEST_SOURCE.test(entry));
  if (bad.length === 0) return undefined;
  return (
    `${bad.map((entry) => `"${entry}"`).join(', ')} is not a source API Gateway knows; ` +
    'separate with commas entries of the form method.request.header.<Name>, method.request.querystring.<name>, ' +
    'method.request.multivaluequerystring.<name>, method.request.path.<name>, stageVariables.<name> or context.<name>'
  );
}
