import {
  exampleFromSchema,
  type HttpMethod,
  type JsonValue,
  type Operation,
} from '@gatewright/core';

/** The methods a request can be sent with (the server's "try" route takes these). */
export type TryMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH' | 'HEAD' | 'OPTIONS';

/**
 * The method to try an operation with: its own, GET for API Gateway's
 * any-method, undefined for TRACE (which API Gateway does not route).
 */
export function tryMethod(method: HttpMethod): TryMethod | undefined {
  if (method === 'trace') return undefined;
  if (method === 'x-amazon-apigateway-any-method') return 'GET';
  return method.toUpperCase() as TryMethod;
}

/** A "Try it" request as the person edits it: every part is text. */
export interface TryDraft {
  method: TryMethod;
  /** Under the stage, with path parameters filled in and the query: `/pets/7?full=true`. */
  path: string;
  /** One `Name: value` a line. */
  headers: string;
  body: string;
}

/**
 * A parameter's sample value: its example, else its schema's example, default
 * or first enum value; undefined when the model gives none.
 */
export function sampleValue(example: JsonValue | undefined, schema: JsonValue | undefined) {
  if (example !== undefined && example !== null) return textOf(example);
  if (schema && typeof schema === 'object' && !Array.isArray(schema)) {
    for (const candidate of [schema['example'], schema['default']]) {
      if (candidate !== undefined && candidate !== null) return textOf(candidate);
    }
    const choices = schema['enum'];
    if (Array.isArray(choices) && choices[0] !== undefined && choices[0] !== null)
      return textOf(choices[0]);
  }
  return undefined;
}

function textOf(value: JsonValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The request "Try it" starts from for an operation: path parameters filled
 * from the model's examples or defaults (else left as `{name}` for the person
 * to fill), the query parameters that are required or have an example, header
 * parameters with a sample, and the first request body example with its content
 * type (else one made from its schema).
 */
export function draftFor(operation: Operation): TryDraft {
  const path = operation.path.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const parameter = operation.parameters.find((p) => p.in === 'path' && p.name === name);
    const value = parameter && sampleValue(parameter.example, parameter.schema);
    return value === undefined ? whole : encodeURIComponent(value);
  });
  const query = operation.parameters
    .filter((p) => p.in === 'query')
    .flatMap((p) => {
      const value = sampleValue(p.example, p.schema);
      return value === undefined || (!p.required && p.example === undefined)
        ? []
        : [`${encodeURIComponent(p.name)}=${encodeURIComponent(value)}`];
    });
  const headers: string[] = operation.parameters.flatMap((p) => {
    const value = p.in === 'header' ? sampleValue(p.example, p.schema) : undefined;
    return value === undefined ? [] : [`${p.name}: ${value}`];
  });
  const content =
    operation.requestBody?.content.find((c) => c.hasExample) ?? operation.requestBody?.content[0];
  let body = '';
  if (content) {
    headers.unshift(`Content-Type: ${content.contentType}`);
    const example =
      content.example ??
      (content.schema !== undefined ? exampleFromSchema(content.schema) : undefined);
    if (example !== undefined)
      body = typeof example === 'string' ? example : JSON.stringify(example, null, 2);
  }
  return {
    method: tryMethod(operation.method) ?? 'GET',
    path: query.length > 0 ? `${path}?${query.join('&')}` : path,
    headers: headers.join('\n'),
    body,
  };
}

/** The header lines as a record, or the first line that is not `Name: value`. */
export function parseHeaders(
  text: string,
): { ok: true; headers: Record<string, string> } | { ok: false; line: number; message: string } {
  const headers: Record<string, string> = {};
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const match = /^\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!match)
      return {
        ok: false,
        line: index + 1,
        message: `Header line ${index + 1} ("${line.trim()}") is not "Name: value".`,
      };
    headers[match[1]!] = match[2]!.trim();
  }
  return { ok: true, headers };
}

/** A response body for reading: JSON indented, anything else as it came. */
export function prettyBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
