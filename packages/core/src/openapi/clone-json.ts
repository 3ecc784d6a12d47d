import type { JsonValue } from '../json';

/**
 * A deep copy of a JSON value, for changing a part of the model or the design
 * without changing them (`structuredClone` is not in core's ES-only lib).
 */
export function cloneJson<T extends JsonValue>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => cloneJson(v)) as T;
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, JsonValue> = {};
    for (const [key, v] of Object.entries(value)) {
      // A parsed `__proto__` key is data; plain assignment would set the prototype instead.
      if (key === '__proto__')
        Object.defineProperty(copy, key, {
          value: cloneJson(v),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      else copy[key] = cloneJson(v);
    }
    return copy as T;
  }
  return value;
}
