import { describe, expect, it } from 'vitest';
import { makeDesign } from '../../test/fixtures';
import type { JsonObject } from '../json';
import { applyGatewayResponses } from './gateway-responses';

describe('applyGatewayResponses', () => {
  it('writes nothing when neither the design nor CORS asks', () => {
    const document: JsonObject = {};
    applyGatewayResponses(document, makeDesign());
    expect(document).toEqual({});
  });

  it('gives every written response the CORS headers it does not map itself, the defaults too', () => {
    const document: JsonObject = {
      'x-amazon-apigateway-gateway-responses': {
        ACCESS_DENIED: { statusCode: '403' },
      },
    };
    const design = makeDesign({
      cors: { enabled: true, allowOrigins: ['https://a.example'], allowCredentials: true },
      gatewayResponses: {
        BAD_REQUEST_BODY: {
          statusCode: '400',
          responseTemplates: {
            'application/json': '{"message": "$context.error.validationErrorString"}',
          },
        },
        UNAUTHORIZED: { statusCode: '401' },
        DEFAULT_5XX: {
          responseParameters: {
            'gatewayresponse.header.Access-Control-Allow-Origin': "'https://b.example'",
          },
        },
      },
    });
    applyGatewayResponses(document, design);
    const cors = {
      'gatewayresponse.header.Access-Control-Allow-Origin': "'https://a.example'",
      'gatewayresponse.header.Access-Control-Allow-Credentials': "'true'",
    };
    expect(document['x-amazon-apigateway-gateway-responses']).toEqual({
      ACCESS_DENIED: { statusCode: '403', responseParameters: cors },
      DEFAULT_5XX: {
        responseParameters: {
          ...cors,
          'gatewayresponse.header.Access-Control-Allow-Origin': "'https://b.example'",
        },
      },
      BAD_REQUEST_BODY: {
        statusCode: '400',
        responseTemplates: {
          'application/json': '{"message": "$context.error.validationErrorString"}',
        },
        responseParameters: cors,
      },
      UNAUTHORIZED: { statusCode: '401', responseParameters: cors },
      DEFAULT_4XX: { responseParameters: cors },
    });
  });

  it('leaves the designed responses as they are when CORS is off', () => {
    const document: JsonObject = {};
    applyGatewayResponses(
      document,
      makeDesign({ gatewayResponses: { UNAUTHORIZED: { statusCode: '401' } } }),
    );
    expect(document['x-amazon-apigateway-gateway-responses']).toEqual({
      UNAUTHORIZED: { statusCode: '401' },
    });
  });
});
