import type { DesignDocument, GatewayResponse, GatewayResponseType } from '../design/types';
import { corsResponseParameters } from '../integrations/cors-headers';
import { isJsonObject, type JsonObject } from '../json';

/** The order gateway responses are written in, so the output does not depend on the design's key order. */
const TYPES: GatewayResponseType[] = [
  'DEFAULT_4XX',
  'DEFAULT_5XX',
  'BAD_REQUEST_BODY',
  'BAD_REQUEST_PARAMETERS',
  'UNAUTHORIZED',
  'ACCESS_DENIED',
  'MISSING_AUTHENTICATION_TOKEN',
  'RESOURCE_NOT_FOUND',
  'THROTTLED',
  'INTEGRATION_FAILURE',
  'INTEGRATION_TIMEOUT',
];

/**
 * `x-amazon-apigateway-gateway-responses`: the model's own, overridden per
 * type by the design's. With CORS on, every response written here carries the
 * CORS headers (those it does not map itself), and `DEFAULT_4XX` and
 * `DEFAULT_5XX` are written for that alone when absent, so a browser can read
 * API Gateway's own errors (a refused authorizer, a bad body) instead of
 * seeing a CORS failure. A response of a more specific type (`UNAUTHORIZED`)
 * replaces the default one for its errors rather than adding to it, so each
 * needs the headers of its own. Mutates `document`.
 */
export function applyGatewayResponses(document: JsonObject, design: DesignDocument): void {
  // Copies: the model's own gateway responses are shared with it.
  const responses: JsonObject = isJsonObject(document['x-amazon-apigateway-gateway-responses'])
    ? { ...document['x-amazon-apigateway-gateway-responses'] }
    : {};
  for (const type of TYPES) {
    const designed = design.gatewayResponses[type];
    if (designed !== undefined) responses[type] = gatewayResponse(designed);
  }
  if (design.cors.enabled) {
    const cors = corsResponseParameters(design.cors, 'gatewayresponse.header');
    for (const type of new Set([...Object.keys(responses), 'DEFAULT_4XX', 'DEFAULT_5XX'])) {
      const written = responses[type];
      const response = isJsonObject(written) ? { ...written } : {};
      const parameters = isJsonObject(response.responseParameters)
        ? response.responseParameters
        : {};
      response.responseParameters = { ...cors, ...parameters };
      responses[type] = response;
    }
  }
  if (Object.keys(responses).length > 0)
    document['x-amazon-apigateway-gateway-responses'] = responses;
}

function gatewayResponse(response: GatewayResponse): JsonObject {
  const out: JsonObject = {};
  if (response.statusCode !== undefined) out.statusCode = response.statusCode;
  if (response.responseParameters !== undefined)
    out.responseParameters = { ...response.responseParameters };
  if (response.responseTemplates !== undefined)
    out.responseTemplates = { ...response.responseTemplates };
  return out;
}
