import { describe, expect, it } from 'vitest';
import { makeDesign, makeModel } from '../../../test/fixtures';
import type { Authorizer } from '../../design/types';
import type { JsonObject } from '../../json';
import type { SpecVersion } from '../../model/types';
import { validate } from '../validate';

function schemeFindings(
  schemes: JsonObject,
  authorizers: Record<string, Authorizer> = {},
  specVersion: SpecVersion = '3.0',
) {
  const document: JsonObject =
    specVersion === '2.0'
      ? {
          swagger: '2.0',
          info: { title: 'T', version: '1' },
          paths: {},
          securityDefinitions: schemes,
        }
      : {
          openapi: '3.0.3',
          info: { title: 'T', version: '1' },
          paths: {},
          components: { securitySchemes: schemes },
        };
  const model = makeModel([], { document, specVersion });
  return validate(model, makeDesign({ authorizers })).map((d) => [
    d.code,
    d.severity,
    d.location.pointer,
    d.message,
  ]);
}

const sigv4 = {
  type: 'apiKey',
  name: 'Authorization',
  in: 'header',
  'x-amazon-apigateway-authtype': 'awsSigv4',
};

describe('API Gateway security schemes', () => {
  it('reports schemes that are not apiKey, naming their type', () => {
    expect(schemeFindings({ oauth: { type: 'oauth2', flows: {} } })).toEqual([
      [
        'validate.apigw-security-scheme',
        'warning',
        '/components/securitySchemes/oauth',
        expect.stringMatching(/"oauth".*oauth2/),
      ],
    ]);
  });

  it('reports an apiKey scheme without the API Gateway extensions', () => {
    const findings = schemeFindings({ token: { type: 'apiKey', name: 'X-Token', in: 'header' } });
    expect(findings.map(([, , , message]) => message)).toEqual([
      expect.stringContaining('x-amazon-apigateway-authtype'),
    ]);
  });

  it('accepts API Gateway authorizer schemes and the API key scheme', () => {
    expect(
      schemeFindings({
        sigv4,
        pool: {
          type: 'apiKey',
          name: 'Authorization',
          in: 'header',
          'x-amazon-apigateway-authorizer': { type: 'cognito_user_pools' },
        },
        api_key: { type: 'apiKey', name: 'x-api-key', in: 'header' },
      }),
    ).toEqual([]);
  });

  it('skips a scheme the design replaces with an authorizer of the same name', () => {
    expect(
      schemeFindings({ bearer: { type: 'http', scheme: 'bearer' } }, { bearer: { kind: 'iam' } }),
    ).toEqual([]);
  });

  it('reads Swagger 2.0 securityDefinitions', () => {
    const findings = schemeFindings({ basic: { type: 'basic' }, sigv4 }, {}, '2.0');
    expect(findings.map(([code, , pointer]) => [code, pointer])).toEqual([
      ['validate.apigw-security-scheme', '/securityDefinitions/basic'],
    ]);
  });
});
