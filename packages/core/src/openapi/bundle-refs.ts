import { isJsonObject, type JsonObject, type JsonValue } from '../json';
import { resolveRelative, splitRef } from '../model/ref-paths';
import type { ApiModel } from '../model/types';
import { valueAt } from './json-pointer';

/** What a value is, as far as bundling cares: a schema, a map or list of schemas, or anything else. */
type Place = 'schema' | 'schema-map' | 'schema-list' | 'other';

/** Schema keywords holding one schema, and those holding a map or a list of them. */
const SCHEMA_VALUED = new Set(['items', 'additionalProperties', 'not']);
const SCHEMA_MAPS = new Set(['properties']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf']);

/**
 * Makes a document self-contained: API Gateway cannot follow a `$ref` into
 * another file. A `$ref` that leaves the root file (and any `$ref` inside
 * another file, which is relative to that file):
 * - in a schema place, is pointed at a copy of its target placed once under
 *   `components/schemas` (`definitions` in Swagger 2.0), so a schema shared by
 *   many operations is written once, and cycles need nothing special. The
 *   name is the last token of the ref's pointer, else the file name without
 *   extension, cleaned to `[A-Za-z0-9._-]`, with `2`, `3`... when taken;
 *   names follow the order refs are met in the document, so they are stable;
 * - anywhere else (a path item, a parameter, a response), is replaced by a
 *   copy of its target; a target that contains itself there is placed under
 *   the schemas too, as the only way to write it down.
 * Refs of the root file into itself stay as written; refs to nothing readable
 * stay too (the importer reported them). The result is a new tree (sharing
 * only those refs to nothing with `document`, which is not changed); without
 * external files it is `document` itself.
 */
export function bundleExternalRefs(document: JsonObject, model: ApiModel): JsonObject {
  if (Object.keys(model.externalDocuments).length === 0) return document;
  const root = model.file ?? '';
  const files = new Map<string, JsonValue>([
    [root, document],
    ...Object.entries(model.externalDocuments),
  ]);
  const section = model.specVersion === '2.0' ? ['definitions'] : ['components', 'schemas'];
  const existing = valueAt(document, '/' + section.join('/'));
  const taken = new Set(isJsonObject(existing) ? Object.keys(existing) : []);
  const hoisted = new Map<string, { name: string; file: string; fragment: string }>();
  const pending: string[] = [];

  const hoist = (key: string, file: string, fragment: string): JsonObject => {
    let entry = hoisted.get(key);
    if (entry === undefined) {
      const last =
        fragment.split('/').pop() || (file.split('/').pop() ?? '').replace(/\.[^.]*$/, '');
      const base = last.replace(/[^A-Za-z0-9._-]/g, '_') || 'Schema';
      let name = base;
      for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
      taken.add(name);
      entry = { name, file, fragment };
      hoisted.set(key, entry);
      pending.push(key);
    }
    return { $ref: `#/${section.join('/')}/${entry.name}` };
  };

  const bundle = (
    value: JsonValue,
    file: string,
    place: Place,
    expanding: ReadonlySet<string>,
  ): JsonValue => {
    if (Array.isArray(value))
      return value.map((v) =>
        bundle(v, file, place === 'schema-list' ? 'schema' : 'other', expanding),
      );
    if (!isJsonObject(value)) return value;
    if (typeof value.$ref === 'string' && (file !== root || !value.$ref.startsWith('#'))) {
      const { file: target, fragment } = splitRef(value.$ref);
      const targetFile = target === '' ? file : resolveRelative(file, target);
      if (targetFile === root) return { $ref: `#${fragment}` };
      const found = files.has(targetFile) ? valueAt(files.get(targetFile)!, fragment) : undefined;
      if (found === undefined) return value;
      const key = `${targetFile}#${fragment}`;
      if (place === 'schema' || expanding.has(key) || hoisted.has(key))
        return hoist(key, targetFile, fragment);
      return bundle(found, targetFile, place, new Set([...expanding, key]));
    }
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value))
      out[k] = bundle(v, file, childPlace(place, k), expanding);
    return out;
  };

  const bundled = bundle(document, root, 'other', new Set()) as JsonObject;
  let holder = bundled;
  for (const key of section) {
    if (!isJsonObject(holder[key])) holder[key] = {};
    holder = holder[key] as JsonObject;
  }
  for (let key = pending.shift(); key !== undefined; key = pending.shift()) {
    const { name, file, fragment } = hoisted.get(key)!;
    holder[name] = bundle(valueAt(files.get(file)!, fragment)!, file, 'schema', new Set());
  }
  return bundled;

  function childPlace(parent: Place, key: string): Place {
    if (parent === 'schema-map') return 'schema';
    if (parent === 'schema') {
      if (SCHEMA_VALUED.has(key)) return 'schema';
      if (SCHEMA_MAPS.has(key)) return 'schema-map';
      if (SCHEMA_LISTS.has(key)) return 'schema-list';
      return 'other';
    }
    if (key === 'schema') return 'schema';
    if (key === 'schemas' || key === 'definitions') return 'schema-map';
    return 'other';
  }
}
