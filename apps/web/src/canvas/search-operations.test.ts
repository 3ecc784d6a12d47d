import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OperationNodeData } from './graph-types';
import { searchOperations } from './search-operations';

const operation = (
  method: OperationNodeData['method'],
  path: string,
  name: string,
  tag?: string,
): OperationNodeData => ({
  key: `${method.toUpperCase()} ${path}`,
  method,
  path,
  name,
  ...(tag === undefined ? {} : { tag }),
});

const OPERATIONS = [
  operation('get', '/pets', 'listPets', 'pets'),
  operation('post', '/pets', 'createPets', 'pets'),
  operation('get', '/store/inventory', 'getInventory', 'store'),
  operation('delete', '/pets/{petId}', 'deletePet'),
];

describe('searchOperations', () => {
  it('finds operations by path, name, method or tag, ignoring case', () => {
    const keys = (query: string) => searchOperations(OPERATIONS, query).map((op) => op.key);
    expect(keys('inventory')).toEqual(['GET /store/inventory']);
    expect(keys('CREATEPETS')).toEqual(['POST /pets']);
    expect(keys('delete')).toEqual(['DELETE /pets/{petId}']);
    expect(keys('store')).toEqual(['GET /store/inventory']);
  });

  it('needs every term to match', () => {
    expect(searchOperations(OPERATIONS, 'post pets').map((op) => op.key)).toEqual(['POST /pets']);
    expect(searchOperations(OPERATIONS, 'post inventory')).toEqual([]);
  });

  it('lists operations whose path or name starts with the query first', () => {
    const keys = searchOperations(OPERATIONS, 'pet').map((op) => op.key);
    expect(keys).toEqual(['GET /pets', 'POST /pets', 'DELETE /pets/{petId}']);
    expect(searchOperations(OPERATIONS, 'get').map((op) => op.key)).toEqual([
      'GET /store/inventory',
      'GET /pets',
    ]);
  });

  it('finds nothing for a blank query and at most the limit', () => {
    expect(searchOperations(OPERATIONS, '  ')).toEqual([]);
    expect(searchOperations(OPERATIONS, 'e', 2)).toHaveLength(2);
  });

  it('finds each operation by its own path', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { minLength: 1 }), (segments) => {
        const path = `/${segments.join('/')}`;
        const target = operation('put', path, 'x');
        const found = searchOperations([...OPERATIONS, target], path, 100);
        expect(found).toContain(target);
      }),
    );
  });
});
