import { parse } from 'yaml';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../json';
import { serializeOpenApi } from './serialize';

describe('serializeOpenApi', () => {
  const shared = { type: 'string' };
  const document: JsonObject = {
    openapi: '3.0.3',
    paths: { '/a': { get: { responses: { '200': { description: 'x'.repeat(200) } } } } },
    components: { schemas: { A: shared, B: shared } },
    flags: ['yes', 'on', '0755'],
  };

  it('writes JSON with two-space indentation and a final newline', () => {
    const text = serializeOpenApi(document, 'json');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "openapi": "3.0.3",');
  });

  it('writes YAML in key order without aliases, folding or 1.1 ambiguities', () => {
    const text = serializeOpenApi(document, 'yaml');
    expect(text).not.toMatch(/[&*]a\d/);
    expect(text).toContain(`description: ${'x'.repeat(200)}\n`);
    expect(text).toContain('- "yes"');
    expect(text.indexOf('openapi')).toBeLessThan(text.indexOf('paths'));
    expect(parse(text, { version: '1.1' })).toEqual(document);
  });

  it('round-trips any JSON document through either format', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        const doc = JSON.parse(JSON.stringify(value)) as JsonObject;
        expect(JSON.parse(serializeOpenApi(doc, 'json'))).toEqual(doc);
        expect(parse(serializeOpenApi(doc, 'yaml'), { version: '1.1' })).toEqual(doc);
      }),
    );
  });
});
