import { serializeOpenApi } from '@gatewright/core';
import { describe, expect, it } from 'vitest';
import { lineOfOperation } from './operation-line';

const document = {
  openapi: '3.0.3',
  info: { title: 'Pets', version: '1' },
  paths: {
    '/pets': { get: { operationId: 'list' }, post: { operationId: 'create' } },
    '/pets/{petId}': { get: { operationId: 'show' }, 'x-amazon-apigateway-any-method': {} },
    "/it's": { get: {} },
  },
  components: { schemas: { get: {} } },
};

describe('lineOfOperation', () => {
  for (const format of ['json', 'yaml'] as const) {
    const text = serializeOpenApi(document, format);
    const lines = text.split('\n');

    it(`finds each operation's first line in ${format}`, () => {
      const line = lineOfOperation(text, format, '/pets/{petId}', 'get');
      expect(line).toBeDefined();
      expect(lines[line! - 1]).toMatch(/get/);
      expect(lines[line!]).toMatch(/show/);
      const post = lineOfOperation(text, format, '/pets', 'post');
      expect(lines[post!]).toMatch(/create/);
      expect(lineOfOperation(text, format, "/it's", 'get')).toBeDefined();
      expect(
        lineOfOperation(text, format, '/pets/{petId}', 'x-amazon-apigateway-any-method'),
      ).toBeDefined();
    });

    it(`answers undefined for an operation ${format} does not have`, () => {
      expect(lineOfOperation(text, format, '/pets', 'delete')).toBeUndefined();
      expect(lineOfOperation(text, format, '/owners', 'get')).toBeUndefined();
    });
  }
});
