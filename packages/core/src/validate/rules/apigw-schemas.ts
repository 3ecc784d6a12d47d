import { diagnostic, type Diagnostic, type DiagnosticCode } from '../../diagnostics';
import { isJsonObject, type JsonValue } from '../../json';
import type { RuleContext } from '../context';
import { pointerOf, type Place } from '../document-place';
import { resolveRelative, splitRef } from '../../model/ref-paths';
import { valueAt } from '../../openapi/json-pointer';

/** Keywords API Gateway does not support in models. */
const UNSUPPORTED = new Set(['discriminator', 'oneOf', 'anyOf', 'not', 'additionalProperties']);
/** Keywords API Gateway ignores in models: harmless, but nothing enforces them. */
const IGNORED = new Set(['example', 'exclusiveMinimum', 'readOnly']);

/** Keywords whose value maps names to subschemas. */
const SCHEMA_MAPS = new Set([
  'properties',
  'patternProperties',
  'definitions',
  '$defs',
  'dependentSchemas',
  'dependencies',
]);
/** Keywords whose value is a list of subschemas. */
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items']);
/** Keywords whose value is one subschema. */
const SCHEMA_VALUES = new Set([
  'items',
  'not',
  'additionalProperties',
  'additionalItems',
  'contains',
  'propertyNames',
  'if',
  'then',
  'else',
  'unevaluatedItems',
  'unevaluatedProperties',
  'contentSchema',
]);

interface SchemaPlace extends Place {
  parent: SchemaPlace | undefined;
  /** True where the value is a schema; false in the rest of the document. */
  inSchema: boolean;
  /** For places in a file an external `$ref` reached: that file, and the pointer the walk started at. */
  origin: { file: string; base: string } | undefined;
}

/**
 * Schema constructs API Gateway does not support or ignores in models, in
 * `components/schemas` (3.x), `definitions` (2.0) and every inline `schema`.
 * One walk of the document, each schema reported at its own place once,
 * however many operations use it, with all its keywords in one finding.
 * Internal `$ref`s are not followed (the walk reaches their targets anyway);
 * external ones are, each target once, so multi-file models are covered.
 * Example values and `x-` extensions are data, not schemas, and are skipped.
 */
export function apigwSchemas({ model, modelAt }: RuleContext): Diagnostic[] {
  const findings: Diagnostic[] = [];
  const root: SchemaPlace = {
    value: model.document,
    key: '',
    parent: undefined,
    inSchema: false,
    origin: undefined,
  };
  const stack: SchemaPlace[] = [root];
  const followed = new Set<string>();
  const reported = new Set<string>();

  const push = (
    value: JsonValue | undefined,
    key: string | number,
    parent: SchemaPlace,
    inSchema: boolean,
  ): void => {
    if (typeof value === 'object' && value !== null) {
      stack.push({ value, key, parent, inSchema, origin: parent.origin });
    }
  };
  /** Pushes every member of a map or list of schemas. */
  const pushEach = (container: JsonValue | undefined, key: string, parent: SchemaPlace): void => {
    if (typeof container !== 'object' || container === null) return;
    const holder: SchemaPlace = {
      value: container,
      key,
      parent,
      inSchema: false,
      origin: parent.origin,
    };
    if (Array.isArray(container)) container.forEach((schema, i) => push(schema, i, holder, true));
    else for (const name in container) push(container[name], name, holder, true);
  };
  const report = (code: DiagnosticCode, place: SchemaPlace, keywords: string[]): void => {
    const list = keywords.map((k) => `"${k}"`).join(', ');
    const them = keywords.length === 1 ? 'it' : 'them';
    const message =
      code === 'validate.apigw-unsupported-schema'
        ? `API Gateway models do not support ${list}; rewrite the schema without ${them} if API Gateway must validate against it.`
        : `API Gateway ignores ${list} in models; nothing enforces ${them} there${keywords.includes('exclusiveMinimum') ? ' (use minimum for a bound that must be checked)' : ''}.`;
    const { origin } = place;
    const location =
      origin === undefined
        ? modelAt(pointerOf(place))
        : // Lines are known only for the model's own file.
          { file: origin.file, pointer: origin.base + pointerOf(place) };
    // Two refs may reach overlapping parts of one external file.
    const key = `${code} ${location.file ?? ''}#${location.pointer}`;
    if (reported.has(key)) return;
    reported.add(key);
    findings.push(diagnostic(code, message, location));
  };
  /** Walks what an external `$ref` (or a ref inside an external file) names, in the mode of the ref's place. */
  const follow = (ref: string, place: SchemaPlace): void => {
    const { file, fragment } = splitRef(ref);
    if (file === '' && place.origin === undefined) return;
    const from = place.origin?.file ?? model.file ?? '';
    const path = file === '' ? from : resolveRelative(from, file);
    const key = `${place.inSchema} ${path}#${fragment}`;
    if (followed.has(key)) return;
    followed.add(key);
    const document = model.externalDocuments[path];
    const target = document === undefined ? undefined : valueAt(document, fragment);
    if (typeof target !== 'object' || target === null) return;
    stack.push({
      value: target,
      key: '',
      parent: undefined,
      inSchema: place.inSchema,
      origin: { file: path, base: fragment },
    });
  };

  for (let place = stack.pop(); place !== undefined; place = stack.pop()) {
    const { value } = place;
    if (Array.isArray(value)) {
      // A list in a schema's place is data (a `dependencies` property list); elsewhere it holds parameters, servers...
      if (!place.inSchema) value.forEach((item, i) => push(item, i, place!, false));
      continue;
    }
    if (!isJsonObject(value)) continue;
    // 3.1 schemas may hold keywords beside a `$ref`: follow it and read on.
    const ref = value['$ref'];
    if (typeof ref === 'string') follow(ref, place);

    if (!place.inSchema) {
      const isRoot = place.parent === undefined && place.origin === undefined;
      const isComponents =
        place.origin === undefined &&
        place.key === 'components' &&
        place.parent?.parent === undefined;
      for (const key in value) {
        if (key.startsWith('x-') || key === 'example' || key === 'examples') continue;
        const child = value[key];
        if ((isRoot && key === 'definitions') || (isComponents && key === 'schemas')) {
          pushEach(child, key, place);
        } else {
          push(child, key, place, key === 'schema');
        }
      }
      continue;
    }

    let unsupported: string[] | undefined;
    let ignored: string[] | undefined;
    for (const key in value) {
      const child = value[key];
      if (UNSUPPORTED.has(key)) (unsupported ??= []).push(key);
      else if (IGNORED.has(key)) (ignored ??= []).push(key);
      if (SCHEMA_MAPS.has(key) || (SCHEMA_LISTS.has(key) && Array.isArray(child))) {
        pushEach(child, key, place);
      } else if (SCHEMA_VALUES.has(key)) push(child, key, place, true);
    }
    // One finding per schema and kind: a schema is one place to fix, however many keywords it holds.
    if (unsupported) report('validate.apigw-unsupported-schema', place, unsupported);
    if (ignored) report('validate.apigw-ignored-schema', place, ignored);
  }
  return findings;
}
