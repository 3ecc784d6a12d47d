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
 * type by the design's. With CORS on, `DEFAULT_4XX` and `DEFAULT_5XX` also
 * carry the CORS headers (those they do not map themselves), so a
 * browser can read API Gateway's own errors (a refused authorizer, a bad
 * body) instead of seeing a CORS failure. Mutates `document`.
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
    for (const type of ['DEFAULT_4XX', 'DEFAULT_5XX']) {
      const response = isJsonObject(responses[type]) ? { ...responses[type] } : {};
      const parameters = isJsonObject(response.responseParameters)
        ? response.responseParameters
        : {};
      response.responseParameters = {
        ...corsResponseParameters(design.cors, 'gatewayresponse.header'),
        ...parameters,
      };
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
