import { describe, expect, it } from 'vitest';
import { makeModel } from '../../test/fixtures';
import type { JsonObject } from '../json';
import { downgradeOpenApi31 } from './downgrade-31';

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
