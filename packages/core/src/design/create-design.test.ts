import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeModel, makeOperation } from '../../test/fixtures';
import { importModel } from '../model/import-model';
import type { ApiModel, Operation, ResponseDoc } from '../model/types';
import { createDesign, SHARED_HANDLER_ID, type DesignPattern } from './create-design';
import { loadDesign, serializeDesign } from './load-design';
import { starterCode } from './starter-code';

const SAMPLE = new URL('../../samples/petstore/openapi.yaml', import.meta.url);
let petstore: ApiModel;

beforeAll(async () => {
  const { model, diagnostics } = await importModel(readFileSync(SAMPLE, 'utf8'), {
    file: 'openapi.yaml',
  });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  petstore = model!;
});

const response = (status: string): ResponseDoc => ({
  status,
  content: [],
  headers: [],
  pointer: `/r/${status}`,
});
const withResponses = (...statuses: string[]): Operation =>
  makeOperation({ responses: statuses.map(response) });
const patterns: DesignPattern[] = ['mock-all', 'lambda-all', 'empty'];

describe('createDesign on the sample pet store', () => {
  it('mock-all mocks each operation with its first documented success response', () => {
    const design = createDesign(petstore, {
      pattern: 'mock-all',
      modelPath: 'samples/petstore/openapi.yaml',
    });
    const statuses = Object.fromEntries(
      Object.entries(design.operations).map(([key, op]) => [
        key,
        op.integration?.kind === 'mock' ? op.integration.response : undefined,
      ]),
    );
    expect(statuses).toEqual({
      'GET /pets': { source: 'documented', status: '200' },
      'POST /pets': { source: 'documented', status: '201' },
      'GET /pets/{petId}': { source: 'documented', status: '200' },
      'DELETE /pets/{petId}': { source: 'documented', status: '204' },
      'GET /store/inventory': { source: 'documented', status: '200' },
    });
    expect(design.backends).toEqual({});
  });

  it('lambda-all wires every operation to one new Node.js function', () => {
    const design = createDesign(petstore, { pattern: 'lambda-all', modelPath: 'openapi.yaml' });
    expect(design.backends).toEqual({
      [SHARED_HANDLER_ID]: {
        kind: 'lambda',
        function: {
          source: 'new',
          runtime: 'nodejs24.x',
          handler: 'index.handler',
          memoryMiB: 256,
          timeoutSeconds: 29,
          code: starterCode('nodejs24.x'),
        },
      },
    });
    expect(Object.keys(design.operations)).toEqual(petstore.operations.map((o) => o.key));
    for (const op of Object.values(design.operations))
      expect(op).toEqual({ integration: { kind: 'lambda', backend: 'handler' } });
  });

  it('empty wires nothing but lays out every operation', () => {
    const design = createDesign(petstore, { pattern: 'empty', modelPath: 'openapi.yaml' });
    expect(design.operations).toEqual({});
    expect(design.backends).toEqual({});
    expect(Object.keys(design.layout.nodes).sort()).toEqual(
      petstore.operations.map((o) => `op:${o.key}`).sort(),
    );
  });

  it.each(patterns)(
    '%s gives a design the schema accepts, naming the model beside it',
    (pattern) => {
      const design = createDesign(petstore, { pattern, modelPath: 'api/specs/openapi.yaml' });
      expect(design.model).toBe('openapi.yaml');
      expect(loadDesign(serializeDesign(design))).toEqual({ design, diagnostics: [] });
    },
  );

  it('lays operations out in a column by first tag, backends to the right', () => {
    const { nodes } = createDesign(petstore, {
      pattern: 'lambda-all',
      modelPath: 'openapi.yaml',
    }).layout;
    const pets = ['GET /pets', 'POST /pets', 'GET /pets/{petId}', 'DELETE /pets/{petId}'].map(
      (k) => nodes[`op:${k}`]!,
    );
    const store = nodes['op:GET /store/inventory']!;
    expect(new Set([...pets, store].map((p) => p.x))).toEqual(new Set([0]));
    const ys = pets.map((p) => p.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    const rowHeight = ys[1]! - ys[0]!;
    expect(store.y - ys[3]!).toBeGreaterThan(rowHeight);
    expect(nodes[`backend:${SHARED_HANDLER_ID}`]!.x).toBeGreaterThan(0);
  });
});

describe('createDesign rules', () => {
  it.each([
    [['default', '2XX', '203', '201', '404'], '201'],
    [['404', 'default', '2XX'], '2XX'],
    [['2xx'], '2xx'],
    [['500', 'default'], 'default'],
    [['404', '304', '302'], '302'],
    [['404', '3XX'], '3XX'],
  ])('mocks %j with %s', (statuses, status) => {
    const design = createDesign(makeModel([withResponses(...statuses)]), {
      pattern: 'mock-all',
      modelPath: 'm.yaml',
    });
    expect(design.operations['GET /pets']!.integration).toEqual({
      kind: 'mock',
      response: { source: 'documented', status },
    });
  });

  it('gives an operation that documents only errors a custom 200 {} mock', () => {
    const design = createDesign(makeModel([withResponses('400', '404')]), {
      pattern: 'mock-all',
      modelPath: 'm.yaml',
    });
    expect(design.operations['GET /pets']!.integration).toEqual({
      kind: 'mock',
      response: { source: 'custom', statusCode: 200, body: '{}' },
    });
  });

  it('puts untagged operations after every tag group, in the model order within a group', () => {
    const ops = [
      makeOperation({ path: '/a', tags: [] }),
      makeOperation({ path: '/b', tags: ['second', 'first'] }),
      makeOperation({ path: '/c', tags: ['first'] }),
      makeOperation({ path: '/d', tags: ['second'] }),
    ];
    const { nodes } = createDesign(makeModel(ops), {
      pattern: 'empty',
      modelPath: 'm.yaml',
    }).layout;
    const order = Object.entries(nodes)
      .sort(([, p], [, q]) => p.y - q.y)
      .map(([id]) => id);
    expect(order).toEqual(['op:GET /b', 'op:GET /d', 'op:GET /c', 'op:GET /a']);
  });

  it('wires every operation of any model, gives distinct positions, and is deterministic', () => {
    const status = fc.constantFrom('200', '201', '204', '2XX', 'default', '400', '404', '500');
    const operation = fc.record({
      path: fc.stringMatching(/^\/[a-z{}]{0,6}$/),
      method: fc.constantFrom('get' as const, 'post' as const, 'delete' as const),
      tags: fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 2 }),
      statuses: fc.uniqueArray(status, { maxLength: 4 }),
    });
    const models = fc
      .uniqueArray(operation, { selector: (o) => `${o.method} ${o.path}`, maxLength: 12 })
      .map((ops) =>
        makeModel(
          ops.map((o) =>
            makeOperation({
              path: o.path,
              method: o.method,
              tags: o.tags,
              responses: o.statuses.map(response),
            }),
          ),
        ),
      );
    fc.assert(
      fc.property(models, fc.constantFrom(...patterns), (model, pattern) => {
        const design = createDesign(model, { pattern, modelPath: 'm.yaml' });
        expect(createDesign(model, { pattern, modelPath: 'm.yaml' })).toEqual(design);
        const wired = Object.keys(design.operations).sort();
        expect(wired).toEqual(pattern === 'empty' ? [] : model.operations.map((o) => o.key).sort());
        const positions = Object.values(design.layout.nodes).map((p) => `${p.x},${p.y}`);
        expect(new Set(positions).size).toBe(positions.length);
        expect(Object.keys(design.layout.nodes)).toHaveLength(
          model.operations.length + Object.keys(design.backends).length,
        );
      }),
    );
  });
});
