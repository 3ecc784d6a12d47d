import { isJsonObject, type JsonObject, type JsonValue } from '../json';
import { resolveRelative, splitRef } from '../model/ref-paths';
import type { ApiModel } from '../model/types';
import { valueAt } from './json-pointer';

/**
 * Makes a document self-contained: API Gateway cannot follow a `$ref` into
 * another file. Every external `$ref` (and every `$ref` inside an external
 * file, which is relative to that file) is replaced by a copy of what it names.
 * A target that contains itself cannot be inlined; it is placed once under
 * `components/schemas` (`definitions` in Swagger 2.0), named after the last
 * token of its pointer or its file name (with `2`, `3`... when taken), and
 * referenced there. Refs of the root file into itself stay as written. Refs
 * that name nothing readable stay too (the importer reported them). The result
 * shares values with `document`: pass a copy the caller owns.
 */
export function bundleExternalRefs(document: JsonObject, model: ApiModel): JsonObject {
  const root = model.file ?? '';
  if (Object.keys(model.externalDocuments).length === 0) return document;
  const files = new Map<string, JsonValue>([[root, document], ...Object.entries(model.externalDocuments)]);
  const hoistedNames = new Map<string, string>();
  const pending: Array<{ key: string; file: string; fragment: string }> = [];
  const section = model.specVersion === '2.0' ? ['definitions'] : ['components', 'schemas'];
  const existing = valueAt(document, '/' + section.join('/'));
  const taken = new Set(isJsonObject(existing) ? Object.keys(existing) : []);
  const hoistedRef = (key: string, file: string, fragment: string): JsonObject => {
    let name = hoistedNames.get(key);
    if (name === undefined) {
      const base = (fragment.split('/').pop() || file.split('/').pop()!.replace(/\.[^.]*$/, '')).replace(/[^A-Za-z0-9._-]/g, '_') || 'Schema';
      name = base;
      for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
      taken.add(name);
      hoistedNames.set(key, name);
      pending.push({ key, file, fragment });
    }
    return { $ref: `#/${section.join('/')}/${name}` };
  };

  const inline = (value: JsonValue, file: string, expanding: Set<string>): JsonValue => {
    if (Array.isArray(value)) return value.map((v) => inline(v, file, expanding));
    if (!isJsonObject(value)) return value;
    if (typeof value.$ref === 'string' && (file !== root || !value.$ref.startsWith('#'))) {
      const { file: target, fragment } = splitRef(value.$ref);
      const targetFile = target === '' ? file : resolveRelative(file, target);
      const found = files.has(targetFile) ? valueAt(files.get(targetFile)!, fragment) : undefined;
      if (found === undefined) return value;
      const key = `${targetFile}#${fragment}`;
      if (targetFile === root) return { $ref: `#${fragment}` };
      if (expanding.has(key) || hoistedNames.has(key)) return hoistedRef(key, targetFile, fragment);
      return inline(found, targetFile, new Set([...expanding, key]));
    }
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) out[k] = inline(v, file, expanding);
    return out;
  };

  const bundled = inline(document, root, new Set()) as JsonObject;
  for (let next = pending.shift(); next !== undefined; next = pending.shift()) {
    const target = valueAt(files.get(next.file)!, next.fragment)!;
    const value = inline(target, next.file, new Set([next.key]));
    let holder = bundled;
    for (const key of section) {
      if (!isJsonObject(holder[key])) holder[key] = {};
      holder = holder[key] as JsonObject;
    }
    holder[hoistedNames.get(next.key)!] = value;
  }
  return bundled;
}
