import { describe, expect, it } from 'vitest';
import { pathParameterHints, placeholderNames } from './path-hints';

describe('pathParameterHints', () => {
  it('maps each parameter of the operation path to its namesake by default', () => {
    const hints = pathParameterHints({ path: '/pets/{petId}' }, {}, 'https://api.example.com/v1/');
    expect(hints.url).toBe('https://api.example.com/v1/pets/{petId}');
    expect(hints.mappings).toEqual([
      {
        integrationParameter: 'integration.request.path.petId',
        source: 'method.request.path.petId',
      },
    ]);
    expect(hints.unknownInUrl).toEqual([]);
    expect(hints.unused).toEqual([]);
  });

  it('flags a path override that names a parameter the operation lacks', () => {
    const hints = pathParameterHints(
      { path: '/pets/{petId}' },
      { path: '/animals/{animalId}' },
      'https://api.example.com',
    );
    expect(hints.unknownInUrl).toEqual(['animalId']);
    expect(hints.unused).toEqual(['petId']);
  });

  it('flags a base URL placeholder, which the render never maps', () => {
    const hints = pathParameterHints({ path: '/pets' }, {}, 'https://{tenant}.example.com');
    expect(hints.unknownInUrl).toEqual(['tenant']);
  });

  it('follows explicit request parameters, literals included', () => {
    const hints = pathParameterHints(
      { path: '/pets/{petId}' },
      {
        path: '/animals/{id}/{kind}',
        requestParameters: {
          'integration.request.path.id': 'method.request.path.petId',
          'integration.request.path.kind': "'pet'",
          'integration.request.header.x-a': 'method.request.header.a',
        },
      },
      'https://api.example.com',
    );
    expect(hints.mappings.map((m) => m.integrationParameter)).toEqual([
      'integration.request.path.id',
      'integration.request.path.kind',
    ]);
    expect(hints.unknownInUrl).toEqual([]);
    expect(hints.unused).toEqual([]);
  });

  it('names a greedy parameter without its plus, as its request parameter does', () => {
    expect(placeholderNames('/files/{proxy+}')).toEqual(['proxy']);
    expect(pathParameterHints({ path: '/files/{proxy+}' }, {}, 'https://x.example.com').url).toBe(
      'https://x.example.com/files/{proxy}',
    );
  });
});
