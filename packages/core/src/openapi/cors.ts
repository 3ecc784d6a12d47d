import type { DesignDocument } from '../design/types';
import { corsAllowOrigin, staticValue } from '../integrations/cors-headers';
import { isJsonObject, type JsonObject } from '../json';
import { HTTP_METHODS, type ApiModel } from '../model/types';
import { pathParameterNames } from '../integrations/request-mapping';

/** The request headers API Gateway's own features read (content type, SigV4, API keys). */
const GATEWAY_HEADERS = [
  'Content-Type',
  'X-Amz-Date',
  'Authorization',
  'X-Api-Key',
  'X-Amz-Security-Token',
];
/** What `x-amazon-apigateway-any-method` allows, spelled out: browsers need a list. */
const ANY_METHOD = ['DELETE', 'GET', 'HEAD', 'PATCH', 'POST', 'PUT'];

/**
 * When CORS is on, gives every path without an `options` method a MOCK
 * preflight answering `Access-Control-Allow-Headers`, `-Methods` (the path's
 * methods and OPTIONS) and `-Origin` (and `-Credentials` when allowed), open
 * to everyone (`security: []`, `x-amazon-apigateway-auth: NONE`). Its method
 * response documents those headers, which API Gateway needs to accept the
 * mappings. A path's own `options` method is left as written. Mutates
 * `document`.
 */
export function addCorsPreflights(
  document: JsonObject,
  model: ApiModel,
  design: DesignDocument,
): void {
  const cors = design.cors;
  if (!cors.enabled || !isJsonObject(document.paths)) return;
  const status = String(cors.preflightStatusCode ?? 204);
  const allowHeaders = (cors.allowHeaders ?? defaultAllowHeaders(model, design)).join(',');
  for (const [path, item] of Object.entries(document.paths)) {
    if (!isJsonObject(item) || 'options' in item) continue;
    const methods = HTTP_METHODS.filter((m) => m in item).flatMap((m) =>
      m === 'x-amazon-apigateway-any-method' ? ANY_METHOD : [m.toUpperCase()],
    );
    const headers: Record<string, string> = {
      'Access-Control-Allow-Headers': allowHeaders,
      'Access-Control-Allow-Methods': [...new Set([...methods, 'OPTIONS'])].join(','),
      'Access-Control-Allow-Origin': corsAllowOrigin(cors),
    };
    if (cors.allowCredentials === true) headers['Access-Control-Allow-Credentials'] = 'true';
    const responseParameters: JsonObject = {};
    const documented: JsonObject = {};
    for (const [name, value] of Object.entries(headers)) {
      responseParameters[`method.response.header.${name}`] = staticValue(value);
      documented[name] =
        model.specVersion === '2.0' ? { type: 'string' } : { schema: { type: 'string' } };
    }
    const preflight: JsonObject = {
      summary: 'CORS preflight',
      security: [],
      responses: { [status]: { description: 'CORS preflight answer', headers: documented } },
      'x-amazon-apigateway-auth': { type: 'NONE' },
      'x-amazon-apigateway-integration': {
        type: 'MOCK',
        requestTemplates: { 'application/json': `{"statusCode": ${status}}` },
        passthroughBehavior: 'WHEN_NO_MATCH',
        responses: { default: { statusCode: status, responseParameters } },
      },
    };
    const undeclared = undeclaredPathParameters(path, item);
    if (undeclared.length > 0) {
      preflight.parameters = undeclared.map((name): JsonObject =>
        model.specVersion === '2.0'
          ? { name, in: 'path', required: true, type: 'string' }
          : { name, in: 'path', required: true, schema: { type: 'string' } },
      );
    }
    item.options = preflight;
  }
}

/**
 * API Gateway's own headers, then every header parameter of the API and every
 * header an authorizer reads, each once (compared without case), in the order
 * first met.
 */
export function defaultAllowHeaders(model: ApiModel, design: DesignDocument): string[] {
  const names = [...GATEWAY_HEADERS];
  for (const op of model.operations)
    for (const p of op.parameters) if (p.in === 'header') names.push(p.name);
  for (const authorizer of Object.values(design.authorizers)) {
    if (authorizer.kind === 'iam') continue;
    for (const m of (authorizer.identitySource ?? '').matchAll(
      /method\.request\.header\.([^,\s]+)/g,
    ))
      names.push(m[1]!);
  }
  const seen = new Set<string>();
  return names.filter((name) => !seen.has(name.toLowerCase()) && seen.add(name.toLowerCase()));
}

/** Path parameters the path item does not declare at its own level; the preflight must declare them. */
function undeclaredPathParameters(path: string, item: JsonObject): string[] {
  const declared = new Set(
    (Array.isArray(item.parameters) ? item.parameters : [])
      .filter(isJsonObject)
      .filter((p) => p.in === 'path')
      .map((p) => String(p.name)),
  );
  return pathParameterNames(path).filter((name) => !declared.has(name));
}
