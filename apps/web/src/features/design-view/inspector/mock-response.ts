import {
  exampleFromSchema,
  type JsonValue,
  type MockResponse,
  type Operation,
} from '@gatewright/core';

export type DocumentedMock = Extract<MockResponse, { source: 'documented' }>;
export type CustomMock = Extract<MockResponse, { source: 'custom' }>;

/** A documented response as the mock form shows it. */
export interface DocumentedExample {
  status: string;
  description?: string;
  /** Every content type the response documents. */
  contentTypes: string[];
  /** The one shown: the chosen one, else the first. */
  contentType?: string;
  /** The body text the mock answers with. */
  body?: string;
  /** Where the body comes from. */
  origin: 'example' | 'schema' | 'none';
}

/**
 * What a documented mock answers with: the response's example, else one made
 * from its schema, as core's mock renders it (JSON text, or a string example
 * as is for a non-JSON type). Pretty-printed here, since it is read by people.
 */
export function documentedExample(
  operation: Pick<Operation, 'responses'>,
  status: string,
  contentType?: string,
): DocumentedExample | undefined {
  const response = operation.responses.find((r) => r.status.toUpperCase() === status.toUpperCase());
  if (!response) return undefined;
  const content =
    response.content.find((c) => c.contentType === contentType) ?? response.content[0];
  const base = {
    status: response.status,
    contentTypes: response.content.map((c) => c.contentType),
    ...(response.description !== undefined && { description: response.description }),
    ...(content && { contentType: content.contentType }),
  };
  if (!content) return { ...base, origin: 'none' };
  const value: JsonValue | undefined = content.hasExample
    ? (content.example ?? null)
    : content.schema !== undefined
      ? exampleFromSchema(content.schema)
      : undefined;
  if (value === undefined) return { ...base, origin: 'none' };
  const body =
    typeof value === 'string' && !isJsonMediaType(content.contentType)
      ? value
      : JSON.stringify(value, null, 2);
  return { ...base, body, origin: content.hasExample ? 'example' : 'schema' };
}

/** A JSON content type: `application/json`, `application/problem+json`. */
export function isJsonMediaType(contentType: string): boolean {
  return /^application\/(.+\+)?json\b/i.test(contentType);
}

/**
 * What is wrong with a custom mock's body, or undefined: a JSON content type
 * needs a body that parses, since clients will parse it.
 */
export function customBodyProblem(body: string, contentType: string): string | undefined {
  if (body.trim() === '' || !isJsonMediaType(contentType)) return undefined;
  try {
    JSON.parse(body);
    return undefined;
  } catch (error) {
    return `The body is not valid JSON (${error instanceof Error ? error.message : String(error)}); fix it or choose another content type.`;
  }
}

/** What a status field holds: a whole number from 100 to 599, or why not. */
export function parseStatusCode(text: string): number | string {
  const trimmed = text.trim();
  if (!/^\d{3}$/.test(trimmed) || Number(trimmed) < 100 || Number(trimmed) > 599)
    return `"${text}" is not an HTTP status; use a number from 100 to 599, such as 200.`;
  return Number(trimmed);
}

/** The last of each kind a person had, so switching modes back and forth loses nothing. */
export interface MockMemory {
  documented?: DocumentedMock;
  custom?: CustomMock;
}

/**
 * The mock after switching to `mode`: what the person had in that mode before,
 * else a start made from what is shown now (a custom mock starts as a copy of
 * the documented answer; a documented one picks the first success response).
 */
export function switchMockMode(
  current: MockResponse,
  mode: MockResponse['source'],
  memory: MockMemory,
  operation: Pick<Operation, 'responses'>,
): MockResponse {
  if (current.source === mode) return current;
  if (mode === 'documented') {
    if (memory.documented) return memory.documented;
    const first = operation.responses.find((r) => /^2/.test(r.status)) ?? operation.responses[0];
    return { source: 'documented', status: first?.status ?? '200' };
  }
  if (memory.custom) return memory.custom;
  if (current.source === 'custom') return current;
  const shown = documentedExample(operation, current.status, current.contentType);
  const statusCode = /^\d{3}$/.test(current.status) ? Number(current.status) : 200;
  return {
    source: 'custom',
    statusCode,
    body: shown?.body ?? '{}',
    contentType: shown?.contentType ?? 'application/json',
  };
}
