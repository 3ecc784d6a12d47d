import { describe, expect, it } from 'vitest';
import { makeDesign, makeModel, makeOperation } from '../../test/fixtures';
import type { DesignDocument } from '../design/types';
import type { JsonObject } from '../json';
import { applyAuthorizers } from './authorizers';
import { valueAt } from './json-pointer';

const operations = [
  makeOperation({ method: 'get', path: '/pets' }),
  makeOperation({ method: 'post', path: '/pets' }),
  makeOperation({ method: 'options', path: '/pets' }),
  makeOperation({ method: 'get', path: '/health' }),
];
const model = makeModel(operations);

function render(design: DesignDocument): JsonObject {
  const document = structuredClone(model.document);
  applyAuthorizers(document, model, design);
  return document;
}

const authorizers: DesignDocument['authorizers'] = {
  sigv4: { kind: 'iam' },
  users: {
    kind: 'cognito',
    userPoolArns: ['arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_abc'],
  },
  token: { kind: 'lambda', type: 'token', function: { backend: 'authFn' } },
  request: {
    kind: 'lambda',
    type: 'request',
    function: { functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:authz' },
    identitySource: 'method.request.querystring.key',
    resultTtlInSeconds: 0,
  },
};

describe('applyAuthorizers', () => {
  it('leaves the model security alone when the design says nothing about access', () => {
    expect(render(makeDesign())).toEqual(model.document);
  });

  it('writes the security schemes API Gateway reads', () => {
    const schemes = valueAt(render(makeDesign({ authorizers })), '/components/securitySchemes');
    expect(schemes).toEqual({
      sigv4: {
        type: 'apiKey',
        name: 'Authorization',
        in: 'header',
        'x-amazon-apigateway-authtype': 'awsSigv4',
      },
      users: {
        type: 'apiKey',
        name: 'Authorization',
        in: 'header',
        'x-amazon-apigateway-authtype': 'COGNITO_USER_POOLS',
        'x-amazon-apigateway-authorizer': {
          type: 'cognito_user_pools',
          providerARNs: ['arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_abc'],
        },
      },
      token: {
        type: 'apiKey',
        name: 'Authorization',
        in: 'header',
        'x-amazon-apigateway-authtype': 'custom',
        'x-amazon-apigateway-authorizer': {
          type: 'token',
          authorizerUri:
            'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${AuthFnFunction.Arn}/invocations',
          authorizerResultTtlInSeconds: 300,
          identitySource: 'method.request.header.Authorization',
        },
      },
      request: {
        type: 'apiKey',
        name: 'Unused',
        in: 'header',
        'x-amazon-apigateway-authtype': 'custom',
        'x-amazon-apigateway-authorizer': {
          type: 'request',
          authorizerUri:
            'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:authz/invocations',
          authorizerResultTtlInSeconds: 0,
          identitySource: 'method.request.querystring.key',
        },
      },
    });
  });

  it('applies the default, per-operation overrides with scopes, open operations and API keys', () => {
    const document = render(
      makeDesign({
        authorizers,
        defaultAuthorizer: 'sigv4',
        apiKeySource: 'AUTHORIZER',
        operations: {
          'POST /pets': {
            authorizer: 'users',
            authorizationScopes: ['pets/write'],
            apiKeyRequired: true,
          },
          'GET /health': { authorizer: 'NONE' },
        },
      }),
    );
    expect(valueAt(document, '/paths/~1pets/get/security')).toEqual([{ sigv4: [] }]);
    expect(valueAt(document, '/paths/~1pets/post/security')).toEqual([
      { users: ['pets/write'], api_key: [] },
    ]);
    expect(valueAt(document, '/paths/~1health/get/security')).toEqual([]);
    expect(valueAt(document, '/paths/~1pets/options/security')).toEqual([]);
    expect(valueAt(document, '/components/securitySchemes/api_key')).toEqual({
      type: 'apiKey',
      name: 'x-api-key',
      in: 'header',
    });
    expect(document['x-amazon-apigateway-api-key-source']).toBe('AUTHORIZER');
  });

  it('keeps an unknown authorizer referenced rather than opening the operation', () => {
    const document = render(makeDesign({ defaultAuthorizer: 'gone' }));
    expect(valueAt(document, '/paths/~1pets/get/security')).toEqual([{ gone: [] }]);
    expect(document['x-amazon-apigateway-api-key-source']).toBeUndefined();
  });
});
