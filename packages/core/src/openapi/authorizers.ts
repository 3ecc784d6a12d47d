import type { Authorizer, DesignDocument } from '../design/types';
import { functionArn } from '../integrations/lambda';
import { ownEntry } from '../integrations/render-context';
import { isJsonObject, type JsonObject, type JsonValue } from '../json';
import type { ApiModel } from '../model/types';
import { lambdaInvocationUri } from '../references';
import { valueAt } from './json-pointer';

/** The security scheme name API Gateway reads API keys through. */
const API_KEY_SCHEME = 'api_key';
const DEFAULT_IDENTITY_SOURCE = 'method.request.header.Authorization';
const DEFAULT_TTL_SECONDS = 300;

/**
 * Whether the design says anything about access. When it does not, the
 * model's own `security` is left as written; when it does, the design decides
 * for every operation.
 */
function designsAccess(model: ApiModel, design: DesignDocument): boolean {
  if (Object.keys(design.authorizers).length > 0 || design.defaultAuthorizer !== undefined)
    return true;
  return model.operations.some((op) => {
    const od = design.operations[op.key];
    return od?.authorizer !== undefined || od?.apiKeyRequired === true;
  });
}

/**
 * Adds one security scheme per authorizer (named by its id), the `api_key`
 * scheme and `x-amazon-apigateway-api-key-source` when an operation requires
 * an API key, and each operation's `security`: its authorizer (or the
 * default, except for `options` methods), Cognito with the operation's
 * scopes, ANDed with the API key when required; `security: []` for an open
 * operation. An authorizer id that names
 * nothing is still referenced, so API Gateway refuses the document rather than
 * opening the operation (`validate` reports the id). Mutates `document` and
 * its operations; the scheme map it adds to is a copy.
 */
export function applyAuthorizers(
  document: JsonObject,
  model: ApiModel,
  design: DesignDocument,
): void {
  if (!designsAccess(model, design)) return;
  const schemes = securitySchemes(document, model);
  for (const [id, authorizer] of Object.entries(design.authorizers))
    schemes[id] = securityScheme(authorizer, design);
  const apiKeyUsed = model.operations.some(
    (op) => design.operations[op.key]?.apiKeyRequired === true,
  );
  if (apiKeyUsed) {
    schemes[API_KEY_SCHEME] = { type: 'apiKey', name: 'x-api-key', in: 'header' };
    document['x-amazon-apigateway-api-key-source'] = design.apiKeySource ?? 'HEADER';
  }
  for (const op of model.operations) {
    const target = valueAt(document, op.pointer);
    if (!isJsonObject(target)) continue;
    const od = design.operations[op.key];
    // Browsers send CORS preflights without credentials, so the default never applies to OPTIONS.
    const authorizerId =
      od?.authorizer ?? (op.method === 'options' ? undefined : design.defaultAuthorizer);
    const requirement: JsonObject = {};
    if (authorizerId !== undefined && authorizerId !== 'NONE') {
      requirement[authorizerId] =
        ownEntry(design.authorizers, authorizerId)?.kind === 'cognito'
          ? [...(od?.authorizationScopes ?? [])]
          : [];
    }
    if (od?.apiKeyRequired === true) requirement[API_KEY_SCHEME] = [];
    target.security = Object.keys(requirement).length > 0 ? [requirement] : [];
  }
}

/**
 * The map security schemes live in: `components.securitySchemes` (3.x) or
 * `securityDefinitions` (2.0), made when missing, and copied (with
 * `components`) when present, since they are shared with the model.
 */
function securitySchemes(document: JsonObject, model: ApiModel): JsonObject {
  if (model.specVersion === '2.0') {
    const schemes = { ...objectOrEmpty(document.securityDefinitions) };
    document.securityDefinitions = schemes;
    return schemes;
  }
  const components = { ...objectOrEmpty(document.components) };
  document.components = components;
  const schemes = { ...objectOrEmpty(components.securitySchemes) };
  components.securitySchemes = schemes;
  return schemes;
}

function objectOrEmpty(value: JsonValue | undefined): JsonObject {
  return isJsonObject(value) ? value : {};
}

/** API Gateway accepts only `apiKey` schemes, told apart by its extensions. */
function securityScheme(authorizer: Authorizer, design: DesignDocument): JsonObject {
  switch (authorizer.kind) {
    case 'iam':
      return {
        type: 'apiKey',
        name: 'Authorization',
        in: 'header',
        'x-amazon-apigateway-authtype': 'awsSigv4',
      };
    case 'cognito':
      return {
        type: 'apiKey',
        name: headerName(authorizer.identitySource ?? DEFAULT_IDENTITY_SOURCE),
        in: 'header',
        'x-amazon-apigateway-authtype': 'COGNITO_USER_POOLS',
        'x-amazon-apigateway-authorizer': {
          type: 'cognito_user_pools',
          providerARNs: [...authorizer.userPoolArns],
        },
      };
    case 'lambda': {
      const identitySource = authorizer.identitySource ?? DEFAULT_IDENTITY_SOURCE;
      const arn =
        'backend' in authorizer.function
          ? functionArn(authorizer.function.backend, {
              backend: (id) => ownEntry(design.backends, id),
            })
          : authorizer.function.functionArn;
      return {
        type: 'apiKey',
        name: headerName(identitySource),
        in: 'header',
        'x-amazon-apigateway-authtype': 'custom',
        'x-amazon-apigateway-authorizer': {
          type: authorizer.type,
          authorizerUri: lambdaInvocationUri(arn),
          authorizerResultTtlInSeconds: authorizer.resultTtlInSeconds ?? DEFAULT_TTL_SECONDS,
          identitySource,
        },
      };
    }
  }
}

/**
 * The header a scheme names: the first header of the identity source. A
 * request authorizer reading only query strings or context still needs a
 * name; AWS's examples use `Unused`.
 */
function headerName(identitySource: string): string {
  const header = /method\.request\.header\.([^,\s]+)/.exec(identitySource);
  return header ? header[1]! : 'Unused';
}
