// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { designPagePath, parseRoute } from './routes';

describe('routes', () => {
  it('puts a design id with folders in ONE encoded segment, as the server prints it', () => {
    expect(designPagePath('petstore/openapi.yaml')).toBe('/designs/petstore%2Fopenapi.yaml');
  });

  it('reads back every design id it writes', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, unit: 'binary' }), (id) => {
        const route = parseRoute(designPagePath(id));
        return route.page === 'design' && route.designId === id;
      }),
    );
  });

  it('knows home, and refuses a bad encoding or a second segment', () => {
    expect(parseRoute('/')).toEqual({ page: 'home' });
    expect(parseRoute('/designs/%E0%A4%A')).toEqual({ page: 'not-found' });
    expect(parseRoute('/designs/a/b')).toEqual({ page: 'not-found' });
    expect(parseRoute('/designs/')).toEqual({ page: 'not-found' });
    expect(parseRoute('/elsewhere')).toEqual({ page: 'not-found' });
  });
});
