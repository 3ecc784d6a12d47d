import type { Operation } from '@gatewright/core';
import { describe, expect, it } from 'vitest';
import { draftFor, parseHeaders, prettyBody, sampleValue, tryMethod } from './try-draft';

function operation(overrides: Partial<Operation>): Operation {
  return {
    key: 'GET /pets/{petId}',
    method: 'get',
    path: '/pets/{petId}',
    name: 'getPet',
    tags: [],
    parameters: [],
    requestContentTypes: [],
    responses: [],
    pointer: '/paths/~1pets~1{petId}/get',
    ...overrides,
  };
}

describe('draftFor', () => {
  it('fills path parameters from examples, schema examples and defaults, encoded', () => {
    const draft = draftFor(
      operation({
        path: '/stores/{storeId}/pets/{petId}/{rest}',
        parameters: [
          { name: 'storeId', in: 'path', required: true, example: 'north 1', pointer: '' },
          { name: 'petId', in: 'path', required: true, schema: { default: 7 }, pointer: '' },
          { name: 'rest', in: 'path', required: true, schema: { type: 'string' }, pointer: '' },
        ],
      }),
    );
    expect(draft.path).toBe('/stores/north%201/pets/7/{rest}');
    expect(draft.method).toBe('GET');
  });

  it('adds required query parameters and ones with an example, and header samples', () => {
    const draft = draftFor(
      operation({
        path: '/pets',
        parameters: [
          { name: 'limit', in: 'query', required: true, schema: { enum: [10, 20] }, pointer: '' },
          { name: 'sort', in: 'query', required: false, schema: { default: 'name' }, pointer: '' },
          { name: 'q', in: 'query', required: false, example: 'rex', pointer: '' },
          { name: 'X-Trace', in: 'header', required: false, example: 'abc', pointer: '' },
        ],
      }),
    );
    expect(draft.path).toBe('/pets?limit=10&q=rex');
    expect(draft.headers).toBe('X-Trace: abc');
  });

  it('takes the body example, or one made from the schema, with its content type', () => {
    const documented = draftFor(
      operation({
        method: 'post',
        requestBody: {
          required: true,
          content: [
            { contentType: 'application/json', example: { name: 'Ada' }, hasExample: true },
          ],
        },
      }),
    );
    expect(documented.method).toBe('POST');
    expect(documented.headers).toBe('Content-Type: application/json');
    expect(JSON.parse(documented.body)).toEqual({ name: 'Ada' });

    const fromSchema = draftFor(
      operation({
        method: 'post',
        requestBody: {
          required: false,
          content: [
            {
              contentType: 'application/json',
              schema: { type: 'object', properties: { name: { type: 'string' } } },
              hasExample: false,
            },
          ],
        },
      }),
    );
    expect(JSON.parse(fromSchema.body)).toHaveProperty('name');
  });
});

describe('tryMethod', () => {
  it('maps any-method to GET and refuses TRACE', () => {
    expect(tryMethod('x-amazon-apigateway-any-method')).toBe('GET');
    expect(tryMethod('trace')).toBeUndefined();
    expect(tryMethod('delete')).toBe('DELETE');
  });
});

describe('sampleValue', () => {
  it('prefers the example, then example, default and enum of the schema', () => {
    expect(sampleValue(3, { default: 4 })).toBe('3');
    expect(sampleValue(undefined, { example: 'a', default: 'b' })).toBe('a');
    expect(sampleValue(undefined, { enum: ['x'] })).toBe('x');
    expect(sampleValue(undefined, { type: 'string' })).toBeUndefined();
  });
});

describe('parseHeaders', () => {
  it('reads Name: value lines and skips blank ones', () => {
    expect(parseHeaders('Accept: application/json\n\nX-A:  b:c ')).toEqual({
      ok: true,
      headers: { Accept: 'application/json', 'X-A': 'b:c' },
    });
  });

  it('names the line that is not a header', () => {
    const parsed = parseHeaders('Accept: */*\nnot a header');
    expect(parsed).toMatchObject({ ok: false, line: 2 });
  });
});

describe('prettyBody', () => {
  it('indents JSON and leaves other text alone', () => {
    expect(prettyBody('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(prettyBody('plain')).toBe('plain');
  });
});
