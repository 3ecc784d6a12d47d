import { describe, expect, it } from 'vitest';
import { makeDesign, makeModel } from '../../../test/fixtures';
import type { LambdaAuthorizer } from '../../design/types';
import { validate } from '../validate';

function findings(authorizer: Partial<LambdaAuthorizer>) {
  const design = makeDesign({
    authorizers: {
      gate: {
        kind: 'lambda',
        type: 'token',
        function: { functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:auth' },
        ...authorizer,
      },
    },
  });
  return validate(makeModel([]), design)
    .filter((d) => d.code === 'validate.authorizer-identity-source')
    .map((d) => [d.location.pointer, d.message]);
}

describe('Lambda authorizer identity sources', () => {
  it('accepts one header for a token authorizer, and the default', () => {
    expect(findings({})).toEqual([]);
    expect(findings({ identitySource: 'method.request.header.X-Api-Token' })).toEqual([]);
  });

  it('refuses a token authorizer reading anything but exactly one header', () => {
    for (const identitySource of [
      'method.request.querystring.token',
      'method.request.header.A, method.request.header.B',
      'Authorization',
      '',
    ]) {
      expect(findings({ identitySource })).toEqual([
        ['/authorizers/gate/identitySource', expect.stringContaining(`"${identitySource}"`)],
      ]);
    }
  });

  it('accepts a request authorizer reading a list of parameters, stage and context variables', () => {
    expect(
      findings({
        type: 'request',
        identitySource:
          'method.request.header.Auth, method.request.querystring.name,method.request.multivaluequerystring.ids, ' +
          'method.request.path.id, stageVariables.stage, context.identity.sourceIp',
      }),
    ).toEqual([]);
    expect(findings({ type: 'request', identitySource: '', resultTtlInSeconds: 0 })).toEqual([]);
  });

  it('names the entries of a request authorizer API Gateway does not know', () => {
    expect(
      findings({
        type: 'request',
        identitySource: 'method.request.header.Auth, method.request.body.x, stage.name',
      }),
    ).toEqual([
      [
        '/authorizers/gate/identitySource',
        expect.stringMatching(/"method\.request\.body\.x", "stage\.name" is not a source/),
      ],
    ]);
    expect(findings({ type: 'request', identitySource: 'method.request.header.A,' })).toHaveLength(
      1,
    );
    expect(findings({ type: 'request', identitySource: ' ' })).toEqual([
      ['/authorizers/gate/identitySource', expect.stringContaining('resultTtlInSeconds to 0')],
    ]);
  });
});
