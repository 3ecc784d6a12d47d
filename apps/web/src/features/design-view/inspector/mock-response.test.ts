import type { Operation } from '@gatewright/core';
import { describe, expect, it } from 'vitest';
import {
  customBodyProblem,
  documentedExample,
  parseStatusCode,
  switchMockMode,
} from './mock-response';

const operation: Pick<Operation, 'responses'> = {
  responses: [
    {
      status: '200',
      description: 'A pet.',
      content: [
        { contentType: 'application/json', example: { id: 1, name: 'Rex' }, hasExample: true },
        { contentType: 'text/plain', example: 'Rex', hasExample: true },
      ],
      headers: [],
      pointer: '/r/200',
    },
    {
      status: '404',
      content: [
        {
          contentType: 'application/json',
          schema: { type: 'object', properties: { message: { type: 'string' } } },
          hasExample: false,
        },
      ],
      headers: [],
      pointer: '/r/404',
    },
  ],
};

describe('documentedExample', () => {
  it('shows the example of the chosen content type, JSON pretty-printed', () => {
    expect(documentedExample(operation, '200')).toMatchObject({
      status: '200',
      contentType: 'application/json',
      contentTypes: ['application/json', 'text/plain'],
      body: '{\n  "id": 1,\n  "name": "Rex"\n}',
      origin: 'example',
    });
    expect(documentedExample(operation, '200', 'text/plain')?.body).toBe('Rex');
  });

  it('makes a body from the schema when there is no example', () => {
    const shown = documentedExample(operation, '404');
    expect(shown?.origin).toBe('schema');
    expect(JSON.parse(shown?.body ?? '')).toHaveProperty('message');
  });

  it('is undefined for a status the operation does not document', () => {
    expect(documentedExample(operation, '500')).toBeUndefined();
  });
});

describe('switchMockMode', () => {
  it('starts a custom mock as a copy of the documented answer', () => {
    expect(
      switchMockMode({ source: 'documented', status: '200' }, 'custom', {}, operation),
    ).toEqual({
      source: 'custom',
      statusCode: 200,
      body: '{\n  "id": 1,\n  "name": "Rex"\n}',
      contentType: 'application/json',
    });
  });

  it('gives back what each mode had, so switching back and forth loses nothing', () => {
    const custom = { source: 'custom', statusCode: 418, body: '{"tea":true}' } as const;
    const documented = { source: 'documented', status: '404' } as const;
    const memory = { custom, documented };
    expect(switchMockMode(custom, 'documented', memory, operation)).toBe(documented);
    expect(switchMockMode(documented, 'custom', memory, operation)).toBe(custom);
  });

  it('picks the first success response when switching to documented afresh', () => {
    const custom = { source: 'custom', statusCode: 500 } as const;
    expect(switchMockMode(custom, 'documented', {}, operation)).toEqual({
      source: 'documented',
      status: '200',
    });
  });
});

describe('field checks', () => {
  it('says what is wrong with a JSON body and accepts any text for other types', () => {
    expect(customBodyProblem('{"a":', 'application/json')).toMatch(/not valid JSON/);
    expect(customBodyProblem('{"a":1}', 'application/problem+json')).toBeUndefined();
    expect(customBodyProblem('{"a":', 'text/plain')).toBeUndefined();
  });

  it('reads a status code or says why not', () => {
    expect(parseStatusCode(' 201 ')).toBe(201);
    expect(parseStatusCode('2xx')).toMatch(/not an HTTP status/);
    expect(parseStatusCode('700')).toMatch(/100 to 599/);
  });
});
