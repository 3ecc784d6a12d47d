import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalisePath, resolveRelative, splitRef } from './ref-paths';

describe('splitRef', () => {
  it('separates the file from the URI-decoded fragment', () => {
    expect(splitRef('#/components/schemas/Pet')).toEqual({
      file: '',
      fragment: '/components/schemas/Pet',
    });
    expect(splitRef('other.yaml#/Foo')).toEqual({ file: 'other.yaml', fragment: '/Foo' });
    expect(splitRef('./schemas/pet.yaml')).toEqual({ file: './schemas/pet.yaml', fragment: '' });
    expect(splitRef('#/paths/~1pets~1%7BpetId%7D')).toEqual({
      file: '',
      fragment: '/paths/~1pets~1{petId}',
    });
    expect(splitRef('#/x/100%')).toEqual({ file: '', fragment: '/x/100%' });
  });
});

describe('resolveRelative', () => {
  it.each([
    ['spec/swagger.yaml', 'Pet.yaml', 'spec/Pet.yaml'],
    ['spec/swagger.yaml', '../common/Error.yaml', 'common/Error.yaml'],
    ['multi.yaml', './multi/operation.yaml', 'multi/operation.yaml'],
    ['multi/operation.yaml', './schemas/test-request.yaml', 'multi/schemas/test-request.yaml'],
    ['', 'a/./b/../c.yaml', 'a/c.yaml'],
    ['a.yaml', '../../up.yaml', '../../up.yaml'],
    ['/abs/a.yaml', '../../b.yaml', '/b.yaml'],
    ['a/b.yaml', '/root.yaml', '/root.yaml'],
    ['a/b.yaml', 'https://example.com/x/../y.yaml', 'https://example.com/y.yaml'],
  ])('%s + %s -> %s', (from, rel, out) => {
    expect(resolveRelative(from, rel)).toBe(out);
  });
});

describe('normalisePath', () => {
  const segment = fc.constantFrom('a', 'b', '.', '..', '', 'c.yaml');
  const path = fc
    .tuple(fc.boolean(), fc.array(segment, { maxLength: 8 }))
    .map(([abs, s]) => (abs ? '/' : '') + s.join('/'));

  it('is idempotent', () => {
    fc.assert(fc.property(path, (p) => normalisePath(normalisePath(p)) === normalisePath(p)));
  });

  it('leaves no `.` or empty segments, and `..` only at the start', () => {
    fc.assert(
      fc.property(path, (p) => {
        const segments = normalisePath(p)
          .split('/')
          .slice(p.startsWith('/') ? 1 : 0);
        const firstOther = segments.findIndex((s) => s !== '..');
        expect(segments.filter((s) => s === '.' || (s === '' && segments.length > 1))).toEqual([]);
        if (firstOther !== -1) expect(segments.slice(firstOther)).not.toContain('..');
      }),
    );
  });
});
