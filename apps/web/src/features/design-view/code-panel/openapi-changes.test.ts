import type { JsonObject } from '@gatewright/core';
import { describe, expect, it } from 'vitest';
import { changedPlaces, summarizeChanges } from './openapi-changes';

const integration = (uri: string) => ({ type: 'http_proxy', uri, httpMethod: 'GET' });

function document(paths: JsonObject, extra: JsonObject = {}): JsonObject {
  return { openapi: '3.0.3', info: { title: 't', version: '1' }, paths, ...extra };
}

describe('changedPlaces', () => {
  it("names an operation's integration that changed", () => {
    const before = document({ '/pets': { get: { responses: {} } } });
    const after = document({
      '/pets': { get: { responses: {}, 'x-amazon-apigateway-integration': integration('a') } },
    });
    expect(changedPlaces(before, after)).toEqual([
      { field: 'x-amazon-apigateway-integration', owner: 'GET /pets', change: 'added' },
    ]);
  });

  it('tells added operations (CORS preflights), path fields and top-level fields apart', () => {
    const before = document({ '/pets': { get: {} } });
    const after = document(
      { '/pets': { get: {}, options: {}, parameters: [] } },
      { 'x-amazon-apigateway-gateway-responses': {} },
    );
    expect(changedPlaces(before, after)).toEqual([
      { field: 'operation', owner: 'OPTIONS /pets', change: 'added' },
      { field: 'parameters', owner: '/pets', change: 'added' },
      { field: 'x-amazon-apigateway-gateway-responses', change: 'added' },
    ]);
  });

  it('finds nothing when the renderings are equal but not the same objects', () => {
    const make = () =>
      document({ '/pets': { get: { 'x-amazon-apigateway-integration': integration('a') } } });
    expect(changedPlaces(make(), make())).toEqual([]);
  });
});

describe('summarizeChanges', () => {
  const diff = { addedLines: [4, 5, 6], removedCount: 1, removedLines: [4] };

  it('says which field of which operation changed, and by how many lines', () => {
    expect(
      summarizeChanges(
        [{ field: 'x-amazon-apigateway-integration', owner: 'GET /pets', change: 'changed' }],
        diff,
      ),
    ).toBe('x-amazon-apigateway-integration of GET /pets changed, +3 −1 lines');
  });

  it('names the first two places of many and counts the rest', () => {
    const places = ['GET /a', 'GET /b', 'GET /c'].map((owner) => ({
      field: 'x-amazon-apigateway-integration',
      owner,
      change: 'removed' as const,
    }));
    expect(summarizeChanges(places, diff)).toBe(
      '3 places changed (x-amazon-apigateway-integration of GET /a; x-amazon-apigateway-integration of GET /b and 1 more), +3 −1 lines',
    );
  });

  it('says so when nothing changed', () => {
    expect(summarizeChanges([], { addedLines: [], removedCount: 0, removedLines: [] })).toBe(
      'The OpenAPI document did not change.',
    );
  });
});
