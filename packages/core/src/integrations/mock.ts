import { diagnostic } from '../diagnostics';
import { exampleFromSchema } from '../design/example-from-schema';
import type { MockIntegration, MockResponse } from '../design/types';
import { pointer, type JsonObject, type JsonValue } from '../json';
import type { Operation, ResponseDoc } from '../model/types';
import { corsResponseParameters, staticValue } from './cors-headers';
import type { IntegrationModule, RenderContext } from './types';

/** The status, headers and bodies (by content type) a mock answers with. */
interface MockAnswer {
  statusCode: number;
  headers: Record<string, string>;
  bodies: Record<string, string>;
}

/**
 * API Gateway answers by itself: the request template picks the status, the
 * `default` integration response gives headers and body. A request template
 * per request content type, because API Gateway picks the template by the
 * request's `Content-Type` and a mock with no matching template fails.
 */
export const mockIntegration: IntegrationModule<MockIntegration> = {
  kind: 'mock',
  render(operation, integration, context) {
    const answer = mockAnswer(operation, integration.response, context);
    const requestTemplates: Record<string, string> = {};
    const contentTypes =
      operation.requestContentTypes.length > 0
        ? operation.requestContentTypes
        : ['application/json'];
    for (const contentType of contentTypes)
      requestTemplates[contentType] = `{"statusCode": ${answer.statusCode}}`;
    const response: JsonObject = { statusCode: String(answer.statusCode) };
    const responseParameters: Record<string, string> = {};
    for (const [name, value] of Object.entries(answer.headers))
      responseParameters[`method.response.header.${name}`] = staticValue(value);
    for (const [key, value] of Object.entries(corsResponseParameters(context.design.cors)))
      responseParameters[key] ??= value;
    if (Object.keys(responseParameters).length > 0)
      response.responseParameters = responseParameters;
    if (Object.keys(answer.bodies).length > 0) response.responseTemplates = answer.bodies;
    return { type: 'MOCK', requestTemplates, responses: { default: response } };
  },
  permissions: () => [],
};

function mockAnswer(
  operation: Operation,
  response: MockResponse,
  context: RenderContext,
): MockAnswer {
  if (response.source === 'custom') {
    const bodies: Record<string, string> = {};
    if (response.body !== undefined)
      bodies[response.contentType ?? 'application/json'] = literalTemplate(response.body);
    return { statusCode: response.statusCode, headers: response.headers ?? {}, bodies };
  }
  const documented = operation.responses.find(
    (r) => r.status.toUpperCase() === response.status.toUpperCase(),
  );
  if (documented === undefined) {
    const documentedStatuses = operation.responses.map((r) => r.status).join(', ') || 'none';
    const message = `The mock of ${operation.key} answers with documented response ${response.status}, which the operation does not document (documented: ${documentedStatuses}). Pick a documented response or use a custom mock; it renders as a 500 until then.`;
    context.report(
      diagnostic('validate.mock-response-missing', message, {
        operation: operation.key,
        pointer: pointer('operations', operation.key, 'integration', 'response', 'status'),
      }),
    );
    return {
      statusCode: 500,
      headers: {},
      bodies: { 'application/json': literalTemplate(JSON.stringify({ message })) },
    };
  }
  return {
    statusCode: concreteStatus(documented.status, operation),
    headers: {},
    bodies: documentedBodies(documented, response.contentType),
  };
}

/**
 * A number for a documented status: itself when it is one; the first of its
 * class for a range (`2XX` -> 200, `4XX` -> 400); for `default`, 200 when the
 * operation documents no success status (so `default` is its success answer),
 * else 500 (`default` then stands for the errors).
 */
export function concreteStatus(status: string, operation: Operation): number {
  if (/^\d{3}$/.test(status)) return Number(status);
  const range = /^([1-5])XX$/i.exec(status);
  if (range) return Number(range[1]) * 100;
  return operation.responses.some((r) => r.status.startsWith('2')) ? 500 : 200;
}

/** One body per documented content type (or only the chosen one): its example, else one made from its schema. */
function documentedBodies(
  response: ResponseDoc,
  contentType: string | undefined,
): Record<string, string> {
  const chosen = response.content.filter((c) => c.contentType === contentType);
  const bodies: Record<string, string> = {};
  for (const content of chosen.length > 0 ? chosen : response.content) {
    const example: JsonValue | undefined = content.hasExample
      ? (content.example ?? null)
      : content.schema !== undefined
        ? exampleFromSchema(content.schema)
        : undefined;
    if (example === undefined) continue;
    const text =
      typeof example === 'string' && !isJsonMediaType(content.contentType)
        ? example
        : JSON.stringify(example);
    bodies[content.contentType] = literalTemplate(text);
  }
  return bodies;
}

function isJsonMediaType(contentType: string): boolean {
  return /^application\/(.+\+)?json\b/i.test(contentType);
}

/**
 * A mapping template whose output is exactly `text`. Templates are Velocity
 * (VTL): `#` starts directives and comments and `$` references (`$input`,
 * `$context` would be evaluated). In JSON those characters can only sit inside
 * strings, so they are written as the JSON escapes `\u0023` and `\u0024`: the
 * body parses to the same value and no VTL engine sees them. Other text
 * holding them goes in a VTL unparsed block `#[[...]]#`.
 */
export function literalTemplate(text: string): string {
  if (!/[#$]/.test(text)) return text;
  if (isJsonText(text)) return text.replace(/#/g, '\\u0023').replace(/\$/g, '\\u0024');
  return `#[[${text}]]#`;
}

function isJsonText(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
