import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupOperations } from './group-operations';
import type { HttpMethod, Operation } from './types';

function op(method: HttpMethod, path: string, tags: string[] = []): Operation {
  return { key: `${method.toUpperCase()} ${path}`, method, path, tags } as unknown as Operation;
}

describe('groupOperations', () => {
  const operations = [
    op('get', '/pets', ['pets']),
    op('get', '/health'),
    op('get', '/store/inventory', ['store']),
    op('delete', '/pets/{petId}', ['pets']),
    op('get', '/', ['root']),
  ];

  it('groups by first tag in the order of first use, untagged last', () => {
    const groups = groupOperations(operations, 'tag');
    expect(groups.map((group) => group.label)).toEqual(['pets', 'store', 'root', 'Untagged']);
    expect(groups[0]!.operations.map((o) => o.key)).toEqual(['GET /pets', 'DELETE /pets/{petId}']);
    expect(groups[3]!.key).toBeUndefined();
  });

  it('groups by the first path segment, the root path on its own', () => {
    const groups = groupOperations(operations, 'path');
    expect(groups.map((group) => group.key)).toEqual(['/pets', '/health', '/store', '/']);
    expect(groups[0]!.operations).toHaveLength(2);
  });

  it('puts every operation in exactly one group, in the model order within it', () => {
    const arbitrary = fc.array(
      fc.record({
        path: fc.constantFrom('/a', '/a/{id}', '/b', '/', '/c/d'),
        tag: fc.option(fc.constantFrom('x', 'y'), { nil: undefined }),
      }),
    );
    fc.assert(
      fc.property(arbitrary, fc.constantFrom('tag' as const, 'path' as const), (items, by) => {
        const ops = items.map((item) => op('get', item.path, item.tag ? [item.tag] : []));
        const grouped = groupOperations(ops, by).flatMap((group) => group.operations);
        expect([...grouped].sort((a, b) => ops.indexOf(a) - ops.indexOf(b))).toEqual(ops);
        expect(grouped).toHaveLength(ops.length);
      }),
    );
  });
});
