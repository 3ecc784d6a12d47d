import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isJsonObject, type JsonValue } from '../json';
import { fullDesign } from './__fixtures__/full-design';
import { DESIGN_SCHEMA_ID, emptyDesign } from './defaults';
import { loadDesign, serializeDesign } from './load-design';
import { DESIGN_SCHEMA, resolveRef, unionBranch, type SchemaNode } from './design-schema';

const FULL_JSON = new URL('./__fixtures__/full.json', import.meta.url);

/**
 * Every schema location a value can be checked against, named by its path in the
 * schema (`$defs/NewLambdaFunction/properties/code`), with the `oneOf` branches.
 */
function schemaLocations(): { properties: Set<string>; branches: Set<string> } {
  const properties = new Set<string>();
  const branches = new Set<string>();
  const visit = (node: SchemaNode, at: string): void => {
    for (const [name, child] of Object.entries(node.properties ?? {})) {
      properties.add(`${at}/properties/${name}`);
      if (child.$ref === undefined) visit(child, `${at}/properties/${name}`);
    }
    for (const branch of node.oneOf ?? []) branches.add(branch.$ref!);
  };
  visit(DESIGN_SCHEMA, '#');
  for (const [name, def] of Object.entries(DESIGN_SCHEMA.$defs ?? {}))
    visit(def, `#/$defs/${name}`);
  return { properties, branches };
}

/** The schema locations a document actually exercises. */
function exercised(value: JsonValue): { properties: Set<string>; branches: Set<string> } {
  const properties = new Set<string>();
  const branches = new Set<string>();
  const walk = (v: JsonValue, node: SchemaNode, at: string): void => {
    if (node.$ref !== undefined) return walk(v, resolveRef(node), node.$ref);
    if (Array.isArray(v))
      return v.forEach((item) => node.items && walk(item, node.items, `${at}/items`));
    if (!isJsonObject(v)) return;
    const branch = unionBranch(node, v);
    if (branch) {
      const ref = node.oneOf!.find((b) => resolveRef(b) === branch)!.$ref!;
      branches.add(ref);
      for (const key of Object.keys(node.properties ?? {}))
        if (key in v) properties.add(`${at}/properties/${key}`);
      return walk(v, branch, ref);
    }
    for (const [key, child] of Object.entries(v)) {
      const property = node.properties?.[key];
      if (property) {
        properties.add(`${at}/properties/${key}`);
        walk(child, property, `${at}/properties/${key}`);
      } else if (typeof node.additionalProperties === 'object') {
        walk(child, node.additionalProperties, `${at}/additionalProperties`);
      }
    }
  };
  walk(value, DESIGN_SCHEMA, '#');
  return { properties, branches };
}

describe('design.schema.json and types.ts stay in step', () => {
  it('has the id new designs point at', () => {
    expect((DESIGN_SCHEMA as { $id?: string }).$id).toBe(DESIGN_SCHEMA_ID);
    expect(emptyDesign('openapi.yaml').$schema).toBe(DESIGN_SCHEMA_ID);
  });

  it('accepts the empty design', () => {
    const design = emptyDesign('openapi.yaml');
    expect(loadDesign(serializeDesign(design))).toEqual({ design, diagnostics: [] });
  });

  it('accepts the full fixture, which has every field of the types (Complete<DesignDocument>)', () => {
    const result = loadDesign(readFileSync(FULL_JSON, 'utf8'), 'full.json');
    expect(result.diagnostics).toEqual([]);
    expect(result.design).toEqual(fullDesign);
  });

  it('keeps full.json holding the fixture (UPDATE_GOLDEN=1 rewrites it; then run prettier on it)', () => {
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(FULL_JSON, serializeDesign(fullDesign));
    expect(JSON.parse(readFileSync(FULL_JSON, 'utf8'))).toEqual(fullDesign);
  });

  it('describes nothing the types lack: the fixture uses every property and union branch of the schema', () => {
    const all = schemaLocations();
    const used = exercised(fullDesign as unknown as JsonValue);
    expect([...all.properties].filter((p) => !used.properties.has(p))).toEqual([]);
    expect([...all.branches].filter((b) => !used.branches.has(b))).toEqual([]);
  });

  it('documents every property and closes every object', () => {
    const undocumented: string[] = [];
    const open: string[] = [];
    const visit = (node: SchemaNode, at: string): void => {
      for (const [name, child] of Object.entries(node.properties ?? {})) {
        const target = child.$ref === undefined ? child : resolveRef(child);
        if (!child.description && !target.description && child.const === undefined)
          undocumented.push(`${at}/${name}`);
        if (child.$ref === undefined) visit(child, `${at}/${name}`);
      }
      if (node.properties && !node.oneOf && node.additionalProperties !== false) open.push(at);
    };
    visit(DESIGN_SCHEMA, '#');
    for (const [name, def] of Object.entries(DESIGN_SCHEMA.$defs ?? {}))
      visit(def, `#/$defs/${name}`);
    expect(undocumented).toEqual([]);
    expect(open).toEqual([]);
  });
});
