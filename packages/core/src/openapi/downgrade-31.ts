import { diagnostic, type Diagnostic, type DiagnosticCode } from '../diagnostics';
import { isJsonObject, pointer, type JsonObject, type JsonValue } from '../json';
import { splitRef } from '../model/ref-paths';
import type { ApiModel } from '../model/types';
import { valueAt } from './json-pointer';

/**
 * The keywords an OpenAPI 3.0 Schema Object may hold (besides `x-` extensions).
 * A 3.1 schema is JSON Schema 2020-12, which allows any keyword; the 3.0
 * schema rejects the rest.
 */
const OPENAPI30_SCHEMA_KEYWORDS = new Set([
  'title',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxProperties',
  'minProperties',
  'required',
  'enum',
  'type',
  'not',
  'allOf',
  'oneOf',
  'anyOf',
  'items',
  'properties',
  'additionalProperties',
  'description',
  'format',
  'default',
  'nullable',
  'discriminator',
  'readOnly',
  'writeOnly',
  'example',
  'externalDocs',
  'deprecated',
  'xml',
]);

/** Keywords whose value is one schema. */
const SUBSCHEMA = ['not', 'additionalProperties', 'items'];
/** Keywords whose value is a list of schemas. */
const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf'];

/**
 * Rewrites an OpenAPI 3.1 document as 3.0.3, the newest version API Gateway
 * imports: `type: [X, 'null']` -> `type: X, nullable: true` (several types ->
 * `anyOf`, or beside an `anyOf` of the schema's own, an `allOf` of both),
 * `examples: [...]` in a schema -> `example`, `const` -> a one-value `enum`,
 * numeric `exclusiveMinimum`/`exclusiveMaximum` -> the 3.0 boolean form, an
 * empty or repeated `required` list -> none or a list without repeats, a
 * boolean schema -> `{}` or `{ not: {} }`, `$defs` entries -> schemas under
 * `components/schemas`, with the refs to them rewritten. What has no 3.0 form
 * (`webhooks`, `jsonSchemaDialect`, `components/pathItems`, `info.summary`,
 * `license.identifier`, schema keywords 3.0 does not know, such as
 * `prefixItems`) is dropped, and a ref into what was dropped is an error. A
 * `$ref` schema keeps what stands beside it: 3.0 ignores that. Each change is
 * a finding at its pointer in the model (with its line when the model has
 * it). Mutates `document`, which must be the caller's copy; path items must
 * already be inlined (`components/pathItems` goes).
 */
export function downgradeOpenApi31(document: JsonObject, model: ApiModel): Diagnostic[] {
  const findings: Diagnostic[] = [];
  const report = (code: DiagnosticCode, ptr: string, message: string): void => {
    findings.push(
      diagnostic(code, message, {
        ...(model.file !== undefined ? { file: model.file } : {}),
        pointer: ptr,
        ...(model.locate(ptr) ?? {}),
      }),
    );
  };
  const dropped = (ptr: string, what: string): void =>
    report(
      'render.openapi31-dropped',
      ptr,
      `${what} has no OpenAPI 3.0 form, so it is left out of the rendered document (API Gateway imports 3.0 only). Nothing to do unless you rely on it.`,
    );

  report(
    'render.openapi31-downgraded',
    '/openapi',
    `OpenAPI ${String(document.openapi)} is rendered as 3.0.3, the newest version API Gateway imports.`,
  );
  document.openapi = '3.0.3';
  for (const key of ['webhooks', 'jsonSchemaDialect', '$schema']) {
    if (key in document) {
      dropped(pointer(key), `'${key}'`);
      delete document[key];
    }
  }
  const info = document.info;
  if (isJsonObject(info)) {
    if ('summary' in info) {
      dropped('/info/summary', `'info.summary'`);
      delete info.summary;
    }
    if (isJsonObject(info.license) && 'identifier' in info.license) {
      dropped('/info/license/identifier', `'info.license.identifier'`);
      delete info.license.identifier;
    }
  }
  if (!isJsonObject(document.paths)) document.paths = {};
  const components = document.components;
  if (isJsonObject(components) && 'pathItems' in components) {
    dropped('/components/pathItems', `'components.pathItems'`);
    delete components.pathItems;
  }
  const schemas = isJsonObject(components) ? components.schemas : undefined;
  /** Component schema names, so `$defs` entries moved beside them get names of their own. */
  const taken = new Set(isJsonObject(schemas) ? Object.keys(schemas) : []);
  /** Where each moved `$defs` entry stood in the model -> where it stands now. */
  const moved = new Map<string, string>();
  /** Every schema `$ref`, with its pointer in the model, to rewrite and check once all is moved. */
  const refs: { holder: JsonObject; ptr: string }[] = [];
  if (isJsonObject(schemas)) {
    for (const [name, schema] of Object.entries(schemas))
      schemas[name] = downgradeSchema(schema, pointer('components', 'schemas', name));
  }
  walk(document, '');
  for (const { holder, ptr } of refs) repointRef(holder, ptr);
  return findings;

  /** Finds the `schema` values outside `components/schemas`; example values are data and are not entered. */
  function walk(value: JsonValue, ptr: string): void {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${ptr}/${i}`));
    if (!isJsonObject(value)) return;
    for (const [key, child] of Object.entries(value)) {
      const childPtr = `${ptr}${pointer(key)}`;
      if (key === 'schema') value[key] = downgradeSchema(child, childPtr);
      else if (
        key !== 'example' &&
        key !== 'examples' &&
        !key.startsWith('x-') &&
        childPtr !== '/components/schemas'
      )
        walk(child, childPtr);
    }
  }

  /**
   * Returns the 3.0 form of `schema` (a new object only for a boolean schema,
   * which 3.0 does not have). Subschemas go first, while they still stand
   * where the model has them, so their findings point into the model.
   */
  function downgradeSchema(schema: JsonValue, ptr: string): JsonValue {
    if (typeof schema === 'boolean') {
      const replacement: JsonObject = schema ? {} : { not: {} };
      report(
        'render.openapi31-downgraded',
        ptr,
        `The boolean schema '${schema}' is rendered as ${JSON.stringify(replacement)}.`,
      );
      return replacement;
    }
    if (!isJsonObject(schema)) return schema;
    if ('$defs' in schema) moveDefs(schema, ptr);
    if (typeof schema.$ref === 'string') refs.push({ holder: schema, ptr });
    const properties = schema.properties;
    if (isJsonObject(properties)) {
      for (const [name, sub] of Object.entries(properties))
        properties[name] = downgradeSchema(sub, `${ptr}/properties${pointer(name)}`);
    }
    for (const key of SUBSCHEMA) {
      // 3.0 has the boolean form of `additionalProperties`, and only of it.
      if (key in schema && !(key === 'additionalProperties' && typeof schema[key] === 'boolean'))
        schema[key] = downgradeSchema(schema[key]!, `${ptr}/${key}`);
    }
    for (const key of SUBSCHEMA_LISTS) {
      const list = schema[key];
      if (Array.isArray(list))
        list.forEach((sub, i) => (list[i] = downgradeSchema(sub, `${ptr}/${key}/${i}`)));
    }
    const type = schema.type;
    if (Array.isArray(type) || type === 'null') {
      const types = (Array.isArray(type) ? type : [type]).filter(
        (t): t is string => typeof t === 'string',
      );
      const nonNull = types.filter((t) => t !== 'null');
      const replacement: JsonObject = {};
      if (nonNull.length === 1) replacement.type = nonNull[0]!;
      else if (nonNull.length > 1) {
        const anyOf = nonNull.map((t) => ({ type: t }));
        if (Array.isArray(schema.anyOf)) {
          // Both must hold: the schema's own alternatives and one of the types.
          const allOf = Array.isArray(schema.allOf) ? schema.allOf : [];
          replacement.allOf = [...allOf, { anyOf: schema.anyOf }, { anyOf }];
          delete schema.anyOf;
          delete schema.allOf;
        } else replacement.anyOf = anyOf;
      }
      if (nonNull.length < types.length) replacement.nullable = true;
      replaceKey(schema, 'type', replacement);
      const rewritten = Object.entries(replacement)
        .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
        .join(', ');
      report(
        'render.openapi31-downgraded',
        `${ptr}/type`,
        `type ${JSON.stringify(type)} is rendered as ${rewritten || 'no type'}.`,
      );
    }
    if (Array.isArray(schema.examples)) {
      const first = schema.examples[0];
      replaceKey(
        schema,
        'examples',
        'example' in schema || first === undefined ? {} : { example: first },
      );
      report(
        'render.openapi31-downgraded',
        `${ptr}/examples`,
        `The schema's 'examples' list is rendered as 'example' (its first entry).`,
      );
    }
    if ('const' in schema) {
      replaceKey(schema, 'const', 'enum' in schema ? {} : { enum: [schema.const!] });
      report(
        'render.openapi31-downgraded',
        `${ptr}/const`,
        `'const' is rendered as a one-value 'enum'.`,
      );
    }
    exclusiveBound(schema, ptr, 'exclusiveMinimum', 'minimum', (a, b) => a >= b);
    exclusiveBound(schema, ptr, 'exclusiveMaximum', 'maximum', (a, b) => a <= b);
    const required = schema.required;
    if (Array.isArray(required)) {
      const unique = [...new Set(required)];
      if (unique.length === 0 || unique.length < required.length) {
        if (unique.length === 0) replaceKey(schema, 'required', {});
        else schema.required = unique;
        const how =
          unique.length === 0
            ? 'left out (it is empty, which 3.0 does not allow)'
            : 'rendered without its repeated names';
        report('render.openapi31-downgraded', `${ptr}/required`, `'required' is ${how}.`);
      }
    }
    if (!('$ref' in schema)) {
      for (const key of Object.keys(schema)) {
        if (OPENAPI30_SCHEMA_KEYWORDS.has(key) || key.startsWith('x-')) continue;
        dropped(`${ptr}${pointer(key)}`, `The schema keyword '${key}'`);
        delete schema[key];
      }
    }
    return schema;
  }

  /**
   * 3.0 has no `$defs`, but refs may point into them: each entry moves to
   * `components/schemas` under its own name (`2`, `3`... appended when taken,
   * in the order met, so names are stable), and `repointRef` follows it.
   */
  function moveDefs(schema: JsonObject, ptr: string): void {
    const defs = schema.$defs;
    delete schema.$defs;
    if (!isJsonObject(defs)) {
      dropped(`${ptr}/$defs`, `'$defs' that is not an object`);
      return;
    }
    const root = document.components;
    const components = isJsonObject(root) ? root : (document.components = {});
    const existing = components.schemas;
    const target = isJsonObject(existing) ? existing : (components.schemas = {});
    for (const [name, def] of Object.entries(defs)) {
      const from = `${ptr}/$defs${pointer(name)}`;
      const base = name.replace(/[^A-Za-z0-9._-]/g, '_') || 'Schema';
      let unique = base;
      for (let i = 2; taken.has(unique); i++) unique = `${base}${i}`;
      taken.add(unique);
      moved.set(from, pointer('components', 'schemas', unique));
      // Placed before it is downgraded, so its own `$defs` come after it.
      target[unique] = {};
      target[unique] = downgradeSchema(def, from);
      report(
        'render.openapi31-downgraded',
        from,
        `The '$defs' entry '${name}' is rendered as components/schemas/${unique}, and refs to it are rewritten.`,
      );
    }
  }

  /**
   * Points a ref into a moved `$defs` entry at the entry's new place; a ref
   * that resolved in the model but names nothing in the 3.0 document (into a
   * dropped keyword) is an error, since API Gateway refuses a dangling ref.
   */
  function repointRef(holder: JsonObject, ptr: string): void {
    const ref = holder.$ref as string;
    if (!ref.startsWith('#')) return;
    const { fragment } = splitRef(ref);
    let from = '';
    for (const candidate of moved.keys()) {
      const inside = fragment === candidate || fragment.startsWith(`${candidate}/`);
      if (inside && candidate.length > from.length) from = candidate;
    }
    if (from !== '') holder.$ref = `#${encodeURI(moved.get(from)! + fragment.slice(from.length))}`;
    const target = splitRef(holder.$ref as string).fragment;
    if (valueAt(document, target) !== undefined || valueAt(model.document, fragment) === undefined)
      return;
    report(
      'render.openapi31-dangling-ref',
      `${ptr}/$ref`,
      `The $ref '${ref}' points at a 3.1 construct that OpenAPI 3.0 has no place for, so the rendered document would name nothing there. Point it at a schema under components/schemas instead.`,
    );
  }

  /** 3.1's numeric `exclusiveMinimum: n` -> 3.0's `minimum: n, exclusiveMinimum: true`, unless `minimum` is already tighter. */
  function exclusiveBound(
    schema: JsonObject,
    ptr: string,
    exclusiveKey: string,
    inclusiveKey: string,
    tighter: (a: number, b: number) => boolean,
  ): void {
    const bound = schema[exclusiveKey];
    if (typeof bound !== 'number') return;
    const inclusive = schema[inclusiveKey];
    if (typeof inclusive === 'number' && inclusive !== bound && tighter(inclusive, bound)) {
      delete schema[exclusiveKey];
    } else if (typeof inclusive === 'number') {
      schema[inclusiveKey] = bound;
      schema[exclusiveKey] = true;
    } else {
      replaceKey(schema, exclusiveKey, { [inclusiveKey]: bound, [exclusiveKey]: true });
    }
    report(
      'render.openapi31-downgraded',
      `${ptr}/${exclusiveKey}`,
      `'${exclusiveKey}: ${bound}' is rendered as '${inclusiveKey}: ${schema[inclusiveKey]}'${schema[exclusiveKey] === true ? `, '${exclusiveKey}: true'` : ''}.`,
    );
  }
}

/** Replaces `key` by the entries of `replacement`, where `key` stood, so the schema keeps its key order. Mutates `target`. */
function replaceKey(target: JsonObject, key: string, replacement: JsonObject): void {
  const entries = Object.entries(target);
  for (const [k] of entries) delete target[k];
  for (const [k, v] of entries) {
    if (k !== key) target[k] ??= v;
    else for (const [rk, rv] of Object.entries(replacement)) target[rk] = rv;
  }
}
