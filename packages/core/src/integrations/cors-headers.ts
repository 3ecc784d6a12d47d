import type { CorsSettings } from '../design/types';

/**
 * The origin a static CORS header returns. API Gateway's mock and mapped
 * responses are constant, so they can name only one origin: the first allowed
 * (`*` by default). Echoing one of several origins needs a proxy backend;
 * `validate` warns about the origins left out (`validate.cors-multiple-origins`).
 */
export function corsAllowOrigin(cors: CorsSettings): string {
  return cors.allowOrigins?.[0] ?? '*';
}

/**
 * `responseParameters` that add the CORS response headers (the origin, and
 * `Access-Control-Allow-Credentials` when allowed) to a response; empty when
 * CORS is off. `target` is the mapping prefix: `method.response.header` for
 * integration responses, `gatewayresponse.header` for gateway responses.
 */
export function corsResponseParameters(
  cors: CorsSettings,
  target = 'method.response.header',
): Record<string, string> {
  if (!cors.enabled) return {};
  const headers: Record<string, string> = {
    [`${target}.Access-Control-Allow-Origin`]: staticValue(corsAllowOrigin(cors)),
  };
  if (cors.allowCredentials === true)
    headers[`${target}.Access-Control-Allow-Credentials`] = staticValue('true');
  return headers;
}

/** A constant in a mapping expression: API Gateway reads single-quoted text as a literal. */
export function staticValue(text: string): string {
  return `'${text}'`;
}
