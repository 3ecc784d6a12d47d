import { describe, expect, it } from 'vitest';
import { makeDesign, makeModel, makeOperation } from '../../../test/fixtures';
import { validate } from '../validate';

function findings(credentials: string) {
  const design = makeDesign({
    backends: {
      fn: {
        kind: 'lambda',
        function: {
          source: 'existing',
          functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:pets',
        },
      },
    },
    operations: { 'GET /pets': { integration: { kind: 'lambda', backend: 'fn', credentials } } },
  });
  return validate(makeModel([makeOperation()]), design)
    .filter((d) => d.code === 'validate.invalid-credentials')
    .map((d) => [d.location.pointer, d.location.operation, d.message]);
}

describe('Lambda integration credentials', () => {
  it('accepts a role ARN in any partition, with a path, and the caller form', () => {
    for (const credentials of [
      'arn:aws:iam::123456789012:role/ApiGatewayInvoke',
      'arn:aws-cn:iam::123456789012:role/service/apigw/Invoke+Pets=1,a.b@c-d',
      'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/Invoke',
      'arn:aws:iam::*:user/*',
    ])
      expect(findings(credentials), credentials).toEqual([]);
  });

  it('refuses anything else, naming the value and the operation', () => {
    for (const credentials of [
      'arn:aws:iam::123456789012:user/alice',
      'arn:aws:iam:eu-west-1:123456789012:role/Invoke',
      'arn:aws:iam::12345:role/Invoke',
      'arn:aws:iam::123456789012:role/',
      'arn:aws-cn:iam::*:user/*',
      'ApiGatewayInvoke',
      '',
    ]) {
      expect(findings(credentials), credentials).toEqual([
        [
          '/operations/GET ~1pets/integration/credentials',
          'GET /pets',
          expect.stringContaining(`"${credentials}"`),
        ],
      ]);
    }
  });
});
