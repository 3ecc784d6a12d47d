import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HTTP_METHODS } from './types';
import { claimUniqueName, deriveOperationName, operationKey } from './operation-names';

describe('operationKey', () => {
  it('upper-cases the method and keeps the path as written', () => {
    expect(operationKey('get', '/pets/{petId}')).toBe('GET /pets/{petId}');
    expect(operationKey('x-amazon-apigateway-any-method', '/{proxy+}')).toBe(
      'X-AMAZON-APIGATEWAY-ANY-METHOD /{proxy+}',
    );
  });
});

describe('deriveOperationName', () => {
  it.each([
    ['get', '/pets/{petId}', 'getPetsByPetId'],
    ['post', '/v1/users:batch-create', 'postV1UsersBatchCreate'],
    ['delete', '/pets/{pet_id}/photos/{photo-id}', 'deletePetsByPetIdPhotosByPhotoId'],
    ['x-amazon-apigateway-any-method', '/{proxy+}', 'anyByProxy'],
    ['get', '/', 'getRoot'],
    ['GET', '/café/2fa', 'getCaf2fa'],
  ])('%s %s -> %s', (method, path, name) => {
    expect(deriveOperationName(method, path)).toBe(name);
  });

  const method = fc.oneof(fc.constantFrom(...HTTP_METHODS), fc.string());

  it('always gives an identifier that starts lower-case and holds only ASCII letters and digits', () => {
    fc.assert(
      fc.property(method, fc.string({ unit: 'binary' }), (m, path) => {
        expect(deriveOperationName(m, path)).toMatch(/^[a-z][A-Za-z0-9]*$/);
      }),
    );
  });

  it('depends only on its inputs', () => {
    fc.assert(
      fc.property(
        method,
        fc.string(),
        (m, path) => deriveOperationName(m, path) === deriveOperationName(m, path),
      ),
    );
  });

  it('does not depend on the method being upper or lower case', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...HTTP_METHODS),
        fc.string(),
        (m, path) => deriveOperationName(m.toUpperCase(), path) === deriveOperationName(m, path),
      ),
    );
  });
});

describe('claimUniqueName', () => {
  it('keeps a free name and numbers clashes from 2, skipping numbers already taken', () => {
    const taken = new Set(['getPets', 'getPets2']);
    expect(claimUniqueName('postPets', taken)).toBe('postPets');
    expect(claimUniqueName('getPets', taken)).toBe('getPets3');
    expect(claimUniqueName('getPets', taken)).toBe('getPets4');
  });

  it('never returns a name that was taken', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'a2', 'b', 'a3')), (names) => {
        const taken = new Set<string>();
        const out = names.map((n) => claimUniqueName(n, taken));
        expect(new Set(out).size).toBe(out.length);
      }),
    );
  });
});
