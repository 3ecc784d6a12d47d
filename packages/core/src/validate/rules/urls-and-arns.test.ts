import { describe, expect, it } from 'vitest';
import { makeDesign, makeModel } from '../../../test/fixtures';
import type { Authorizer, Backend } from '../../design/types';
import { validate } from '../validate';

const model = makeModel([]);

function findings(backends: Record<string, Backend>, authorizers: Record<string, Authorizer> = {}) {
  return validate(model, makeDesign({ backends, authorizers })).map((d) => [
    d.code,
    d.location.pointer,
    d.message,
  ]);
}

describe('urls and ARNs', () => {
  it('reports a malformed HTTP base URL at its field, naming the value', () => {
    expect(findings({ site: { kind: 'http', baseUrl: 'backend.example.com/v1' } })).toEqual([
      [
        'validate.invalid-url',
        '/backends/site/baseUrl',
        expect.stringContaining('"backend.example.com/v1"'),
      ],
    ]);
  });

  it('checks the existing function ARN of a Lambda backend', () => {
    const backend = (functionArn: string): Backend => ({
      kind: 'lambda',
      function: { source: 'existing', functionArn },
    });
    expect(findings({ fn: backend('arn:aws:lambda:eu-west-1:123:function:pets') })).toEqual([
      ['validate.invalid-arn', '/backends/fn/function/functionArn', expect.any(String)],
    ]);
    expect(
      findings({ fn: backend('arn:aws:lambda:eu-west-1:123456789012:function:pets') }),
    ).toEqual([]);
  });

  it('checks the NLB DNS name, VPC link id and sandbox URL of an ECS backend', () => {
    const bad: Backend = {
      kind: 'ecs-nlb',
      service: { source: 'existing', nlbDnsName: 'http://nlb.example.com', vpcLinkId: 'VPC_LINK' },
      sandboxUrl: 'localhost:8080',
    };
    expect(findings({ svc: bad }).map(([code, at]) => [code, at])).toEqual([
      ['validate.invalid-url', '/backends/svc/sandboxUrl'],
      ['validate.invalid-dns-name', '/backends/svc/service/nlbDnsName'],
      ['validate.invalid-vpc-link-id', '/backends/svc/service/vpcLinkId'],
    ]);
    const good: Backend = {
      kind: 'ecs-nlb',
      service: {
        source: 'existing',
        nlbDnsName: 'my-nlb-123.elb.eu-west-1.amazonaws.com',
        vpcLinkId: 'abc123',
      },
      sandboxUrl: 'http://127.0.0.1:8080',
    };
    expect(findings({ svc: good })).toEqual([]);
  });

  it('checks Cognito user pool ARNs, one finding per bad ARN, and an empty list', () => {
    const pools = (userPoolArns: string[]): Record<string, Authorizer> => ({
      users: { kind: 'cognito', userPoolArns },
    });
    const good = 'arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbC123';
    expect(findings({}, pools([good, 'eu-west-1_AbC123'])).map(([code, at]) => [code, at])).toEqual(
      [['validate.invalid-arn', '/authorizers/users/userPoolArns/1']],
    );
    expect(findings({}, pools([])).map(([code]) => code)).toEqual(['validate.invalid-arn']);
    expect(findings({}, pools([good]))).toEqual([]);
  });

  it('checks the function ARN of a Lambda authorizer', () => {
    const authorizer = (functionArn: string): Record<string, Authorizer> => ({
      custom: { kind: 'lambda', type: 'request', function: { functionArn } },
    });
    expect(findings({}, authorizer('my-authorizer')).map(([code, at]) => [code, at])).toEqual([
      ['validate.invalid-arn', '/authorizers/custom/function/functionArn'],
    ]);
    expect(findings({}, authorizer('arn:aws:lambda:eu-west-1:123456789012:function:auth'))).toEqual(
      [],
    );
  });
});
