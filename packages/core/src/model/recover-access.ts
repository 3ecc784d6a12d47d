import { diagnostic, type Diagnostic } from '../diagnostics';
import type {
  Authorizer,
  DesignDocument,
  OperationDesign,
  RequestValidationSettings,
} from '../design/types';
import { isJsonObject, type JsonObject, type JsonValue } from '../json';
import { LAMBDA_INVOCATION_URI } from './lambda-uri';
import type { ApiModel } from './types';

const DEFAULT_IDENTITY_SOURCE = 'method.request.header.Authorization';
const DEFAULT_TTL_SECONDS = 300;

/** How the design names a security scheme of the model: an authorizer, or the API key. */
type SchemeRole = { authorizer: Authorizer } | { apiKey: true } | { unsupported: string };

/**
 * Security recovered from the model's schemes into the design's authorizers
 * (named by their scheme names, which the renderer writes them back under),
 * its default authorizer and each operation's authorizer, scopes and API key.
 *
 * All or nothing: once the design names any authorizer, the renderer writes
 * every operation's `security` from the design, so a scheme it cannot express
 * (a CloudFormation function, authorizer credentials, an OAuth flow) or a
 * requirement it cannot (alternatives, two authorizers at once) would be lost
 * for the operations using it. Then nothing is recovered, the model's own
 * security stays in the rendered document as written, and the finding says why.
 * Mutates `design`.
 */
export function recoverAccess(model: ApiModel, design: DesignDocument): Diagnostic[] {
  const doc = model.document;
  const schemes = securitySchemes(model);
  const roles = new Map(
    Object.entries(schemes).map(([name, scheme]) => [name, schemeRole(scheme)]),
  );
  // Reasons, each once with the first place it applies (many operations share one scheme).
  const problems = new Map<string, string>();
  const readRequirement = (security: JsonValue, where: string): OperationDesign | undefined => {
    const read = requirement(security, roles);
    if (typeof read === 'string' && !problems.has(read)) problems.set(read, where);
    return typeof read === 'string' ? undefined : read;
  };

  const documentLevel =
    doc.security === undefined ? {} : readRequirement(doc.security, 'the document security');
  const perOperation = new Map<string, OperationDesign>();
  for (const op of model.operations) {
    if (op.security === undefined) continue;
    const read = readRequirement(op.security, op.key);
    if (read) perOperation.set(op.key, read);
  }
  if (problems.size > 0) {
    const why = [...problems].map(([reason, where]) => `${reason} (first at ${where})`).join('; ');
    const ptr = '/security';
    return [
      diagnostic(
        'model.security-kept',
        `Security is kept as the model writes it, not recovered into the design: ${why}.`,
        {
          ...(model.file !== undefined ? { file: model.file } : {}),
          pointer: ptr,
          ...(model.locate(ptr) ?? {}),
        },
      ),
    ];
  }

  for (const [name, role] of roles)
    if ('authorizer' in role) design.authorizers[name] = role.authorizer;
  const defaults = documentLevel ?? {};
  if (defaults.authorizer !== undefined && defaults.authorizer !== 'NONE')
    design.defaultAuthorizer = defaults.authorizer;
  for (const op of model.operations) {
    const own = perOperation.get(op.key);
    const effective = own ?? defaults;
    const entry: OperationDesign = { ...design.operations[op.key] };
    // An operation naming the default authorizer with no scopes is the same as inheriting it.
    const authorizer = own ? (own.authorizer ?? 'NONE') : undefined;
    if (
      authorizer !== undefined &&
      !(authorizer === design.defaultAuthorizer && !own?.authorizationScopes?.length)
    )
      entry.authorizer = authorizer;
    if (effective.authorizationScopes?.length)
      entry.authorizationScopes = effective.authorizationScopes;
    if (effective.apiKeyRequired) entry.apiKeyRequired = true;
    if (Object.keys(entry).length > 0) design.operations[op.key] = entry;
  }
  const apiKeySource = doc['x-amazon-apigateway-api-key-source'];
  if (apiKeySource === 'HEADER' || apiKeySource === 'AUTHORIZER')
    design.apiKeySource = apiKeySource;
  return [];
}

/**
 * The model's request validation as settings: on with the checks of the
 * validator the document names as its default (`x-amazon-apigateway-request-validator`),
 * off when it names none. Validators that operations name themselves stay in
 * the document and keep working either way.
 */
export function recoverRequestValidation(document: JsonObject): RequestValidationSettings {
  const validators = document['x-amazon-apigateway-request-validators'];
  const name = document['x-amazon-apigateway-request-validator'];
  const validator =
    typeof name === 'string' && isJsonObject(validators) ? validators[name] : undefined;
  if (!isJsonObject(validator)) return { enabled: false };
  return {
    enabled: true,
    ...(validator.validateRequestBody !== true ? { validateRequestBody: false } : {}),
    ...(validator.validateRequestParameters !== true ? { validateRequestParameters: false } : {}),
  };
}

function securitySchemes(model: ApiModel): JsonObject {
  const doc = model.document;
  if (model.specVersion === '2.0')
    return isJsonObject(doc.securityDefinitions) ? doc.securityDefinitions : {};
  const components = isJsonObject(doc.components) ? doc.components : {};
  return isJsonObject(components.securitySchemes) ? components.securitySchemes : {};
}

function schemeRole(scheme: JsonValue): SchemeRole {
  if (!isJsonObject(scheme)) return { unsupported: 'it is not an object' };
  const authType =
    typeof scheme['x-amazon-apigateway-authtype'] === 'string'
      ? scheme['x-amazon-apigateway-authtype'].toLowerCase()
      : undefined;
  const authorizer = scheme['x-amazon-apigateway-authorizer'];
  if (authType === 'awssigv4') return { authorizer: { kind: 'iam' } };
  if (scheme.type === 'apiKey' && authType === undefined && authorizer === undefined) {
    return scheme.in === 'header' && String(scheme.name).toLowerCase() === 'x-api-key'
      ? { apiKey: true }
      : { unsupported: 'an API key not read from the x-api-key header' };
  }
  if (!isJsonObject(authorizer))
    return { unsupported: `a ${String(scheme.type)} scheme without an API Gateway authorizer` };
  const header = typeof scheme.name === 'string' ? scheme.name : 'Authorization';
  const type = String(authorizer.type).toLowerCase();
  if (type === 'cognito_user_pools') {
    const arns = authorizer.providerARNs;
    if (!Array.isArray(arns) || !arns.every((a) => typeof a === 'string' && !a.includes('${')))
      return { unsupported: 'its user pool ARNs are not plain ARNs' };
    const identitySource = `method.request.header.${header}`;
    return {
      authorizer: {
        kind: 'cognito',
        userPoolArns: [...(arns as string[])],
        ...(identitySource !== DEFAULT_IDENTITY_SOURCE ? { identitySource } : {}),
      },
    };
  }
  if (type === 'token' || type === 'request') {
    const uri =
      typeof authorizer.authorizerUri === 'string'
        ? LAMBDA_INVOCATION_URI.exec(authorizer.authorizerUri)
        : null;
    if (!uri) return { unsupported: 'its authorizerUri is not a plain Lambda invocation URI' };
    // The renderer writes the URI in the stack's region, so it must be the function's own.
    if (uri[1] !== uri[4] || uri[2] !== uri[5])
      return { unsupported: `its authorizerUri calls through ${uri[2]} a function in ${uri[5]}` };
    if (authorizer.authorizerCredentials !== undefined)
      return { unsupported: 'it names authorizerCredentials, which the design does not hold' };
    const identitySource =
      typeof authorizer.identitySource === 'string'
        ? authorizer.identitySource
        : DEFAULT_IDENTITY_SOURCE;
    const ttl =
      typeof authorizer.authorizerResultTtlInSeconds === 'number'
        ? authorizer.authorizerResultTtlInSeconds
        : DEFAULT_TTL_SECONDS;
    return {
      authorizer: {
        kind: 'lambda',
        type,
        function: { functionArn: uri[3]! },
        ...(identitySource !== DEFAULT_IDENTITY_SOURCE ? { identitySource } : {}),
        ...(ttl !== DEFAULT_TTL_SECONDS ? { resultTtlInSeconds: ttl } : {}),
      },
    };
  }
  return {
    unsupported: `authorizer type '${String(authorizer.type)}' is not cognito_user_pools, token or request`,
  };
}

/** A `security` value as the design says it, or why it cannot. */
function requirement(
  security: JsonValue,
  roles: Map<string, SchemeRole>,
): OperationDesign | string {
  if (!Array.isArray(security)) return 'security is not a list';
  if (security.length === 0) return { authorizer: 'NONE' };
  if (security.length > 1)
    return 'it allows alternative requirements, which the design cannot express';
  const only = security[0];
  if (!isJsonObject(only)) return 'its requirement is not an object';
  const out: OperationDesign = {};
  for (const [name, scopes] of Object.entries(only)) {
    const role = roles.get(name);
    if (role === undefined) return `it names '${name}', which no security scheme defines`;
    if ('unsupported' in role) return `scheme '${name}' cannot be recovered (${role.unsupported})`;
    if ('apiKey' in role) {
      out.apiKeyRequired = true;
      continue;
    }
    if (out.authorizer !== undefined) return 'it requires two authorizers at once';
    out.authorizer = name;
    const list = Array.isArray(scopes)
      ? scopes.filter((s): s is string => typeof s === 'string')
      : [];
    if (list.length > 0) {
      if (role.authorizer.kind !== 'cognito')
        return `it gives scopes to '${name}', which is not a Cognito authorizer`;
      out.authorizationScopes = list;
    }
  }
  return out;
}
