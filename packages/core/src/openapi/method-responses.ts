import { isJsonObject, type JsonObject } from '../json';
import { splitRef } from '../model/ref-paths';
import type { SpecVersion } from '../model/types';
import { cloneJson } from './clone-json';
import { valueAt } from './json-pointer';

const HEADER_PARAMETER = /^method\.response\.header\.(.+)$/;

/**
 * API Gateway accepts an integration response only for a status the method
 * documents, and a `method.response.header.X` mapping only for a header that
 * response documents. So, for each integration response, the operation's
 * response for its status is added when missing, and each mapped header is
 * added to it. A response that is a `$ref` is replaced by a copy of what it
 * names before a header is added, so shared components stay as written.
 * Mutates `operation`, never what is under it.
 */
export function documentIntegrationResponses(
  operation: JsonObject,
  integration: JsonObject,
  document: JsonObject,
  specVersion: SpecVersion,
): void {
  const responses = integration.responses;
  if (!isJsonObject(responses)) return;
  for (const response of Object.values(responses)) {
    if (!isJsonObject(response) || typeof response.statusCode !== 'string') continue;
    const headers = Object.keys(
      isJsonObject(response.responseParameters) ? response.responseParameters : {},
    )
      .map((key) => HEADER_PARAMETER.exec(key)?.[1])
      .filter((name): name is string => name !== undefined);
    addMethodResponse(operation, response.statusCode, headers, document, specVersion);
  }
}

/**
 * Makes sure `operation` documents `status` with each of `headers` (string-typed).
 * Mutates `operation` only: its responses map and the response changed are
 * copies, since what is under an operation is shared with the model.
 */
function addMethodResponse(
  operation: JsonObject,
  status: string,
  headers: string[],
  document: JsonObject,
  specVersion: SpecVersion,
): void {
  const responses = isJsonObject(operation.responses) ? operation.responses : {};
  const written = responses[status];
  let response: JsonObject = isJsonObject(written)
    ? written
    : { description: `Status ${status}, as the integration answers` };
  const missing = headers.filter((name) => !documentsHeader(response, name, document));
  if (missing.length > 0) {
    if (typeof response.$ref === 'string') {
      const target = response.$ref.startsWith('#')
        ? valueAt(document, splitRef(response.$ref).fragment)
        : undefined;
      response = isJsonObject(target) ? cloneJson(target) : { description: `Status ${status}` };
    } else {
      response = { ...response };
    }
    const documented: JsonObject = isJsonObject(response.headers) ? { ...response.headers } : {};
    for (const name of missing)
      documented[name] =
        specVersion === '2.0' ? { type: 'string' } : { schema: { type: 'string' } };
    response.headers = documented;
  }
  if (response !== written) operation.responses = { ...responses, [status]: response };
}

function documentsHeader(response: JsonObject, name: string, document: JsonObject): boolean {
  let target: JsonObject = response;
  if (typeof response.$ref === 'string' && response.$ref.startsWith('#')) {
    const found = valueAt(document, splitRef(response.$ref).fragment);
    if (isJsonObject(found)) target = found;
  }
  return (
    isJsonObject(target.headers) &&
    Object.keys(target.headers).some((h) => h.toLowerCase() === name.toLowerCase())
  );
}
