/** Plain JSON values, as parsed from a model or design file. */
export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** RFC 6901: `~` -> `~0`, `/` -> `~1`. */
export function escapePointerToken(token: string): string {
  // Most tokens need no escaping; pointers are built for every operation and finding.
  if (!token.includes('~') && !token.includes('/')) return token;
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapePointerToken(token: string): string {
  if (!token.includes('~')) return token;
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function pointer(...tokens: readonly (string | number)[]): string {
  let result = '';
  for (const token of tokens) result += '/' + escapePointerToken(String(token));
  return result;
}
