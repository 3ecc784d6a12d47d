import { isJsonObject, unescapePointerToken, type JsonValue } from '../json';

/** The value an RFC 6901 pointer names in a document, or undefined when it names nothing. */
export function valueAt(root: JsonValue, ptr: string): JsonValue | undefined {
  if (ptr === '') return root;
  if (!ptr.startsWith('/')) return undefined;
  let value: JsonValue | undefined = root;
  // Token by token, with no array of them: rendering looks up every operation this way.
  for (let start = 1; start <= ptr.length;) {
    const slash = ptr.indexOf('/', start);
    const end = slash === -1 ? ptr.length : slash;
    const token = unescapePointerToken(ptr.slice(start, end));
    if (Array.isArray(value)) value = /^\d+$/.test(token) ? value[Number(token)] : undefined;
    else if (isJsonObject(value) && Object.hasOwn(value, token)) value = value[token];
    else return undefined;
    start = end + 1;
  }
  return value;
}
