import { describe, expect, it } from 'vitest';
import { makeDesign } from '../../../test/fixtures';
import { importModel } from '../../model/import-model';
import { validate } from '../validate';

async function schemaFindings(text: string) {
  const { model } = await importModel(text, { file: 'openapi.yaml' });
  return validate(model!, makeDesign())
    .filter(
      (d) =>
        d.code === 'validate.apigw-unsupported-schema' ||
        d.code === 'validate.apigw-ignored-schema',
    )
    .map((d) => ({
      code: d.code,
      severity: d.severity,
      pointer: d.location.pointer,
      line: d.location.line,
      message: d.message,
    }));
}

const OPENAPI_30 = `openapi: 3.0.3
info: { title: T, version: '1' }
paths:
  /pets:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Pet' }
              example: { oneOf: 1 }
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              additionalProperties: { type: string }
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Pet' }
components:
  schemas:
    Pet:
      type: object
      x-shape: { oneOf: [] }
      properties:
        example: { type: string }
        id: { type: integer, readOnly: true, example: 7, exclusiveMinimum: true, minimum: 0 }
        kind:
          oneOf:
            - { type: string }
            - { type: object, properties: { deep: { not: { type: string } } } }
          discriminator: { propertyName: kind }
`;

describe('API Gateway schema constructs', () => {
  it('reports each schema once, at its own place, with the keywords it holds', async () => {
    expect(await schemaFindings(OPENAPI_30)).toEqual([
      {
        code: 'validate.apigw-unsupported-schema',
        severity: 'warning',
        pointer: '/paths/~1pets/post/requestBody/content/application~1json/schema',
        line: 17,
        message: expect.stringContaining('"additionalProperties"'),
      },
      {
        code: 'validate.apigw-ignored-schema',
        severity: 'info',
        pointer: '/components/schemas/Pet/properties/id',
        line: 33,
        message: expect.stringMatching(/"readOnly", "example", "exclusiveMinimum".*minimum/),
      },
      {
        code: 'validate.apigw-unsupported-schema',
        severity: 'warning',
        pointer: '/components/schemas/Pet/properties/kind',
        line: 34,
        message: expect.stringContaining('"oneOf", "discriminator"'),
      },
      {
        code: 'validate.apigw-unsupported-schema',
        severity: 'warning',
        pointer: '/components/schemas/Pet/properties/kind/oneOf/1/properties/deep',
        line: 37,
        message: expect.stringContaining('"not"'),
      },
    ]);
  });

  it('walks Swagger 2.0 definitions and body parameter schemas', async () => {
    const text = `swagger: '2.0'
info: { title: T, version: '1' }
paths:
  /pets:
    post:
      parameters:
        - in: body
          name: body
          schema: { type: object, additionalProperties: true }
      responses: { '200': { description: ok } }
definitions:
  Pet:
    type: object
    properties:
      name: { type: string, example: Rex }
`;
    expect((await schemaFindings(text)).map((f) => [f.code, f.pointer])).toEqual([
      ['validate.apigw-unsupported-schema', '/paths/~1pets/post/parameters/0/schema'],
      ['validate.apigw-ignored-schema', '/definitions/Pet/properties/name'],
    ]);
  });

  it('is silent for schemas API Gateway takes as they are', async () => {
    const text = `openapi: 3.0.3
info: { title: T, version: '1' }
paths:
  /pets:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { type: array, items: { $ref: '#/components/schemas/Pet' } }
              examples: { one: { value: { readOnly: true } } }
components:
  schemas:
    Pet:
      allOf:
        - type: object
          required: [name]
          properties: { name: { type: string, maxLength: 10 }, not: { type: string } }
`;
    expect(await schemaFindings(text)).toEqual([]);
  });

  it('follows external refs of a multi-file model, reporting each external schema once in its own file', async () => {
    const files: Record<string, string> = {
      'models/pet.yaml': `type: object
properties:
  id: { type: integer, readOnly: true }
  kind: { $ref: '#/definitions/Kind' }
definitions:
  Kind: { anyOf: [{ type: string }, { type: integer }] }
`,
      'paths/pets.yaml': `get:
  responses:
    '200':
      description: ok
      content:
        application/json:
          schema: { $ref: '../models/pet.yaml' }
`,
    };
    const text = `openapi: 3.0.3
info: { title: T, version: '1' }
paths:
  /pets: { $ref: 'paths/pets.yaml' }
components:
  schemas:
    Pet: { $ref: 'models/pet.yaml' }
`;
    const { model } = await importModel(text, {
      file: 'openapi.yaml',
      resolveRef: (path) => files[path],
    });
    const findings = validate(model!, makeDesign())
      .filter((d) => d.code.startsWith('validate.apigw-') && d.code.endsWith('-schema'))
      .map((d) => d.location);
    expect(findings).toEqual([
      { file: 'models/pet.yaml', pointer: '/definitions/Kind' },
      { file: 'models/pet.yaml', pointer: '/properties/id' },
    ]);
  });
});
