import { describe, expect, it } from 'vitest';
import { makeDesign, makeModel, makeOperation } from '../../test/fixtures';
import type { JsonObject } from '../json';
import { addCorsPreflights, defaultAllowHeaders } from './cors';
import { valueAt } from './json-pointer';

const getPet = makeOperation({
  method: 'get',
  path: '/pets/{petId}',
  parameters: [
    { name: 'petId', in: 'path', required: true, pointer: '' },
    { name: 'X-Trace-Id', in: 'header', required: false, pointer: '' },
    { name: 'content-type', in: 'header', required: false, pointer: '' },
  ],
});
const anyProxy = makeOperation({ method: 'x-amazon-apigateway-any-method', path: '/{proxy+}' });
const model = makeModel([
  getPet,
  makeOperation({ method: 'delete', path: '/pets/{petId}' }),
  anyProxy,
]);

describe('addCorsPreflights', () => {
  it('adds nothing when CORS is off', () => {
    const document = structuredClone(model.document);
    addCorsPreflights(document, model, makeDesign());
    expect(document).toEqual(model.document);
  });

  it('adds an open MOCK preflight that documents the headers it returns', () => {
    const document = structuredClone(model.document);
    addCorsPreflights(document, model, makeDesign({ cors: { enabled: true } }));
    expect(valueAt(document, '/paths/~1pets~1{petId}/options')).toEqual({
      summary: 'CORS preflight',
      security: [],
      responses: {
        '204': {
          description: 'CORS preflight answer',
          headers: {
            'Access-Control-Allow-Headers': { schema: { type: 'string' } },
            'Access-Control-Allow-Methods': { schema: { type: 'string' } },
            'Access-Control-Allow-Origin': { schema: { type: 'string' } },
          },
        },
      },
      'x-amazon-apigateway-auth': { type: 'NONE' },
      'x-amazon-apigateway-integration': {
        type: 'MOCK',
        requestTemplates: { 'application/json': '{"statusCode": 204}' },
        passthroughBehavior: 'WHEN_NO_MATCH',
        responses: {
          default: {
            statusCode: '204',
            responseParameters: {
              'method.response.header.Access-Control-Allow-Headers':
                "'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Trace-Id'",
              'method.response.header.Access-Control-Allow-Methods': "'GET,DELETE,OPTIONS'",
              'method.response.header.Access-Control-Allow-Origin': "'*'",
            },
          },
        },
      },
      parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'string' } }],
    });
    expect(
      valueAt(
        document,
        '/paths/~1{proxy+}/options/x-amazon-apigateway-integration/responses/default/responseParameters/method.response.header.Access-Control-Allow-Methods',
      ),
    ).toBe("'DELETE,GET,HEAD,PATCH,POST,PUT,OPTIONS'");
  });

  it('uses the configured origin, headers, status and credentials, and keeps a path own options method', () => {
    const document = structuredClone(model.document);
    ((document.paths as JsonObject)['/{proxy+}'] as JsonObject).options = { responses: {} };
    addCorsPreflights(
      document,
      model,
      makeDesign({
        cors: {
          enabled: true,
          allowOrigins: ['https://app.example.com'],
          allowHeaders: ['X-One'],
          preflightStatusCode: 200,
          allowCredentials: true,
        },
      }),
    );
    const parameters = valueAt(
      document,
      '/paths/~1pets~1{petId}/options/x-amazon-apigateway-integration/responses/default/responseParameters',
    );
    expect(parameters).toMatchObject({
      'method.response.header.Access-Control-Allow-Headers': "'X-One'",
      'method.response.header.Access-Control-Allow-Origin': "'https://app.example.com'",
      'method.response.header.Access-Control-Allow-Credentials': "'true'",
    });
    expect(valueAt(document, '/paths/~1pets~1{petId}/options/responses/200')).toBeDefined();
    expect(valueAt(document, '/paths/~1{proxy+}/options')).toEqual({ responses: {} });
  });

  it('adds the headers authorizers read to the default allowed headers', () => {
    const design = makeDesign({
      authorizers: {
        t: {
          kind: 'lambda',
          type: 'request',
          function: { functionArn: 'x' },
          identitySource: 'method.request.header.X-Token, method.request.querystring.q',
        },
      },
    });
    expect(defaultAllowHeaders(model, design)).toContain('X-Token');
  });
});
