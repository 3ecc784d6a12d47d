import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from '../json';
import { exampleFromSchema } from './example-from-schema';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));

function expectValid(schema: JsonObject, value: JsonValue): void {
  const validate = ajv.compile(schema);
  expect(
    validate(value),
    `${JSON.stringify(value)} vs ${JSON.stringify(schema)}: ${ajv.errorsText(validate.errors)}`,
  ).toBe(true);
}

describe('exampleFromSchema', () => {
  it('prefers the schema example, then examples[0], default, const, enum', () => {
    expect(exampleFromSchema({ type: 'string', example: 'a', default: 'b' })).toBe('a');
    expect(exampleFromSchema({ type: 'string', examples: ['c', 'd'], default: 'b' })).toBe('c');
    expect(exampleFromSchema({ type: 'integer', default: 4 })).toBe(4);
    expect(exampleFromSchema({ const: 'fixed' })).toBe('fixed');
    expect(exampleFromSchema({ type: 'string', enum: ['available', 'sold'] })).toBe('available');
  });

  it('gives format samples that the format accepts', () => {
    for (const format of [
      'date-time',
      'date',
      'time',
      'email',
      'uuid',
      'uri',
      'ipv4',
      'ipv6',
      'hostname',
      'byte',
    ]) {
      const schema = { type: 'string', format };
      expectValid(schema, exampleFromSchema(schema));
    }
    expect(exampleFromSchema({ type: 'string', format: 'uuid' })).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('merges allOf and takes the first oneOf branch', () => {
    const pet: JsonObject = {
      allOf: [
        {
          type: 'object',
          required: ['name'],
          properties: { name: { type: 'string' }, tag: { type: 'string' } },
        },
        {
          type: 'object',
          required: ['id'],
          properties: { id: { type: 'integer', format: 'int64' } },
        },
      ],
    };
    expect(exampleFromSchema(pet)).toEqual({ name: 'string', tag: 'string', id: 0 });
    expect(
      exampleFromSchema({ oneOf: [{ type: 'integer', minimum: 3 }, { type: 'string' }] }),
    ).toBe(3);
  });

  it('reads OpenAPI 3.1 type arrays and skips null', () => {
    expect(exampleFromSchema({ type: ['null', 'string'] })).toBe('string');
    expect(exampleFromSchema({ type: ['integer', 'null'], exclusiveMinimum: 5 })).toBe(6);
  });

  it('fills maps through additionalProperties', () => {
    expect(
      exampleFromSchema({ type: 'object', additionalProperties: { type: 'integer' } }),
    ).toEqual({ additionalProp1: 0 });
  });

  it('stops at a cycle point and at the depth limit', () => {
    const node: JsonObject = {
      type: 'object',
      required: ['id'],
      properties: { id: { type: 'integer' }, next: { $ref: '#/components/schemas/Node' } },
    };
    expect(exampleFromSchema(node)).toEqual({ id: 0 });
    let deep: JsonObject = {
      type: 'object',
      required: ['leaf'],
      properties: { leaf: { type: 'boolean' } },
    };
    for (let i = 0; i < 20; i++) deep = { type: 'object', properties: { child: deep } };
    const example = exampleFromSchema(deep);
    expect(JSON.stringify(example).split('child').length - 1).toBeLessThan(20);
    expectValid(deep, example);
  });

  it('always validates against the schema it came from (simple schema family)', () => {
    fc.assert(
      fc.property(schemaArbitrary, (schema) => {
        const example = exampleFromSchema(schema);
        expectValid(schema, example);
        expect(exampleFromSchema(schema)).toEqual(example);
      }),
      { numRuns: 300 },
    );
  });
});

const formats = fc.constantFrom('date-time', 'date', 'email', 'uuid', 'uri', 'ipv4', 'hostname');

const stringSchema: fc.Arbitrary<JsonObject> = fc.oneof(
  fc
    .record(
      { type: fc.constant('string'), minLength: fc.integer({ min: 0, max: 12 }) },
      { requiredKeys: ['type'] },
    )
    .chain((s) =>
      fc.record(
        {
          type: fc.constant('string'),
          minLength: fc.constant(s.minLength ?? 0),
          maxLength: fc.integer({ min: s.minLength ?? 0, max: 20 }),
        },
        { requiredKeys: ['type'] },
      ),
    ),
  fc.record({ type: fc.constant('string'), format: formats }),
  fc.record({
    type: fc.constant('string'),
    enum: fc.uniqueArray(fc.string(), { minLength: 1, maxLength: 4 }),
  }),
);

const numberSchema = fc
  .record({
    type: fc.constantFrom('integer', 'number'),
    minimum: fc.option(fc.integer({ min: -100, max: 100 }), { nil: undefined }),
    span: fc.integer({ min: 2, max: 100 }),
    hasMaximum: fc.boolean(),
    exclusive: fc.constantFrom('none', 'openapi30', 'openapi31'),
    multipleOf: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
  })
  .map(({ type, minimum, span, hasMaximum, exclusive, multipleOf }) => {
    const schema: JsonObject = { type };
    const maximum = (minimum ?? 0) + span * (multipleOf ?? 1) + 1;
    if (exclusive === 'openapi31') {
      if (minimum !== undefined) schema.exclusiveMinimum = minimum;
      if (hasMaximum) schema.exclusiveMaximum = maximum;
    } else {
      if (minimum !== undefined) schema.minimum = minimum;
      if (hasMaximum) schema.maximum = maximum;
    }
    if (multipleOf !== undefined) schema.multipleOf = multipleOf;
    return schema;
  });

const leafSchema: fc.Arbitrary<JsonObject> = fc.oneof(
  stringSchema,
  numberSchema,
  fc.constant<JsonObject>({ type: 'boolean' }),
  fc.constant<JsonObject>({ type: ['string', 'null'] }),
);

const { schema: schemaArbitrary } = fc.letrec<{ schema: JsonObject }>((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafSchema,
    fc.record({
      type: fc.constant('array'),
      items: tie('schema'),
      minItems: fc.integer({ min: 0, max: 3 }),
    }),
    fc
      .dictionary(fc.stringMatching(/^[a-z]{1,6}$/), tie('schema'), { minKeys: 1, maxKeys: 4 })
      .chain((properties) =>
        fc.record({
          type: fc.constant('object'),
          properties: fc.constant(properties),
          required: fc.subarray(Object.keys(properties)),
          additionalProperties: fc.constant(false),
        }),
      ),
    fc
      .tuple(tie('schema'), tie('schema'))
      .map(([a, b]) => ({ allOf: [objectOf('a', a), objectOf('b', b)] })),
    fc.tuple(stringSchema, numberSchema).map(([a, b]) => ({ oneOf: [a, b] })),
    fc.tuple(leafSchema, leafSchema).map(([a, b]) => ({ anyOf: [a, b] })),
  ),
}));

function objectOf(name: string, schema: JsonObject): JsonObject {
  return { type: 'object', required: [name], properties: { [name]: schema } };
}
