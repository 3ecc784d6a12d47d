import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type IdentifierLanguage,
  RESERVED_WORDS,
  assignIdentifiers,
  assignKeyedIdentifiers,
  identifierCollisions,
  identifierFor,
  isValidIdentifier,
  splitWords,
} from './identifiers';

const LANGUAGES: IdentifierLanguage[] = ['typescript', 'python', 'java'];

/** Names like real operation ids and backend ids: separators, capitals, digits, reserved words, non-ASCII. */
const nameArb = fc.oneof(
  fc.string(),
  fc.stringMatching(/^[A-Za-z0-9 ./:_{}-]{0,12}$/),
  fc.constantFrom(
    'delete',
    'import',
    'class',
    'lambda',
    'None',
    'meta/root',
    'repos/get',
    '2fa',
    'ñandú',
    '',
  ),
);

describe('identifierFor', () => {
  it.each([
    ['meta/root', 'metaRoot', 'meta_root'],
    ['repos/get', 'reposGet', 'repos_get'],
    ['listPets', 'listPets', 'list_pets'],
    ['say hello', 'sayHello', 'say_hello'],
    ['pets.list', 'petsList', 'pets_list'],
    ['getHTTPStatus', 'getHttpStatus', 'get_http_status'],
    ['2fa/enable', 'call2faEnable', 'call_2fa_enable'],
    ['delete', 'callDelete', 'delete'],
    ['import', 'callImport', 'call_import'],
    ['lambda', 'lambda', 'call_lambda'],
    ['///', 'call', 'call'],
  ])('%s -> %s (TypeScript), %s (Python)', (name, ts, py) => {
    expect(identifierFor(name, 'typescript')).toBe(ts);
    expect(identifierFor(name, 'python')).toBe(py);
  });

  it('keeps non-ASCII names apart by code point', () => {
    expect(splitWords('ñandú')).toEqual(['u00f1', 'and', 'u00fa']);
    expect(identifierFor('日本', 'java')).not.toBe(identifierFor('中国', 'java'));
  });

  it('gives a valid identifier for any name', () => {
    fc.assert(
      fc.property(nameArb, fc.constantFrom(...LANGUAGES), (name, language) => {
        expect(isValidIdentifier(identifierFor(name, language), language)).toBe(true);
      }),
    );
  });
});

describe('assignIdentifiers', () => {
  it('gives valid, distinct identifiers to distinct names, avoiding taken ones', () => {
    fc.assert(
      fc.property(
        fc.array(nameArb),
        fc.constantFrom(...LANGUAGES),
        fc.array(nameArb, { maxLength: 3 }),
        (names, language, takenNames) => {
          const taken = takenNames.map((n) => identifierFor(n, language));
          const ids = assignIdentifiers(names, language, taken);
          expect([...ids.keys()].sort()).toEqual([...new Set(names)].sort());
          const values = [...ids.values()];
          expect(new Set(values).size).toBe(values.length);
          for (const id of values) {
            expect(isValidIdentifier(id, language)).toBe(true);
            expect(taken).not.toContain(id);
          }
        },
      ),
    );
  });

  it('does not depend on the order of the names', () => {
    fc.assert(
      fc.property(fc.array(nameArb), fc.constantFrom(...LANGUAGES), (names, language) => {
        const forward = assignIdentifiers(names, language);
        const backward = assignIdentifiers([...names].reverse(), language);
        for (const name of names) expect(backward.get(name)).toBe(forward.get(name));
      }),
    );
  });

  it('keeps an unclashing name at its plain identifier', () => {
    const ids = assignIdentifiers(['list pets', 'listPets', 'getPet', 'listPets2'], 'typescript');
    expect(ids.get('getPet')).toBe('getPet');
    expect(ids.get('list pets')).toBe('listPets');
    // listPets2 is somebody's own name, so the clash skips to 3.
    expect(ids.get('listPets2')).toBe('listPets2');
    expect(ids.get('listPets')).toBe('listPets3');
  });

  it('suffixes Python names with an underscore', () => {
    expect(assignIdentifiers(['lambda'], 'python', ['call_lambda']).get('lambda')).toBe(
      'call_lambda_2',
    );
  });
});

describe('assignKeyedIdentifiers', () => {
  it('tells apart things with the same name, the smaller key keeping the plain identifier', () => {
    const ids = assignKeyedIdentifiers(
      new Map([
        ['backend:api', 'api'],
        ['api', 'api'],
        ['backend:x', 'x link'],
        ['link:x', 'x link'],
      ]),
      'typescript',
    );
    expect([...ids].sort()).toEqual([
      ['api', 'api'],
      ['backend:api', 'api2'],
      ['backend:x', 'xLink'],
      ['link:x', 'xLink2'],
    ]);
  });
});

describe('identifierCollisions', () => {
  it('reports distinct names that share an identifier, per language', () => {
    expect(
      identifierCollisions(['meta/root', 'meta.root', 'metaRoot', 'other'], 'typescript'),
    ).toEqual([{ identifier: 'metaRoot', names: ['meta.root', 'meta/root', 'metaRoot'] }]);
    expect(identifierCollisions(['del', 'Del'], 'python')).toEqual([
      { identifier: 'call_del', names: ['Del', 'del'] },
    ]);
    expect(identifierCollisions(['del', 'Del'], 'typescript')).toEqual([
      { identifier: 'del', names: ['Del', 'del'] },
    ]);
    expect(identifierCollisions(['a', 'b'], 'java')).toEqual([]);
  });

  it('finds exactly the names assignIdentifiers had to suffix', () => {
    fc.assert(
      fc.property(fc.array(nameArb), fc.constantFrom(...LANGUAGES), (names, language) => {
        const ids = assignIdentifiers(names, language);
        const suffixed = [...ids]
          .filter(([name, id]) => id !== identifierFor(name, language))
          .map(([n]) => n);
        const reported = identifierCollisions(names, language).flatMap((c) => c.names.slice(1));
        expect(reported.sort()).toEqual(suffixed.sort());
      }),
    );
  });

  it('knows each language has its own reserved words', () => {
    expect(RESERVED_WORDS.python.has('lambda')).toBe(true);
    expect(RESERVED_WORDS.typescript.has('lambda')).toBe(false);
    expect(RESERVED_WORDS.java.has('goto')).toBe(true);
  });
});
