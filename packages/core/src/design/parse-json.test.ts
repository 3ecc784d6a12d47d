import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../json';
import { parseJson } from './parse-json';

/** The text at a 1-based line and column. */
function textAt(text: string, line: number, column: number): string {
  return text.split('\n')[line - 1]!.slice(column - 1);
}

function valueAt(root: JsonValue, pointer: string): JsonValue {
  return pointer
    .split('/')
    .slice(1)
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<JsonValue>((v, token) => (v as Record<string, JsonValue>)[token]!, root);
}

describe('parseJson', () => {
  it('reads what JSON.parse reads, to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const result = parseJson(text);
        expect(result.error).toBeUndefined();
        expect(result.value).toEqual(JSON.parse(text));
      }),
    );
  });

  it('places every value where its text starts, and every member key at its quote', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value, null, 2);
        const { places, value: parsed } = parseJson(text);
        for (const [pointer, place] of places) {
          const expected = JSON.stringify(valueAt(parsed!, pointer), null, 2).split('\n')[0]!;
          expect(textAt(text, place.value.line, place.value.column).startsWith(expected)).toBe(
            true,
          );
          if (place.key) {
            const key = pointer
              .slice(pointer.lastIndexOf('/') + 1)
              .replace(/~1/g, '/')
              .replace(/~0/g, '~');
            expect(
              textAt(text, place.key.line, place.key.column).startsWith(JSON.stringify(key)),
            ).toBe(true);
          }
        }
      }),
    );
  });

  it('rejects exactly the texts JSON.parse rejects, repeated keys aside', () => {
    const jsonish = fc.stringMatching(/^[\s{}[\]",:0-9a-z.\\e+-]{0,12}$/);
    fc.assert(
      fc.property(jsonish, (text) => {
        let accepted: boolean;
        try {
          JSON.parse(text);
          accepted = true;
        } catch {
          accepted = false;
        }
        const result = parseJson(text);
        if (!accepted) expect(result.error).toBeDefined();
        else if (result.error) expect(result.error.message).toMatch(/appears twice/);
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['{\n  "a": 1,\n}', 3, 1, /Trailing comma before `}`/],
    ['[1, 2,]', 1, 7, /Trailing comma before `]`/],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, /Expected `,` or `}` after the value of "a"/],
    ['{\n  "a": [1,\n', 3, 1, /the array opened at line 2, column 8 is never closed; add `]`/],
    ['{"a": \'x\'}', 1, 7, /double quotes/],
    ["{'a': 1}", 1, 2, /Field names in JSON use double quotes/],
    ['{a: 1}', 1, 2, /Expected a field name in double quotes, found `a`/],
    ['{"a": 1} // note', 1, 10, /Comments are not allowed/],
    ['{"a": "x\ny"}', 1, 9, /Line break inside the string starting at line 1, column 7/],
    ['{"a": "x', 1, 9, /Unterminated string starting at line 1, column 7/],
    ['{"a": "\\q"}', 1, 8, /Invalid escape `\\q`/],
    ['{"a": 012}', 1, 7, /Invalid number `012`/],
    ['{"a": True}', 1, 7, /Unexpected `True`/],
    ['{"a": 1} {}', 1, 10, /after the end of the document/],
    ['  \n ', 2, 2, /The file is empty/],
    [
      '{\n  "a": 1,\n  "a": 2\n}',
      3,
      3,
      /The field "a" appears twice in this object \(first at line 2, column 3\)/,
    ],
  ])('reports %j at line %i, column %i', (text, line, column, message) => {
    const { error } = parseJson(text);
    expect(error).toMatchObject({ line, column });
    expect(error!.message).toMatch(message);
  });

  it('refuses nesting deep enough to exhaust the stack, as a finding', () => {
    expect(parseJson('['.repeat(100_000)).error?.message).toMatch(
      /Nested more than 256 levels deep/,
    );
    expect(parseJson('['.repeat(256) + ']'.repeat(256)).error).toBeUndefined();
  });

  it('skips a byte order mark, counting columns after it', () => {
    const result = parseJson('\uFEFF{"a": x}');
    expect(result.error).toMatchObject({ line: 1, column: 7 });
  });

  it('keeps a "__proto__" field as data', () => {
    const { value } = parseJson('{"__proto__": {"polluted": true}}');
    expect(Object.keys(value as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });
});
