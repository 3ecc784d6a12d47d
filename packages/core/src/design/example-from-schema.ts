import { isJsonObject, type JsonObject, type JsonValue } from '../json';

/**
 * Nesting deeper than this is cut short: objects keep only their required
 * properties and arrays shrink to their minimum. Examples stay readable and
 * small (a mock body is a mapping template, capped at 300 KB; real schemas
 * such as Stripe's nest expandable objects many levels deep) and valid.
 */
const MAX_DEPTH = 3;
/**
 * A schema that requires its own kind all the way down (through shared
 * objects rather than a `$ref`) has no finite example; past this depth it
 * gets `null`, so generation always ends.
 */
const HARD_DEPTH_LIMIT = 32;

/** Sample strings per `format`, each valid for that format. */
const FORMAT_SAMPLES: Record<string, string> = {
  'date-time': '2024-01-01T00:00:00Z',
  date: '2024-01-01',
  time: '12:00:00Z',
  duration: 'P1D',
  email: 'user@example.com',
  'idn-email': 'user@example.com',
  hostname: 'example.com',
  'idn-hostname': 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  uri: 'https://example.com',
  'uri-reference': 'https://example.com',
  iri: 'https://example.com',
  url: 'https://example.com',
  uuid: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
  byte: 'c3RyaW5n',
  binary: 'string',
  password: 'string',
  regex: '^.*$',
};

/**
 * A value for a schema, for mock responses: the schema's own `example`,
 * `examples[0]`, `default`, `const` or first `enum` value when it has one,
 * otherwise a value built from its type and constraints (formats, lengths,
 * bounds, `multipleOf`, item and property counts). `allOf` branches are merged;
 * `oneOf`/`anyOf` take their first branch; OpenAPI 3.1 `type` arrays take
 * their first type other than `null`. `pattern` is not honoured (no regex
 * inversion). The schema must have its `$ref`s resolved; a `$ref` left at a
 * cycle point gives `null` (or is left out when the property is optional).
 * Deterministic: the same schema always gives the same value.
 */
export function exampleFromSchema(schema: JsonValue): JsonValue {
  return generate(schema, 0, 0);
}

function generate(schema: JsonValue, depth: number, variant: number): JsonValue {
  if (!isJsonObject(schema) || depth > HARD_DEPTH_LIMIT) return null;
  const s = flatten(schema);
  const given = givenValue(s, variant);
  if (given !== undefined) return given;
  switch (typeOf(s)) {
    case 'object':
      return objectExample(s, depth);
    case 'array':
      return arrayExample(s, depth);
    case 'string':
      return stringExample(s, variant);
    case 'integer':
      return numberExample(s, true, variant);
    case 'number':
      return numberExample(s, false, variant);
    case 'boolean':
      return variant % 2 === 1;
    default:
      return null;
  }
}

/** The schema with `allOf` merged in and the first `oneOf`/`anyOf` branch applied. */
function flatten(schema: JsonObject): JsonObject {
  let result: JsonObject = { ...schema };
  const allOf = result.allOf;
  if (Array.isArray(allOf)) {
    delete result.allOf;
    for (const part of allOf) if (isJsonObject(part)) result = merge(result, flatten(part));
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    const branches = result[key];
    if (Array.isArray(branches)) {
      delete result[key];
      const first = branches.find(isJsonObject);
      if (first) result = merge(result, flatten(first));
    }
  }
  return result;
}

/** Merges two schemas for `allOf`: properties and `required` unite; other keywords: the later one wins. */
function merge(a: JsonObject, b: JsonObject): JsonObject {
  const merged: JsonObject = { ...a, ...b };
  if (isJsonObject(a.properties) || isJsonObject(b.properties)) {
    merged.properties = { ...asObject(a.properties), ...asObject(b.properties) };
  }
  if (Array.isArray(a.required) || Array.isArray(b.required)) {
    merged.required = [...new Set([...asArray(a.required), ...asArray(b.required)])];
  }
  return merged;
}

function givenValue(s: JsonObject, variant: number): JsonValue | undefined {
  if ('const' in s) return s.const;
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum[variant % s.enum.length];
  if (variant === 0) {
    if ('example' in s) return s.example;
    if (Array.isArray(s.examples) && s.examples.length > 0) return s.examples[0];
    if ('default' in s) return s.default;
  }
  return undefined;
}

function typeOf(s: JsonObject): string | undefined {
  const type = s.type;
  if (typeof type === 'string') return type === 'null' ? undefined : type;
  if (Array.isArray(type))
    return type.find((t): t is string => typeof t === 'string' && t !== 'null');
  if (
    isJsonObject(s.properties) ||
    s.additionalProperties !== undefined ||
    Array.isArray(s.required)
  )
    return 'object';
  if (s.items !== undefined) return 'array';
  if (typeof s.minimum === 'number' || typeof s.maximum === 'number') return 'number';
  if (
    typeof s.format === 'string' ||
    typeof s.minLength === 'number' ||
    typeof s.maxLength === 'number'
  )
    return 'string';
  return undefined;
}

function objectExample(s: JsonObject, depth: number): JsonObject {
  const properties = asObject(s.properties);
  const required = new Set(asArray(s.required).filter((r): r is string => typeof r === 'string'));
  const maxProperties = typeof s.maxProperties === 'number' ? s.maxProperties : Infinity;
  const result: JsonObject = {};
  const names = [...required, ...Object.keys(properties).filter((n) => !required.has(n))];
  for (const name of names) {
    const optional = !required.has(name);
    if (optional && (depth >= MAX_DEPTH || Object.keys(result).length >= maxProperties)) continue;
    const propertySchema = properties[name];
    if (
      optional &&
      isJsonObject(propertySchema) &&
      (propertySchema.$ref !== undefined || propertySchema.writeOnly === true)
    )
      continue;
    const fallback = isJsonObject(s.additionalProperties) ? s.additionalProperties : {};
    result[name] = generate(propertySchema ?? fallback, depth + 1, 0);
  }
  const minProperties = typeof s.minProperties === 'number' ? s.minProperties : 0;
  const extra = s.additionalProperties;
  const wantsExtra =
    isJsonObject(extra) && Object.keys(properties).length === 0 && depth < MAX_DEPTH ? 1 : 0;
  for (
    let i = 1;
    extra !== false && Object.keys(result).length < Math.max(minProperties, wantsExtra);
    i++
  ) {
    const name = `additionalProp${i}`;
    if (!(name in result))
      result[name] = generate(isJsonObject(extra) ? extra : {}, depth + 1, i - 1);
  }
  return sortRequiredFirst(result, properties);
}

/** Generated objects list properties in the schema's order, whatever order they were filled in. */
function sortRequiredFirst(result: JsonObject, properties: JsonObject): JsonObject {
  const ordered: JsonObject = {};
  for (const name of Object.keys(properties)) if (name in result) ordered[name] = result[name]!;
  for (const [name, value] of Object.entries(result)) if (!(name in ordered)) ordered[name] = value;
  return ordered;
}

function arrayExample(s: JsonObject, depth: number): JsonValue[] {
  const minItems = typeof s.minItems === 'number' ? s.minItems : 0;
  const maxItems = typeof s.maxItems === 'number' ? s.maxItems : Infinity;
  const count = depth >= MAX_DEPTH ? minItems : Math.min(Math.max(minItems, 1), maxItems);
  const items = isJsonObject(s.items) ? s.items : {};
  // Distinct variants keep `uniqueItems` arrays valid for enums, strings, numbers and booleans.
  return Array.from({ length: count }, (_, i) =>
    generate(items, depth + 1, s.uniqueItems === true ? i : 0),
  );
}

function stringExample(s: JsonObject, variant: number): string {
  const format = typeof s.format === 'string' ? FORMAT_SAMPLES[s.format] : undefined;
  const base = format ?? 'string';
  const sample = variant === 0 || format !== undefined ? base : `${base}${variant}`;
  const minLength = typeof s.minLength === 'number' ? s.minLength : 0;
  const maxLength = typeof s.maxLength === 'number' ? s.maxLength : Infinity;
  if (format !== undefined) return sample;
  const padded =
    sample.length < minLength ? sample + 'x'.repeat(minLength - sample.length) : sample;
  return padded.length > maxLength ? padded.slice(padded.length - maxLength) : padded;
}

function numberExample(s: JsonObject, integer: boolean, variant: number): number {
  const [low, lowExclusive] = bound(s, 'minimum', 'exclusiveMinimum', Math.max);
  const [high, highExclusive] = bound(s, 'maximum', 'exclusiveMaximum', Math.min);
  const multipleOf =
    typeof s.multipleOf === 'number' && s.multipleOf > 0 ? s.multipleOf : undefined;
  if (integer || multipleOf !== undefined) {
    // Count in steps of `multipleOf` (or 1): the first allowed step from the bottom, capped at the top.
    const step = multipleOf ?? 1;
    let first = low === undefined ? 0 : Math.ceil(low / step);
    if (low !== undefined && lowExclusive && first * step === low) first += 1;
    let last = high === undefined ? Infinity : Math.floor(high / step);
    if (high !== undefined && highExclusive && last * step === high) last -= 1;
    if (low === undefined) first = Math.min(first, last);
    return Math.min(first + variant, last) * step;
  }
  if (low !== undefined && high !== undefined) {
    return lowExclusive || highExclusive
      ? low + ((high - low) * (variant + 1)) / (variant + 2)
      : Math.min(low + variant, high);
  }
  if (low !== undefined) return low + (lowExclusive ? 1 : 0) + variant;
  if (high !== undefined) return Math.min(0, high - (highExclusive ? 1 : 0)) - variant;
  return variant;
}

/**
 * The tighter of a keyword's inclusive bound and its exclusive one, in both the
 * OpenAPI 3.0 form (`exclusiveMinimum: true` beside `minimum`) and the 3.1 form
 * (`exclusiveMinimum: 3`). Returns the bound and whether it is exclusive.
 */
function bound(
  s: JsonObject,
  inclusiveKey: 'minimum' | 'maximum',
  exclusiveKey: 'exclusiveMinimum' | 'exclusiveMaximum',
  tighter: (a: number, b: number) => number,
): [number | undefined, boolean] {
  const inclusive = typeof s[inclusiveKey] === 'number' ? (s[inclusiveKey] as number) : undefined;
  const exclusive = s[exclusiveKey];
  if (typeof exclusive === 'number') {
    if (inclusive === undefined || tighter(inclusive, exclusive) === exclusive)
      return [exclusive, true];
    return [inclusive, false];
  }
  return [inclusive, exclusive === true && inclusive !== undefined];
}

function asObject(value: JsonValue | undefined): JsonObject {
  return isJsonObject(value) ? value : {};
}

function asArray(value: JsonValue | undefined): JsonValue[] {
  return Array.isArray(value) ? value : [];
}
