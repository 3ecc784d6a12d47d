import { isJsonObject, type JsonObject, type JsonValue } from '../json';
import { HTTP_METHODS } from '../model/types';
import { PLACEHOLDER_PATTERN } from '../references';

/**
 * What to put again, through the API Gateway API, after the sandbox has
 * created the stack: ministack's OpenAPI import keeps only each integration's
 * `type`, `httpMethod` and `uri`, so mocks answer `{}` and path parameters
 * reach HTTP backends as `{name}`, and it skips `ANY` methods altogether. The
 * shapes are the SDK's inputs (`PutMethod`, `PutIntegration`,
 * `PutMethodResponse`, `PutIntegrationResponse`) without `restApiId`,
 * `resourceId` and `httpMethod`, which the deployer resolves from `path` and
 * `httpMethod` here.
 */
export interface SandboxIntegrationFixup {
  /** The resource path as the document writes it (`/pets/{petId}`). */
  path: string;
  /** API Gateway's name for the method: `GET`, ..., `ANY`. */
  httpMethod: string;
  /** For an `ANY` method, which the import skips: the method to create before its integration. */
  putMethod?: { authorizationType: 'NONE' };
  integration: {
    type: string;
    integrationHttpMethod?: string;
    /**
     * Absent when the document's URI holds a placeholder only CloudFormation
     * resolves (a function's ARN): the deployer keeps the URI the import stored.
     */
    uri?: string;
    connectionType?: string;
    requestParameters?: Record<string, string>;
    requestTemplates?: Record<string, string>;
    passthroughBehavior?: string;
    timeoutInMillis?: number;
    contentHandling?: string;
    cacheKeyParameters?: string[];
  };
  /** One per integration response, declaring the headers it maps (as not required). */
  methodResponses: { statusCode: string; responseParameters: Record<string, boolean> }[];
  /** Each integration response, put after the method responses. */
  integrationResponses: {
    statusCode: string;
    /** Absent for the `default` response. */
    selectionPattern?: string;
    responseParameters?: Record<string, string>;
    responseTemplates?: Record<string, string>;
    contentHandling?: string;
  }[];
}

const ANY_METHOD = 'x-amazon-apigateway-any-method';

/**
 * The fix-ups for every integration of a rendered document (mocks, HTTP and
 * Lambda alike: the import loses their mappings whatever the type), in path
 * and method order. An `ANY` method whose URI holds a placeholder is left
 * out: the import stored no URI for it to keep, so it stays missing in the
 * sandbox. `stageVariables` (the stage's, for a document rendered for
 * `BodyS3Location`) are written into the URIs that name them, as ministack
 * does not evaluate `${stageVariables.x}` in an integration URI.
 */
export function sandboxFixups(
  document: Record<string, unknown>,
  stageVariables: Readonly<Record<string, string>> = {},
): SandboxIntegrationFixup[] {
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
      const any = method === ANY_METHOD;
      const uri =
        typeof integration.uri === 'string'
          ? withStageVariables(integration.uri, stageVariables)
          : undefined;
      const uriResolved = uri !== undefined && !new RegExp(PLACEHOLDER_PATTERN).test(uri);
      if (any && uri !== undefined && !uriResolved) continue;
      const responses: SandboxIntegrationFixup['integrationResponses'] = Object.entries(
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
      );
      fixups.push({
        path,
        httpMethod: any ? 'ANY' : method.toUpperCase(),
        ...(any ? { putMethod: { authorizationType: 'NONE' as const } } : {}),
        integration: {
          type: integration.type.toUpperCase(),
          ...strings(integration, {
            httpMethod: 'integrationHttpMethod',
            connectionType: 'connectionType',
            passthroughBehavior: 'passthroughBehavior',
            contentHandling: 'contentHandling',
          }),
          ...(uriResolved ? { uri } : {}),
          ...maps(integration, ['requestParameters', 'requestTemplates']),
          ...(typeof integration.timeoutInMillis === 'number'
            ? { timeoutInMillis: integration.timeoutInMillis }
            : {}),
          ...(Array.isArray(integration.cacheKeyParameters)
            ? {
                cacheKeyParameters: integration.cacheKeyParameters.filter(
                  (key): key is string => typeof key === 'string',
                ),
              }
            : {}),
        },
        methodResponses: responses.map(({ statusCode, responseParameters }) => ({
          statusCode,
          responseParameters: Object.fromEntries(
            Object.keys(responseParameters ?? {}).map((name) => [name, false]),
          ),
        })),
        integrationResponses: responses,
      });
    }
  }
  return fixups;
}

/** `uri` with each `${stageVariables.name}` that `variables` has replaced by its value. */
function withStageVariables(uri: string, variables: Readonly<Record<string, string>>): string {
  return uri.replace(/\$\{stageVariables\.([A-Za-z0-9_]+)\}/g, (text, name: string) =>
    Object.hasOwn(variables, name) ? variables[name]! : text,
  );
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
