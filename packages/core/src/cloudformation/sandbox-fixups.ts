import { isJsonObject, type JsonObject, type JsonValue } from '../json';
import { HTTP_METHODS } from '../model/types';

/**
 * What to put again, through the API Gateway API, after the sandbox has
 * created the stack: ministack's OpenAPI import keeps only each integration's
 * `type`, `httpMethod` and `uri`, so mocks answer `{}` and path parameters
 * reach HTTP backends as `{name}`. The shapes are the SDK's
 * (`PutIntegration`, `PutMethodResponse`, `PutIntegrationResponse`), without
 * `restApiId` and `resourceId`, which the deployer looks up by `path`.
 */
export interface SandboxIntegrationFixup {
  /** The resource path as the document writes it (`/pets/{petId}`). */
  path: string;
  /** API Gateway's name for the method: `GET`, ..., `ANY`. */
  httpMethod: string;
  integration: {
    type: string;
    integrationHttpMethod?: string;
    uri?: string;
    connectionType?: string;
    requestParameters?: Record<string, string>;
    requestTemplates?: Record<string, string>;
    passthroughBehavior?: string;
    timeoutInMillis?: number;
    contentHandling?: string;
  };
  /** Each integration response, after its method response with the same status code. */
  responses: {
    statusCode: string;
    /** Absent for the `default` response. */
    selectionPattern?: string;
    responseParameters?: Record<string, string>;
    responseTemplates?: Record<string, string>;
    contentHandling?: string;
  }[];
}

/** Integration types whose import the sandbox loses something of, and that carry no deploy-time values. */
const FIXED_TYPES = new Set(['MOCK', 'HTTP', 'HTTP_PROXY']);

/**
 * The fix-ups for every MOCK and HTTP integration of a rendered document, in
 * path and method order. Lambda proxy integrations import whole and are left
 * out (their URIs also hold deploy-time values).
 */
export function sandboxFixups(document: JsonObject): SandboxIntegrationFixup[] {
  const fixups: SandboxIntegrationFixup[] = [];
  const paths = isJsonObject(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isJsonObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      const integration = isJsonObject(operation)
        ? operation['x-amazon-apigateway-integration']
        : undefined;
      if (!isJsonObject(integration) || typeof integration.type !== 'string') continue;
      const type = integration.type.toUpperCase();
      if (!FIXED_TYPES.has(type)) continue;
      fixups.push({
        path,
        httpMethod: method === 'x-amazon-apigateway-any-method' ? 'ANY' : method.toUpperCase(),
        integration: {
          type,
          ...strings(integration, {
            httpMethod: 'integrationHttpMethod',
            uri: 'uri',
            connectionType: 'connectionType',
            passthroughBehavior: 'passthroughBehavior',
            contentHandling: 'contentHandling',
          }),
          ...maps(integration, ['requestParameters', 'requestTemplates']),
          ...(typeof integration.timeoutInMillis === 'number'
            ? { timeoutInMillis: integration.timeoutInMillis }
            : {}),
        },
        responses: Object.entries(
          isJsonObject(integration.responses) ? integration.responses : {},
        ).flatMap(([pattern, response]) =>
          isJsonObject(response) && typeof response.statusCode === 'string'
            ? [
                {
                  statusCode: response.statusCode,
                  ...(pattern === 'default' ? {} : { selectionPattern: pattern }),
                  ...maps(response, ['responseParameters', 'responseTemplates']),
                  ...strings(response, { contentHandling: 'contentHandling' }),
                },
              ]
            : [],
        ),
      });
    }
  }
  return fixups;
}

/** The string fields of `from` named in `names`, under their new names. */
function strings(from: JsonObject, names: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, as] of Object.entries(names)) {
    const value = from[name];
    if (typeof value === 'string') out[as] = value;
  }
  return out;
}

/** The string-to-string maps of `from` named in `names`. */
function maps(from: JsonObject, names: string[]): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const name of names) {
    const value: JsonValue | undefined = from[name];
    if (!isJsonObject(value)) continue;
    const entries = Object.entries(value).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    );
    out[name] = Object.fromEntries(entries);
  }
  return out;
}
