import { isJsonObject, type JsonObject, type JsonValue } from '../json';
import { PSEUDO } from '../references';

/** Fields API Gateway reads case-insensitively, compared upper-cased. */
const ENUM_FIELDS = [
  'type',
  'passthroughBehavior',
  'connectionType',
  'contentHandling',
  'httpMethod',
];

/** What API Gateway assumes when a field is absent; an absent field and its default compare equal. */
const DEFAULTS: JsonObject = {
  passthroughBehavior: 'WHEN_NO_MATCH',
  timeoutInMillis: 29000,
  connectionType: 'INTERNET',
};

const PROXY_TYPES = ['AWS_PROXY', 'HTTP_PROXY'];

const INVOCATION_PREFIX = /^arn:[a-z-]+:apigateway:[a-z0-9-]+:lambda:path\//;

/**
 * An `x-amazon-apigateway-integration` in the form two equivalent ones share,
 * so "renders back the same" can be checked. The only differences it forgives
 * are ones API Gateway itself does not see:
 *
 * - the case of `type`, `passthroughBehavior`, `connectionType`,
 *   `contentHandling` and `httpMethod` (API Gateway reads them in any case);
 * - `passthroughBehavior` `WHEN_NO_MATCH`, `timeoutInMillis` 29000 and
 *   `connectionType` `INTERNET` written or left out (they are its defaults);
 * - the partition and region of a Lambda invocation URI written literally or
 *   as `${AWS::Partition}`/`${AWS::Region}` (the renderer always writes the
 *   pseudo-parameters; recovery only accepts a URI whose region is the
 *   function's own, so deployed there both name the same function);
 * - on a proxy integration (`AWS_PROXY`, `HTTP_PROXY`), `responses` that only
 *   name status codes, as console exports write (`{"default": {"statusCode":
 *   "200"}}`): API Gateway passes a proxy's response through and applies no
 *   integration response to it.
 */
export function normaliseIntegration(integration: JsonObject): JsonObject {
  const out: JsonObject = { ...DEFAULTS, ...integration };
  for (const field of ENUM_FIELDS)
    if (typeof out[field] === 'string') out[field] = (out[field] as string).toUpperCase();
  if (PROXY_TYPES.includes(out.type as string) && onlyStatusCodes(out.responses))
    delete out.responses;
  if (typeof out.uri === 'string' && INVOCATION_PREFIX.test(out.uri)) {
    out.uri = out.uri.replace(
      INVOCATION_PREFIX,
      `arn:${PSEUDO.partition}:apigateway:${PSEUDO.region}:lambda:path/`,
    );
  }
  if (isJsonObject(out.responses)) {
    const responses: JsonObject = {};
    for (const [pattern, response] of Object.entries(out.responses)) {
      responses[pattern] =
        isJsonObject(response) && typeof response.contentHandling === 'string'
          ? { ...response, contentHandling: response.contentHandling.toUpperCase() }
          : response;
    }
    out.responses = responses;
  }
  return out;
}

/** Integration responses that each hold a status code and nothing else. */
function onlyStatusCodes(responses: JsonValue | undefined): boolean {
  return (
    isJsonObject(responses) &&
    Object.values(responses).every(
      (r) => isJsonObject(r) && Object.keys(r).every((key) => key === 'statusCode'),
    )
  );
}

/** The top-level fields in which two integrations differ after `normaliseIntegration`, sorted. */
export function integrationDifferences(written: JsonObject, rendered: JsonObject): string[] {
  const a = normaliseIntegration(written);
  const b = normaliseIntegration(rendered);
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((key) => !sameJson(a[key], b[key]))
    .sort();
}

/** Deep equality of JSON values; object key order does not matter. */
export function sameJson(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a))
    return Array.isArray(b) && a.length === b.length && a.every((v, i) => sameJson(v, b[i]));
  if (isJsonObject(a) && isJsonObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((k) => Object.hasOwn(b, k) && sameJson(a[k], b[k]))
    );
  }
  return false;
}
