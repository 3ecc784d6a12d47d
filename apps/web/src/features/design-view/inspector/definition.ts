import { isJsonObject, type JsonObject, type JsonValue, type Operation } from '@gatewright/core';

/** What API Gateway gets for one operation, as the rendered document has it. */
export interface OperationDefinition {
  key: string;
  /** The operation's API Gateway extensions and security, keyed as in the document. */
  definition: JsonObject;
  /** The `options` operation CORS adds to the path, when the model has none of its own. */
  preflight?: JsonObject;
}

/**
 * The rendered parts of one operation: its `x-amazon-apigateway-*` fields and
 * `security` (authorizers), plus the CORS preflight rendering added to its
 * path. Read from the whole rendered document, so it is exactly what
 * `renderOpenApi` writes.
 */
export function operationDefinition(
  document: JsonObject,
  operation: Pick<Operation, 'key' | 'pointer' | 'path'>,
  modelOperationKeys: ReadonlySet<string>,
): OperationDefinition {
  const target = valueAt(document, operation.pointer);
  const definition: JsonObject = {};
  if (isJsonObject(target)) {
    for (const [name, value] of Object.entries(target)) {
      if (name === 'security' || name.startsWith('x-amazon-apigateway-')) definition[name] = value;
    }
  }
  const result: OperationDefinition = { key: operation.key, definition };
  const paths = document['paths'];
  const pathItem = isJsonObject(paths) ? paths[operation.path] : undefined;
  const options = isJsonObject(pathItem) ? pathItem['options'] : undefined;
  if (isJsonObject(options) && !modelOperationKeys.has(`OPTIONS ${operation.path}`)) {
    const integration = options['x-amazon-apigateway-integration'];
    if (integration !== undefined)
      result.preflight = { 'x-amazon-apigateway-integration': integration };
  }
  return result;
}

/** A definition as the Definition tab shows it: one document keyed by the operation. */
export function definitionDocument(definitions: readonly OperationDefinition[]): JsonObject {
  const shown: JsonObject = {};
  for (const { key, definition, preflight } of definitions) {
    shown[key] = Object.keys(definition).length > 0 ? definition : null;
    if (preflight) shown[`${key} · CORS preflight (OPTIONS)`] = preflight;
  }
  return shown;
}

function valueAt(document: JsonValue, pointer: string): JsonValue | undefined {
  if (pointer === '') return document;
  let current: JsonValue | undefined = document;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) current = current[Number(token)];
    else if (isJsonObject(current)) current = current[token];
    else return undefined;
  }
  return current;
}
