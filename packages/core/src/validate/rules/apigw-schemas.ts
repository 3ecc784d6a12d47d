import { diagnostic, type Diagnostic, type DiagnosticCode } from '../../diagnostics';
import { pointer, type JsonObject, type JsonValue } from '../../json';
import type { RuleContext } from '../context';
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
  const followed = new Set<string>();
  const reported = new Set<string>();
  /** The pointer tokens of the value being walked, from where its walk started. */
  let tokens: (string | number)[] = [];
  /** Walking a file an external `$ref` reached: that file, and the pointer the walk started at. */
  let origin: { file: string; base: string } | undefined;

  const report = (code: DiagnosticCode, keywords: string[]): void => {
    const list = keywords.map((k) => `"${k}"`).join(', ');
    const them = keywords.length === 1 ? 'it' : 'them';
    const message =
      code === 'validate.apigw-unsupported-schema'
        ? `API Gateway models do not support ${list}; rewrite the schema without ${them} if API Gateway must validate against it.`
        : `API Gateway ignores ${list} in models; nothing enforces ${them} there${keywords.includes('exclusiveMinimum') ? ' (use minimum for a bound that must be checked)' : ''}.`;
    const location =
      origin === undefined
        ? modelAt(pointer(...tokens))
        : // Lines are known only for the model's own file.
          { file: origin.file, pointer: origin.base + pointer(...tokens) };
    // Two refs may reach overlapping parts of one external file.
    const key = `${code} ${location.file ?? ''}#${location.pointer}`;
    if (reported.has(key)) return;
    reported.add(key);
    findings.push(diagnostic(code, message, location));
  };

  /** Walks what an external `$ref` (or a ref inside an external file) names, in the mode of the ref's place. */
  const follow = (ref: string, inSchema: boolean): void => {
    const { file, fragment } = splitRef(ref);
    if (file === '' && origin === undefined) return;
    const from = origin?.file ?? model.file ?? '';
    const path = file === '' ? from : resolveRelative(from, file);
    const key = `${inSchema} ${path}#${fragment}`;
    if (followed.has(key)) return;
    followed.add(key);
    const document = model.externalDocuments[path];
    const target = document === undefined ? undefined : valueAt(document, fragment);
    if (typeof target !== 'object' || target === null) return;
    const [outerTokens, outerOrigin] = [tokens, origin];
    tokens = [];
    origin = { file: path, base: fragment };
    if (inSchema) visitSchema(target);
    else visitOther(target);
    [tokens, origin] = [outerTokens, outerOrigin];
  };

  /** Visits `value` under `key` of the value being walked, if it is an object or a list. */
  const enter = (key: string | number, value: JsonValue | undefined, inSchema: boolean): void => {
    if (typeof value !== 'object' || value === null) return;
    tokens.push(key);
    if (inSchema) visitSchema(value);
    else visitOther(value);
    tokens.pop();
  };
  /** Visits every member of a map or list of schemas. */
  const enterEach = (key: string, container: JsonValue | undefined): void => {
    if (typeof container !== 'object' || container === null) return;
    tokens.push(key);
    if (Array.isArray(container)) container.forEach((schema, i) => enter(i, schema, true));
    else for (const name in container) enter(name, container[name], true);
    tokens.pop();
  };

  /** A value outside schemas: looks for `schema` members, and the schema maps of the root and `components`. */
  function visitOther(value: JsonObject | JsonValue[]): void {
    if (Array.isArray(value)) {
      value.forEach((item, i) => enter(i, item, false));
      return;
    }
    const ref = value['$ref'];
    if (typeof ref === 'string') follow(ref, false);
    const isRoot = origin === undefined && tokens.length === 0;
    const isComponents = origin === undefined && tokens.length === 1 && tokens[0] === 'components';
    for (const key in value) {
      if (key.startsWith('x-') || key === 'example' || key === 'examples') continue;
      const child = value[key];
      if ((isRoot && key === 'definitions') || (isComponents && key === 'schemas'))
        enterEach(key, child);
      else enter(key, child, key === 'schema');
    }
  }

  function visitSchema(value: JsonObject | JsonValue[]): void {
    // A list in a schema's place is data (a `dependencies` property list), not schemas.
    if (Array.isArray(value)) return;
    // 3.1 schemas may hold keywords beside a `$ref`: follow it and read on.
    const ref = value['$ref'];
    if (typeof ref === 'string') follow(ref, true);
    let unsupported: string[] | undefined;
    let ignored: string[] | undefined;
    for (const key in value) {
      const child = value[key];
      if (UNSUPPORTED.has(key)) (unsupported ??= []).push(key);
      else if (IGNORED.has(key)) (ignored ??= []).push(key);
      if (SCHEMA_MAPS.has(key) || (SCHEMA_LISTS.has(key) && Array.isArray(child))) {
        enterEach(key, child);
      } else if (SCHEMA_VALUES.has(key)) enter(key, child, true);
    }
    // One finding per schema and kind: a schema is one place to fix, however many keywords it holds.
    if (unsupported) report('validate.apigw-unsupported-schema', unsupported);
    if (ignored) report('validate.apigw-ignored-schema', ignored);
  }

  visitOther(model.document);
  return findings;
}
