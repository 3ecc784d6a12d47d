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

  it('writes the designed responses and gives the default ones the CORS origin', () => {
    const document: JsonObject = {};
    const design = makeDesign({
      cors: { enabled: true },
      gatewayResponses: {
        BAD_REQUEST_BODY: {
          statusCode: '400',
          responseTemplates: {
            'application/json': '{"message": "$context.error.validationErrorString"}',
          },
        },
        DEFAULT_5XX: {
          responseParameters: {
            'gatewayresponse.header.Access-Control-Allow-Origin': "'https://a.example'",
          },
        },
      },
    });
    applyGatewayResponses(document, design);
    expect(document['x-amazon-apigateway-gateway-responses']).toEqual({
      DEFAULT_5XX: {
        responseParameters: {
          'gatewayresponse.header.Access-Control-Allow-Origin': "'https://a.example'",
        },
      },
      BAD_REQUEST_BODY: {
        statusCode: '400',
        responseTemplates: {
          'application/json': '{"message": "$context.error.validationErrorString"}',
        },
      },
      DEFAULT_4XX: {
        responseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" },
      },
    });
  });
});
