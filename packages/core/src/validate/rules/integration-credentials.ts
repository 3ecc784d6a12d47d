import { diagnostic, type Diagnostic } from '../../diagnostics';
import { pointer } from '../../json';
import type { RuleContext } from '../context';

/**
 * An IAM role ARN, `arn:<partition>:iam::<account>:role/<path/><name>`: IAM
 * has no region, role names are 1..64 of `[\w+=,.@-]`. The partition and
 * account may be CloudFormation pseudo parameters, as elsewhere in a design.
 */
const ROLE_ARN =
  /^arn:(?:aws(?:-[a-z]+)*|\$\{AWS::Partition\}):iam::(?:\d{12}|\$\{AWS::AccountId\}):role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
/** API Gateway's spelling for "invoke as the caller". */
const CALLER = 'arn:aws:iam::*:user/*';

/** `credentials` on Lambda integrations that API Gateway would refuse: neither a role to assume nor the caller's identity. */
export function integrationCredentials({ design, designAt }: RuleContext): Diagnostic[] {
  const findings: Diagnostic[] = [];
  for (const [key, { integration }] of Object.entries(design.operations)) {
    if (integration?.kind !== 'lambda' || integration.credentials === undefined) continue;
    const { credentials } = integration;
    if (credentials === CALLER || ROLE_ARN.test(credentials)) continue;
    findings.push(
      diagnostic(
        'validate.invalid-credentials',
        `Credentials "${credentials}" of ${key} are not valid: use an IAM role ARN ` +
          `(arn:<partition>:iam::<12-digit account>:role/<name>) that API Gateway may assume, ` +
          `"${CALLER}" to invoke the function as the caller, or no credentials.`,
        designAt(pointer('operations', key, 'integration', 'credentials'), key),
      ),
    );
  }
  return findings;
}
