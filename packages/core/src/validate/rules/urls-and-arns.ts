import { diagnostic, type Diagnostic, type DiagnosticCode } from '../../diagnostics';
import { pointer } from '../../json';
import {
  cognitoUserPoolArnProblem,
  dnsNameProblem,
  httpUrlProblem,
  lambdaFunctionArnProblem,
  vpcLinkIdProblem,
} from '../aws-formats';
import type { RuleContext } from '../context';

/**
 * Addresses API Gateway or CloudFormation would reject at deploy time, caught
 * while the user is still in the form: backend URLs, function and user pool
 * ARNs, VPC link ids and load balancer DNS names.
 */
export function urlsAndArns({ design, designAt }: RuleContext): Diagnostic[] {
  const findings: Diagnostic[] = [];
  const check = (
    code: DiagnosticCode,
    what: string,
    value: string,
    problem: (value: string) => string | undefined,
    at: string,
  ): void => {
    const reason = problem(value);
    if (reason !== undefined)
      findings.push(diagnostic(code, `${what} "${value}" is not valid: ${reason}.`, designAt(at)));
  };

  for (const [id, backend] of Object.entries(design.backends)) {
    const at = (...tokens: string[]) => pointer('backends', id, ...tokens);
    switch (backend.kind) {
      case 'http':
        check(
          'validate.invalid-url',
          `Base URL of backend "${id}"`,
          backend.baseUrl,
          httpUrlProblem,
          at('baseUrl'),
        );
        break;
      case 'lambda':
        if (backend.function.source === 'existing') {
          const arn = backend.function.functionArn;
          check(
            'validate.invalid-arn',
            `Function ARN of backend "${id}"`,
            arn,
            lambdaFunctionArnProblem,
            at('function', 'functionArn'),
          );
        }
        break;
      case 'ecs-nlb':
        if (backend.service.source === 'existing') {
          const { nlbDnsName, vpcLinkId } = backend.service;
          check(
            'validate.invalid-dns-name',
            `NLB DNS name of backend "${id}"`,
            nlbDnsName,
            dnsNameProblem,
            at('service', 'nlbDnsName'),
          );
          check(
            'validate.invalid-vpc-link-id',
            `VPC link id of backend "${id}"`,
            vpcLinkId,
            vpcLinkIdProblem,
            at('service', 'vpcLinkId'),
          );
        }
        if (backend.sandboxUrl !== undefined) {
          check(
            'validate.invalid-url',
            `Sandbox URL of backend "${id}"`,
            backend.sandboxUrl,
            httpUrlProblem,
            at('sandboxUrl'),
          );
        }
        break;
    }
  }

  for (const [id, authorizer] of Object.entries(design.authorizers)) {
    if (authorizer.kind === 'cognito') {
      if (authorizer.userPoolArns.length === 0) {
        findings.push(
          diagnostic(
            'validate.invalid-arn',
            `Cognito authorizer "${id}" names no user pool; add the ARN of at least one.`,
            designAt(pointer('authorizers', id, 'userPoolArns')),
          ),
        );
      }
      authorizer.userPoolArns.forEach((arn, i) =>
        check(
          'validate.invalid-arn',
          `User pool ARN of authorizer "${id}"`,
          arn,
          cognitoUserPoolArnProblem,
          pointer('authorizers', id, 'userPoolArns', i),
        ),
      );
    } else if (authorizer.kind === 'lambda' && 'functionArn' in authorizer.function) {
      const arn = authorizer.function.functionArn;
      check(
        'validate.invalid-arn',
        `Function ARN of authorizer "${id}"`,
        arn,
        lambdaFunctionArnProblem,
        pointer('authorizers', id, 'function', 'functionArn'),
      );
    }
  }
  return findings;
}
