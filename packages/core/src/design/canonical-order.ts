import { isJsonObject, type JsonObject, type JsonValue } from '../json';
import { resolveRef, unionBranch, type SchemaNode } from './design-schema';

/**
 * A copy of `value` with its object keys in canonical order, driven by the
 * schema: an object the schema lists fields for gets them in the schema's order;
 * a map (ids, operation keys, headers) gets its keys sorted; a free-form object
 * (a raw integration) keeps the order it was written in. Fields the schema does
 * not know are kept, sorted after the known ones, so nothing is dropped.
 */
export function canonicalOrder(value: JsonValue, schema: SchemaNode): JsonValue {
  const node = resolveRef(schema);
  if (Array.isArray(value))
    return node.items ? value.map((item) => canonicalOrder(item, node.items!)) : value;
  if (!isJsonObject(value)) return value;
  const shape = unionBranch(node, value) ?? node;
  if (shape.properties) return orderFields(value, shape.properties);
  if (typeof shape.additionalProperties === 'object') {
    const member = shape.additionalProperties;
    return Object.fromEntries(
      sortedKeys(value).map((key) => [key, canonicalOrder(value[key]!, member)]),
    );
  }
  return value;
}

function orderFields(value: JsonObject, properties: Record<string, SchemaNode>): JsonObject {
  const known = Object.keys(properties).filter((key) => Object.hasOwn(value, key));
  const unknown = sortedKeys(value).filter((key) => !Object.hasOwn(properties, key));
  return Object.fromEntries([
    ...known.map((key): [string, JsonValue] => [
      key,
      canonicalOrder(value[key]!, properties[key]!),
    ]),
    ...unknown.map((key): [string, JsonValue] => [key, value[key]!]),
  ]);
}

/** Code-unit order, the same on every machine and locale. */
function sortedKeys(value: JsonObject): string[] {
  return Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
