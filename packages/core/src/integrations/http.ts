import type { HttpIntegration, IntegrationResponse } from '../design/types';
import type { JsonObject } from '../json';
import { corsResponseParameters } from './cors-headers';
import { integrationOptionFields } from './integration-options';
import { integrationHttpMethod, pathParameterMappings, uriPath } from './request-mapping';
import type { IntegrationModule } from './types';

/** API Gateway's own ceiling for a REST integration, used when the design sets none. */
export const DEFAULT_TIMEOUT_MILLIS = 29000;

/**
 * A public HTTP endpoint: `HTTP_PROXY` passes request and response through;
 * `HTTP` maps them with templates. The URI keeps `{param}` placeholders, which
 * API Gateway fills from `requestParameters`.
 */
export const httpIntegration: IntegrationModule<HttpIntegration> = {
  kind: 'http',
  render(operation, integration, context) {
    const backend = context.backend(integration.backend);
    const baseUrl = backend?.kind === 'http' ? backend.baseUrl.replace(/\/+$/, '') : '';
    const path = integration.path ?? operation.path;
    const rendered: JsonObject = {
      type: integration.proxy ? 'HTTP_PROXY' : 'HTTP',
      httpMethod: integrationHttpMethod(operation, integration.httpMethod),
      uri: baseUrl + uriPath(path),
      connectionType: 'INTERNET',
      timeoutInMillis: integration.timeoutInMillis ?? DEFAULT_TIMEOUT_MILLIS,
    };
    const requestParameters = integration.requestParameters ?? pathParameterMappings(path);
    if (Object.keys(requestParameters).length > 0)
      rendered.requestParameters = { ...requestParameters };
    if (!integration.proxy) {
      if (integration.requestTemplates !== undefined)
        rendered.requestTemplates = { ...integration.requestTemplates };
      rendered.passthroughBehavior = integration.passthroughBehavior ?? 'WHEN_NO_MATCH';
      const cors = corsResponseParameters(context.design.cors);
      rendered.responses = renderResponses(
        integration.responses ?? { default: { statusCode: '200' } },
        cors,
      );
    }
    if (backend?.kind === 'http' && backend.insecureSkipVerification === true) {
      rendered.tlsConfig = { insecureSkipVerification: true };
    }
    return { ...rendered, ...integrationOptionFields(integration) };
  },
  permissions: () => [],
};

/**
 * Integration responses as given, each also returning the CORS headers when
 * CORS is on (a non-proxy integration's responses are the only place they can
 * come from); a header the design maps itself is left as the design says.
 */
function renderResponses(
  responses: Record<string, IntegrationResponse>,
  cors: Record<string, string>,
): JsonObject {
  const rendered: JsonObject = {};
  for (const [pattern, response] of Object.entries(responses)) {
    const out: JsonObject = { statusCode: response.statusCode };
    const responseParameters = { ...cors, ...response.responseParameters };
    if (Object.keys(responseParameters).length > 0) out.responseParameters = responseParameters;
    if (response.responseTemplates !== undefined)
      out.responseTemplates = { ...response.responseTemplates };
    if (response.contentHandling !== undefined) out.contentHandling = response.contentHandling;
    rendered[pattern] = out;
  }
  return rendered;
}
