import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { escapePointerToken, unescapePointerToken, type JsonValue } from '../json';
import { DESIGN_SCHEMA, resolveRef, type SchemaNode } from './design-schema';
import type { ValuePlace } from './parse-json';

let compiled: ValidateFunction | undefined;

/** Compiled on first use: compiling costs more than any one validation. */
function validator(): ValidateFunction {
  compiled ??= new Ajv2020({
    allErrors: true,
    verbose: true,
    discriminator: true,
    strict: true,
  }).compile(DESIGN_SCHEMA);
  return compiled;
}

/**
 * Checks a parsed design against `design.schema.json` and turns every violation
 * into one finding a person can act on: unknown fields become
 * `design.unknown-field` (with the allowed fields and a likely intended one),
 * everything else `design.schema`. Unions are discriminated by `kind`/`source`,
 * so a wrong field in a Lambda backend is reported against the Lambda backend
 * only, never against every kind it is not.
 */
export function schemaFindings(
  document: JsonValue,
  places: ReadonlyMap<string, ValuePlace>,
  file?: string,
): Diagnostic[] {
  const validate = validator();
  if (validate(document)) return [];
  const errors = relevantErrors(validate.errors ?? []);
  const findings: Diagnostic[] = [];
  const missing = new Map<string, ErrorObject[]>();
  for (const error of errors) {
    if (error.keyword === 'required') {
      const group = missing.get(error.instancePath) ?? [];
      group.push(error);
      missing.set(error.instancePath, group);
    } else {
      findings.push(describe(error, places, file));
    }
  }
  for (const [path, group] of missing) findings.push(describeMissing(path, group, places, file));
  return findings.sort(byPlace);
}

/**
 * A union whose tag is missing or not a string yields a `required` or `type`
 * error for the tag beside the discriminator's own error; the discriminator's
 * message says more, so the others are dropped.
 */
function relevantErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const tagPaths = new Set(
    errors
      .filter((e) => e.keyword === 'discriminator')
      .map((e) => `${e.instancePath}/${escapePointerToken(String(e.params.tag))}`),
  );
  return errors.filter((e) => {
    if (e.keyword === 'required')
      return !tagPaths.has(
        `${e.instancePath}/${escapePointerToken(String(e.params.missingProperty))}`,
      );
    return e.keyword === 'discriminator' || !tagPaths.has(e.instancePath);
  });
}

function describe(
  error: ErrorObject,
  places: ReadonlyMap<string, ValuePlace>,
  file: string | undefined,
): Diagnostic {
  const parent = (error.parentSchema ?? {}) as SchemaNode;
  const at = error.instancePath;
  switch (error.keyword) {
    case 'additionalProperties': {
      const field = String(error.params.additionalProperty);
      const allowed = Object.keys(parent.properties ?? {});
      return finding(
        'design.unknown-field',
        `Unknown field "${field}" in the ${nounFor(parent)} at ${placeName(at)}.${suggest(field, allowed)} Allowed fields: ${list(allowed)}.`,
        `${at}/${escapePointerToken(field)}`,
        places,
        file,
        'key',
      );
    }
    case 'discriminator': {
      const tag = String(error.params.tag);
      const tags = (parent.oneOf ?? []).map((b) => String(resolveRef(b).properties?.[tag]?.const));
      const value = (error.data as Record<string, JsonValue> | undefined)?.[tag];
      const noun = nounFor(parent);
      if (value === undefined) {
        return finding(
          'design.schema',
          `The ${noun} at ${placeName(at)} needs a "${tag}": one of ${list(tags)}.`,
          at,
          places,
          file,
        );
      }
      const tagAt = `${at}/${escapePointerToken(tag)}`;
      return finding(
        'design.schema',
        `${show(value)} at ${placeName(tagAt)} is not ${article(`${noun} ${tag}`)}.${suggest(value, tags)} Allowed: ${list(tags)}.`,
        tagAt,
        places,
        file,
      );
    }
    case 'type':
      return finding(
        'design.schema',
        `${placeName(at)} is ${show(error.data)} (${typeName(error.data)}); expected ${article(String(error.params.type))}${about(parent)}.`,
        at,
        places,
        file,
      );
    case 'enum': {
      const allowed = (error.params.allowedValues as JsonValue[]).map(String);
      return finding(
        'design.schema',
        `${placeName(at)} is ${show(error.data)}, which is not allowed.${suggest(error.data as JsonValue, allowed)} Allowed: ${list(allowed)}.`,
        at,
        places,
        file,
      );
    }
    case 'minimum':
    case 'maximum':
      return finding(
        'design.schema',
        `${placeName(at)} is ${show(error.data)}, too ${error.keyword === 'minimum' ? 'small' : 'large'}: it must be ${
          error.keyword === 'minimum' ? 'at least' : 'at most'
        } ${String(error.params.limit)}${about(parent)}.`,
        at,
        places,
        file,
      );
    case 'minLength':
      return finding(
        'design.schema',
        `${placeName(at)} is empty; give a value${about(parent)}.`,
        at,
        places,
        file,
      );
    case 'pattern':
      return finding(
        'design.schema',
        `${placeName(at)} is ${show(error.data)}, which is not of the expected form${about(parent)}.`,
        at,
        places,
        file,
      );
    case 'minProperties':
    case 'maxProperties':
      return finding(
        'design.schema',
        `${placeName(at)} has ${Object.keys(error.data as object).length} fields; the ${nounFor(parent)} takes ${
          error.keyword === 'minProperties' ? 'at least' : 'at most'
        } ${String(error.params.limit)}${about(parent)}.`,
        at,
        places,
        file,
      );
    default:
      return finding(
        'design.schema',
        `${placeName(at)} ${error.message ?? 'is not valid'}${about(parent)}.`,
        at,
        places,
        file,
      );
  }
}

function describeMissing(
  at: string,
  group: ErrorObject[],
  places: ReadonlyMap<string, ValuePlace>,
  file: string | undefined,
): Diagnostic {
  const parent = (group[0]!.parentSchema ?? {}) as SchemaNode;
  const fields = group.map((e) => String(e.params.missingProperty));
  const explained = fields.map((f) => {
    const property = parent.properties?.[f];
    const text = property && (property.description ?? resolveRef(property).description);
    return text ? `"${f}" (${clause(text)})` : `"${f}"`;
  });
  return finding(
    'design.schema',
    `The ${nounFor(parent)} at ${placeName(at)} is missing ${
      fields.length === 1 ? 'the required field' : 'the required fields'
    } ${explained.join(', ')}.`,
    at,
    places,
    file,
  );
}

function finding(
  code: 'design.schema' | 'design.unknown-field',
  message: string,
  at: string,
  places: ReadonlyMap<string, ValuePlace>,
  file: string | undefined,
  prefer: 'key' | 'value' = 'value',
): Diagnostic {
  const place = places.get(at) ?? nearestPlace(at, places);
  const position = prefer === 'key' ? (place?.key ?? place?.value) : place?.value;
  const operation = /^\/operations\/([^/]+)/.exec(at)?.[1];
  return diagnostic(code, message, {
    ...(file === undefined ? {} : { file }),
    pointer: at,
    ...(position ?? {}),
    ...(operation === undefined ? {} : { operation: unescapePointerToken(operation) }),
  });
}

/** The place of the closest enclosing value, for pointers whose value is absent. */
function nearestPlace(at: string, places: ReadonlyMap<string, ValuePlace>): ValuePlace | undefined {
  for (let p = at; p !== ''; p = p.slice(0, p.lastIndexOf('/'))) {
    const place = places.get(p);
    if (place) return place;
  }
  return places.get('');
}

function placeName(at: string): string {
  return at === '' ? 'the top level' : `\`${at}\``;
}

function list(values: readonly string[]): string {
  return values.map((v) => `"${v}"`).join(', ');
}

function suggest(value: JsonValue, allowed: readonly string[]): string {
  const match = typeof value === 'string' ? closest(value, allowed) : undefined;
  return match === undefined ? '' : ` Did you mean "${match}"?`;
}

/** What the object a schema describes is called in messages: its `title`. */
function nounFor(schema: SchemaNode): string {
  return schema.title ?? 'object';
}

/** The schema's description as a parenthesis, to end a sentence with. */
function about(schema: SchemaNode): string {
  return schema.description ? ` (${clause(schema.description)})` : '';
}

/** A description as a clause inside a sentence: no final full stop, lower-case start unless an acronym. */
function clause(text: string): string {
  const trimmed = text.replace(/\.$/, '');
  return /^[A-Z](?![A-Z])/.test(trimmed) ? trimmed[0]!.toLowerCase() + trimmed.slice(1) : trimmed;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  return article(typeof value);
}

function article(noun: string): string {
  return /^([aeiouAEIOU]|HTTP|NLB)/.test(noun) ? `an ${noun}` : `a ${noun}`;
}

/** The allowed word a misspelt one most likely meant: the same ignoring case, else the nearest within a few edits (a third of its length, at least two). */
function closest(word: string, options: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const sameCase = options.find((o) => o.toLowerCase() === lower);
  if (sameCase) return sameCase;
  let best: { option: string; distance: number } | undefined;
  for (const option of options) {
    const distance = editDistance(lower, option.toLowerCase());
    if (distance <= Math.max(2, Math.floor(word.length / 3)) && (!best || distance < best.distance))
      best = { option, distance };
  }
  return best?.option;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length]!;
}

function byPlace(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.location.line ?? 0) - (b.location.line ?? 0) ||
    (a.location.column ?? 0) - (b.location.column ?? 0) ||
    ((a.location.pointer ?? '') < (b.location.pointer ?? '')
      ? -1
      : (a.location.pointer ?? '') > (b.location.pointer ?? '')
        ? 1
        : 0)
  );
}
