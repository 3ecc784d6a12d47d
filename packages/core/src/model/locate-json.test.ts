import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pointer, type JsonValue } from '../json';
import { jsonLocator } from './locate-json';

/** Every pointer in a value, with what sits there and whether it is an object member. */
function* places(
  value: JsonValue,
  tokens: string[] = [],
): Generator<{ ptr: string; value: JsonValue; key?: string }> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      yield { ptr: pointer(...tokens, i), value: value[i]! };
      yield* places(value[i]!, [...tokens, String(i)]);
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      yield { ptr: pointer(...tokens, k), value: v, key: k };
      yield* places(v, [...tokens, k]);
    }
  }
}

function offsetOf(text: string, line: number, column: number): number {
  const lines = text.split('\n');
  return lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
}

describe('jsonLocator', () => {
  it('finds keys of members and starts of array items, 1-based', () => {
    const text = '{\n  "paths": {\n    "/pets": {"get": {"tags": ["a", "b"]}}\n  }\n}';
    const locate = jsonLocator(text);
    expect(locate('')).toEqual({ line: 1, column: 1 });
    expect(locate('/paths')).toEqual({ line: 2, column: 3 });
    expect(locate('/paths/~1pets/get')).toEqual({ line: 3, column: 15 });
    expect(locate('/paths/~1pets/get/tags/1')).toEqual({ line: 3, column: 37 });
    expect(locate('/paths/~1pets/post')).toBeUndefined();
    expect(locate('/paths/~1pets/get/tags/2')).toBeUndefined();
  });

  it('locates every place of any JSON document, in any order, however it is indented', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 4 }),
        fc.constantFrom(0, 1, 2, '\t'),
        fc.boolean(),
        (value, indent, reverse) => {
          const text = JSON.stringify(value, null, indent);
          const locate = jsonLocator(text);
          const all = [...places(value as JsonValue)];
          for (const place of reverse ? all.reverse() : all) {
            const at = locate(place.ptr);
            expect(at, place.ptr).toBeDefined();
            const rest = text.slice(offsetOf(text, at!.line, at!.column));
            const expected =
              place.key !== undefined
                ? JSON.stringify(place.key)
                : JSON.stringify(place.value, null, indent).split('\n')[0]!;
            expect(rest.startsWith(expected), `${place.ptr} at ${JSON.stringify(at)}`).toBe(true);
          }
        },
      ),
    );
  });
});
