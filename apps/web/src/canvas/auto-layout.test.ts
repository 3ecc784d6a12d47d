// @vitest-environment node
import { emptyDesign, type DesignDocument, type Operation } from '@gatewright/core';
import { describe, expect, it } from 'vitest';
import { computeLayout, layoutInput } from './auto-layout';
import { buildGraph } from './build-graph';

const op = (method: string, path: string, tag: string) =>
  ({
    key: `${method.toUpperCase()} ${path}`,
    method,
    path,
    name: path,
    tags: [tag],
    responses: [],
  }) as unknown as Operation;

const operations = [
  op('get', '/pets', 'pets'),
  op('post', '/pets', 'pets'),
  op('get', '/inv', 'store'),
];
const design: DesignDocument = {
  ...emptyDesign('openapi.yaml'),
  backends: { fn: { kind: 'http', baseUrl: 'https://x.example.com' } },
  operations: {
    'GET /pets': { integration: { kind: 'http', backend: 'fn', proxy: true } },
    'POST /pets': { integration: { kind: 'http', backend: 'fn', proxy: true } },
    'GET /inv': {
      integration: { kind: 'mock', response: { source: 'documented', status: '200' } },
    },
  },
};

describe('layoutInput', () => {
  it('lays out groups, backends and inline integrations, with operation edges from their group', () => {
    const input = layoutInput(buildGraph(operations, design));
    expect(input.boxes.map((box) => box.id)).toEqual([
      'group:pets',
      'group:store',
      'inline:GET /inv',
      'backend:fn',
    ]);
    expect(input.edges).toEqual([
      { source: 'group:pets', target: 'backend:fn' },
      { source: 'group:store', target: 'inline:GET /inv' },
    ]);
  });
});

describe('computeLayout', () => {
  it('places what serves an operation to the right of its group, without overlaps', async () => {
    const input = layoutInput(buildGraph(operations, design));
    const positions = await computeLayout(input);
    expect(Object.keys(positions).sort()).toEqual(input.boxes.map((box) => box.id).sort());
    expect(positions['backend:fn']!.x).toBeGreaterThanOrEqual(positions['group:pets']!.x + 320);
    const rects = input.boxes.map((box) => ({ ...box, ...positions[box.id]! }));
    for (const a of rects)
      for (const b of rects) {
        if (a === b) continue;
        const apart =
          a.x + a.width <= b.x ||
          b.x + b.width <= a.x ||
          a.y + a.height <= b.y ||
          b.y + b.height <= a.y;
        expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
      }
    expect(await computeLayout(input)).toEqual(positions);
  });
});
