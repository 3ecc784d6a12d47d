import { isJsonObject, unescapePointerToken, type JsonValue } from '../json';

/** The value an RFC 6901 pointer names in a document, or undefined when it names nothing. */
export function valueAt(root: JsonValue, ptr: string): JsonValue | undefined {
  if (ptr === '') return root;
  if (!ptr.startsWith('/')) return undefined;
  let value: JsonValue | undefined = root;
  for (const token of ptr.slice(1).split('/').map(unescapePointerToken)) {
    if (Array.isArray(value)) value = /^\d+$/.test(token) ? value[Number(token)] : undefined;
    else if (isJsonObject(value) && Object.hasOwn(value, token)) value = value[token];
    else return undefined;
  }
  return value;
}
