// @vitest-environment node
import { readFileSync } from 'node:fs';
import { importModel, type DesignDocument } from '@gatewright/core';
import { describe, expect, it } from 'vitest';
import { COLLAPSE_ABOVE_OPERATIONS, buildGraph, initiallyCollapsedGroups } from './build-graph';
import { completeness } from './completeness';

const samples = new URL('../../../../packages/core/samples/petstore/', import.meta.url);
const modelText = readFileSync(new URL('openapi.yaml', samples), 'utf8');
const sampleDesign = JSON.parse(
  readFileSync(new URL('openapi.gatewright.json', samples), 'utf8'),
) as DesignDocument;

async function petstore() {
  const { model } = await importModel(modelText, { file: 'petstore/openapi.yaml' });
  if (!model) throw new Error('the sample model does not import');
  return model.operations;
}

const byType = (graph: ReturnType<typeof buildGraph>, type: string) =>
  graph.nodes.filter((node) => node.type === type);

describe('buildGraph', () => {
  it('groups operations by tag, draws each backend once and an edge per integrated operation', async () => {
    const operations = await petstore();
    const graph = buildGraph(operations, sampleDesign);

    expect(byType(graph, 'tagGroup').map((n) => n.id)).toEqual(['group:pets', 'group:store']);
    const ops = byType(graph, 'operation');
    expect(ops).toHaveLength(operations.length);
    expect(new Set(ops.map((n) => n.parentId))).toEqual(new Set(['group:pets', 'group:store']));
    expect(byType(graph, 'backend').map((n) => n.id)).toEqual([
      'backend:handler',
      'backend:inventory',
    ]);

    const targets = Object.fromEntries(graph.edges.map((e) => [e.source, e.target]));
    for (const [key, operation] of Object.entries(sampleDesign.operations)) {
      const integration = operation.integration!;
      const expected =
        integration.kind === 'mock' || integration.kind === 'raw'
          ? `inline:${key}`
          : `backend:${integration.backend}`;
      expect(targets[`op:${key}`], key).toBe(expected);
    }
    expect(graph.edges.every((edge) => !edge.hidden)).toBe(true);
  });

  it('hides a collapsed group’s operations and leads their edges from the group, once per target', async () => {
    const operations = await petstore();
    const graph = buildGraph(operations, sampleDesign, {
      collapsedGroups: new Set(['group:pets']),
    });

    const pets = graph.nodes.filter((n) => n.parentId === 'group:pets');
    expect(pets.length).toBeGreaterThan(0);
    expect(pets.every((n) => n.hidden)).toBe(true);
    const visible = graph.edges.filter((e) => !e.hidden);
    expect(visible.filter((e) => e.source === 'group:pets')).toEqual([
      expect.objectContaining({ target: 'backend:handler' }),
    ]);
    expect(visible.some((e) => e.source.startsWith('op:GET /pets'))).toBe(false);
    // The other group is untouched and sits right under the collapsed one.
    const store = graph.nodes.find((n) => n.id === 'group:store')!;
    const expanded = buildGraph(operations, sampleDesign).nodes.find(
      (n) => n.id === 'group:store',
    )!;
    expect(store.position.y).toBeLessThan(expanded.position.y);
  });

  it('draws no edge to a backend the design does not define', async () => {
    const operations = await petstore();
    const design: DesignDocument = {
      ...sampleDesign,
      operations: { 'GET /pets': { integration: { kind: 'lambda', backend: 'missing' } } },
    };
    const graph = buildGraph(operations, design);
    expect(graph.edges).toEqual([]);
  });

  it('stands groups, backends and inline integrations where the layout saved them', async () => {
    const operations = await petstore();
    const placed: DesignDocument = {
      ...sampleDesign,
      layout: {
        nodes: {
          'group:pets': { x: 500, y: 900 },
          'backend:handler': { x: 1200, y: 40 },
          'inline:GET /pets/{petId}': { x: 900, y: 10 },
        },
      },
    };
    const position = (id: string) =>
      buildGraph(operations, placed).nodes.find((node) => node.id === id)?.position;

    expect(position('group:pets')).toEqual({ x: 500, y: 900 });
    expect(position('backend:handler')).toEqual({ x: 1200, y: 40 });
    expect(position('inline:GET /pets/{petId}')).toEqual({ x: 900, y: 10 });
    // An unplaced group stacks below the lowest placed one; an unplaced backend keeps its column.
    expect(position('group:store')!.y).toBeGreaterThan(900);
    expect(position('backend:inventory')!.x).toBe(720);
  });
});

describe('completeness', () => {
  it('counts the operations with an integration and names the others', async () => {
    const operations = await petstore();
    expect(completeness(operations, sampleDesign)).toEqual({
      integrated: operations.length,
      total: operations.length,
      unwired: [],
    });

    const { 'GET /pets': _removed, ...rest } = sampleDesign.operations;
    const partial = completeness(operations, { ...sampleDesign, operations: rest });
    expect(partial).toEqual({
      integrated: operations.length - 1,
      total: operations.length,
      unwired: ['GET /pets'],
    });
  });
});

describe('buildGraph by path prefix', () => {
  it('groups operations by their first path segment, each in one group with its edges kept', async () => {
    const operations = await petstore();
    const byTag = buildGraph(operations, sampleDesign);
    const byPath = buildGraph(operations, sampleDesign, { grouping: 'path' });
    const groups = byType(byPath, 'tagGroup');
    expect(groups.map((n) => n.id)).toEqual(['group:path:/pets', 'group:path:/store']);
    expect(groups.map((n) => (n.data as { operationCount: number }).operationCount)).toEqual([
      4, 1,
    ]);
    expect(byPath.edges.map((edge) => edge.target).sort()).toEqual(
      byTag.edges.map((edge) => edge.target).sort(),
    );
    const collapsed = buildGraph(operations, sampleDesign, {
      grouping: 'path',
      collapsedGroups: initiallyCollapsedGroups(operations, 'path').size
        ? initiallyCollapsedGroups(operations, 'path')
        : new Set(['group:path:/store']),
    });
    const inventory = collapsed.nodes.find((node) => node.id === 'op:GET /store/inventory');
    expect(inventory?.hidden).toBe(true);
  });
});

describe('initiallyCollapsedGroups', () => {
  it('collapses nothing in a small design and every group in a large one', async () => {
    const operations = await petstore();
    expect(initiallyCollapsedGroups(operations)).toEqual(new Set());

    const many = Array.from({ length: COLLAPSE_ABOVE_OPERATIONS + 1 }, (_, index) => {
      const operation = operations[index % operations.length]!;
      return { ...operation, key: `${operation.key}/${index}` };
    });
    expect(initiallyCollapsedGroups(many)).toEqual(new Set(['group:pets', 'group:store']));
  });
});
