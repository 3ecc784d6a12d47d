import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../json';
import { applyRequestValidation } from './request-validators';

describe('applyRequestValidation', () => {
  it('names one validator for the combination of checks, beside the model ones', () => {
    const document: JsonObject = {
      'x-amazon-apigateway-request-validators': {
        mine: { validateRequestBody: false, validateRequestParameters: true },
      },
    };
    applyRequestValidation(document, { enabled: true });
    expect(document).toEqual({
      'x-amazon-apigateway-request-validators': {
        mine: { validateRequestBody: false, validateRequestParameters: true },
        all: { validateRequestBody: true, validateRequestParameters: true },
      },
      'x-amazon-apigateway-request-validator': 'all',
    });
    const bodyOnly: JsonObject = {};
    applyRequestValidation(bodyOnly, { enabled: true, validateRequestParameters: false });
    expect(bodyOnly['x-amazon-apigateway-request-validator']).toBe('body-only');
  });

  it('removes the default when validation is off', () => {
    const document: JsonObject = {
      'x-amazon-apigateway-request-validator': 'all',
      'x-amazon-apigateway-request-validators': { all: {} },
    };
    applyRequestValidation(document, { enabled: false });
    expect(document).toEqual({ 'x-amazon-apigateway-request-validators': { all: {} } });
  });
});
