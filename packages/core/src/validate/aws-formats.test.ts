import { describe, expect, it } from 'vitest';
import {
  cognitoUserPoolArnProblem,
  dnsNameProblem,
  httpUrlProblem,
  lambdaFunctionArnProblem,
  vpcLinkIdProblem,
} from './aws-formats';

describe('httpUrlProblem', () => {
  it.each([
    'https://backend.example.com',
    'http://backend.example.com/v1/',
    'https://10.0.0.1:8443/base',
    'http://127.0.0.1:8080',
    'http://[::1]:8080',
    'https://localhost',
  ])('accepts %s', (url) => expect(httpUrlProblem(url)).toBeUndefined());

  it.each([
    ['backend.example.com', /absolute/],
    ['ftp://example.com', /scheme "ftp"/],
    ['https://', /no host/],
    ['https:///path', /no host/],
    ['https://exa mple.com', /host/],
    ['https://user:pw@example.com', /credentials/],
    ['https://example.com:99999', /port/],
    ['https://example.com/v1?x=1', /query/],
  ])('rejects %s', (url, reason) => expect(httpUrlProblem(url)).toMatch(reason));
});

describe('lambdaFunctionArnProblem', () => {
  it.each([
    'arn:aws:lambda:eu-west-1:123456789012:function:pets',
    'arn:aws:lambda:us-gov-west-1:123456789012:function:pets_v2:live',
    'arn:aws-cn:lambda:cn-north-1:123456789012:function:pets:$LATEST',
    'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:pets',
  ])('accepts %s', (arn) => expect(lambdaFunctionArnProblem(arn)).toBeUndefined());

  it.each([
    'pets',
    'arn:aws:lambda:eu-west-1:12345:function:pets',
    'arn:aws:lambda:eu-west-1:123456789012:pets',
    'arn:aws:s3:eu-west-1:123456789012:function:pets',
    'arn:aws:lambda:eu-west-1:123456789012:function:pets/x',
    `arn:aws:lambda:eu-west-1:123456789012:function:${'a'.repeat(65)}`,
  ])('rejects %s', (arn) => expect(lambdaFunctionArnProblem(arn)).toMatch(/expected arn:/));
});

describe('cognitoUserPoolArnProblem', () => {
  it('accepts a pool ARN whose pool id is in the ARN region', () => {
    expect(
      cognitoUserPoolArnProblem(
        'arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbC123xyz',
      ),
    ).toBeUndefined();
  });
  it('rejects a pool id from another region', () => {
    expect(
      cognitoUserPoolArnProblem(
        'arn:aws:cognito-idp:eu-west-1:123456789012:userpool/us-east-1_AbC123xyz',
      ),
    ).toMatch(/us-east-1.*eu-west-1/);
  });
  it.each([
    'eu-west-1_AbC123xyz',
    'arn:aws:cognito-idp:eu-west-1:123456789012:userpool/AbC123xyz',
    'arn:aws:cognito-idp:eu-west-1:1234:userpool/eu-west-1_A',
  ])('rejects %s', (arn) => expect(cognitoUserPoolArnProblem(arn)).toMatch(/expected arn:/));
});

describe('vpcLinkIdProblem and dnsNameProblem', () => {
  it('accepts real-looking values', () => {
    expect(vpcLinkIdProblem('abc123')).toBeUndefined();
    expect(dnsNameProblem('my-nlb-123.elb.eu-west-1.amazonaws.com')).toBeUndefined();
    expect(dnsNameProblem('internal-my-nlb-1.elb.cn-north-1.amazonaws.com.cn')).toBeUndefined();
  });
  it('rejects ARNs, capitals and URLs with a reason', () => {
    expect(vpcLinkIdProblem('arn:aws:apigateway:eu-west-1::/vpclinks/abc123')).toMatch(
      /not its ARN/,
    );
    expect(vpcLinkIdProblem('ABC-123')).toMatch(/lower-case/);
    expect(dnsNameProblem('http://my-nlb.elb.amazonaws.com')).toMatch(/scheme/);
    expect(dnsNameProblem('my-nlb.elb.amazonaws.com:80')).toMatch(/port/);
    expect(dnsNameProblem('localhost')).toMatch(/fully qualified/);
    expect(dnsNameProblem('-bad-.example.com')).toMatch(/fully qualified/);
  });
});
