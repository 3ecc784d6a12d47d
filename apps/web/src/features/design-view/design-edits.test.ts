// @vitest-environment node
import { readFileSync } from 'node:fs';
import { emptyDesign, importModel, type DesignDocument, type Operation } from '@gatewright/core';
import { describe, expect, it } from 'vitest';
import {
  addBackend,
  applyPattern,
  defaultBackend,
  integratedOperations,
  mockFor,
  nextBackendName,
  removeFromDesign,
  wireAll,
  withPositions,
} from './design-edits';
import { setIntegration } from './wiring';

const samples = new URL('../../../../../packages/core/samples/petstore/', import.meta.url);

async function petstore() {
  const text = readFileSync(new URL('openapi.yaml', samples), 'utf8');
  const { model } = await importModel(text, { file: 'petstore/openapi.yaml' });
  if (!model) throw new Error('the sample model does not import');
  return model;
}

const empty: DesignDocument = emptyDesign('openapi.yaml');
const withStatuses = (...statuses: string[]) =>
  ({ key: 'GET /a', responses: statuses.map((status) => ({ status })) }) as unknown as Operation;

describe('nextBackendName', () => {
  it('numbers backends of a kind from 1, skipping ids and labels taken', () => {
    expect(nextBackendName(empty, 'lambda')).toEqual({ id: 'lambda1', label: 'Lambda 1' });
    const taken: DesignDocument = {
      ...empty,
      backends: {
        lambda1: { kind: 'http', baseUrl: 'https://a.example.com' },
        other: { kind: 'http', label: 'Lambda 2', baseUrl: 'https://b.example.com' },
      },
    };
    expect(nextBackendName(taken, 'lambda')).toEqual({ id: 'lambda3', label: 'Lambda 3' });
    expect(nextBackendName(taken, 'ecs-nlb')).toEqual({ id: 'ecs1', label: 'ECS / NLB 1' });
  });
});

describe('defaultBackend', () => {
  it('makes a new function as the lambda-all pattern does, an HTTP backend without a URL, a new service', async () => {
    const model = await petstore();
    const lambda = defaultBackend(model, 'lambda', 'Lambda 1');
    expect(lambda).toMatchObject({
      kind: 'lambda',
      label: 'Lambda 1',
      function: { source: 'new', runtime: 'nodejs24.x', handler: 'index.handler' },
    });
    expect(defaultBackend(model, 'http', 'HTTP 1')).toEqual({
      kind: 'http',
      label: 'HTTP 1',
      baseUrl: '',
    });
    expect(defaultBackend(model, 'ecs-nlb', 'ECS 1')).toMatchObject({
      kind: 'ecs-nlb',
      service: { source: 'new' },
    });
  });
});

describe('addBackend and wireAll', () => {
  it('adds a backend at a position and wires operations to it in one design', () => {
    const next = addBackend(empty, 'http1', { kind: 'http', baseUrl: '' }, { x: 10.4, y: 20.6 }, [
      'GET /a',
      'GET /b',
    ]);
    expect(next.layout.nodes['backend:http1']).toEqual({ x: 10, y: 21 });
    expect(next.operations['GET /a']?.integration).toEqual({
      kind: 'http',
      backend: 'http1',
      proxy: true,
    });
    expect(next.operations['GET /b']?.integration?.kind).toBe('http');
  });

  it('leaves the design alone for a backend it does not have', () => {
    expect(wireAll(empty, ['GET /a'], 'missing')).toBe(empty);
  });
});

describe('withPositions', () => {
  it('gives back the same design when nothing moved, so a click records no undo step', () => {
    const placed = withPositions(empty, { 'group:pets': { x: 1, y: 2 } });
    expect(placed.layout.nodes['group:pets']).toEqual({ x: 1, y: 2 });
    expect(withPositions(placed, { 'group:pets': { x: 1.2, y: 2 } })).toBe(placed);
  });
});

describe('mockFor', () => {
  it('mocks the first documented 2xx, else the first documented response, else a custom 200', () => {
    expect(mockFor(withStatuses('404', '201', '200')).response).toEqual({
      source: 'documented',
      status: '201',
    });
    expect(mockFor(withStatuses('default', '404')).response).toEqual({
      source: 'documented',
      status: 'default',
    });
    expect(mockFor(withStatuses()).response).toEqual({
      source: 'custom',
      statusCode: 200,
      body: '{}',
    });
  });
});

describe('removeFromDesign', () => {
  const design = wireAll(
    addBackend(empty, 'fn', { kind: 'http', label: 'Fn', baseUrl: '' }, { x: 0, y: 0 }),
    ['GET /a', 'GET /b'],
    'fn',
  );
  const mocked = setIntegration(design, 'GET /c', mockFor(withStatuses('200')));

  it('removes a backend with its position, unwires what it served, and says so', () => {
    const { design: next, summary } = removeFromDesign(mocked, ['fn'], []);
    expect(next.backends).toEqual({});
    expect(next.layout.nodes).toEqual({});
    expect(Object.keys(next.operations)).toEqual(['GET /c']);
    expect(summary).toBe('Removed backend "Fn"; 2 operations are no longer integrated.');
  });

  it("removes an operation's integration", () => {
    const { design: next, summary } = removeFromDesign(mocked, [], ['GET /c']);
    expect(next.operations['GET /c']).toBeUndefined();
    expect(next.backends['fn']).toBeDefined();
    expect(summary).toBe('1 operation is no longer integrated.');
  });

  it('gives back the same design when there is nothing to remove', () => {
    expect(removeFromDesign(mocked, [], ['GET /z']).design).toBe(mocked);
  });
});

describe('applyPattern', () => {
  it('wires every operation to one new Lambda function', async () => {
    const model = await petstore();
    const next = applyPattern(empty, model, 'lambda-all', true);
    expect(Object.keys(next.backends)).toEqual(['lambda1']);
    expect(integratedOperations(next, model.operations)).toHaveLength(model.operations.length);
  });

  it('keeps integrations already there unless told to replace them', async () => {
    const model = await petstore();
    const [first, ...rest] = model.operations;
    const start = wireAll(
      addBackend(empty, 'svc', { kind: 'http', baseUrl: 'https://x.example.com' }, undefined),
      [first!.key],
      'svc',
    );
    const kept = applyPattern(start, model, 'mock-all', false);
    expect(kept.operations[first!.key]?.integration?.kind).toBe('http');
    for (const operation of rest)
      expect(kept.operations[operation.key]?.integration?.kind).toBe('mock');
    const replaced = applyPattern(start, model, 'mock-all', true);
    expect(replaced.operations[first!.key]?.integration?.kind).toBe('mock');
  });

  it('adds an HTTP proxy backend for every operation', async () => {
    const model = await petstore();
    const next = applyPattern(empty, model, 'http-all', true);
    expect(next.backends['http1']?.kind).toBe('http');
    expect(
      model.operations.every(
        (operation) => next.operations[operation.key]?.integration?.kind === 'http',
      ),
    ).toBe(true);
  });
});
