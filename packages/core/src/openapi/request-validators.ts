import type { RequestValidationSettings } from '../design/types';
import { isJsonObject, type JsonObject } from '../json';

/**
 * Turns request validation on for the whole API: one validator for the
 * design's combination of checks (named `all`, `body-only` or `params-only`),
 * added to the model's own validators and named as the default. When
 * validation is off (or checks nothing) the default is removed; validators the
 * model declares stay, since its operations may name them. Mutates `document`.
 */
export function applyRequestValidation(
  document: JsonObject,
  settings: RequestValidationSettings,
): void {
  const body = settings.validateRequestBody ?? true;
  const parameters = settings.validateRequestParameters ?? true;
  if (!settings.enabled || (!body && !parameters)) {
    delete document['x-amazon-apigateway-request-validator'];
    return;
  }
  const name = body && parameters ? 'all' : body ? 'body-only' : 'params-only';
  // A copy: the model's own validators are shared with it.
  const validators = isJsonObject(document['x-amazon-apigateway-request-validators'])
    ? { ...document['x-amazon-apigateway-request-validators'] }
    : {};
  validators[name] = { validateRequestBody: body, validateRequestParameters: parameters };
  document['x-amazon-apigateway-request-validators'] = validators;
  document['x-amazon-apigateway-request-validator'] = name;
}
