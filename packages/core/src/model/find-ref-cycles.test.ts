import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importModel } from './import-model';

/** Nodes reachable from `from` in one or more steps. */
function reachable(edges: Array<[number, number]>, from: number): Set<number> {
  const seen = new Set<number>();
  const todo = edges.filter(([a]) => a === from).map(([, b]) => b);
  while (todo.length > 0) {
    const n = todo.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    todo.push(...edges.filter(([a]) => a === n).map(([, b]) => b));
  }
  return seen;
}

describe('findRefCycles (through importModel)', () => {
  it('reports one finding per group of mutually reachable schemas, naming exactly them', async () => {
    const graph = fc
      .integer({ min: 1, max: 7 })
      .chain((n) =>
        fc.tuple(
          fc.constant(n),
          fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 12 }),
        ),
      );
    await fc.assert(
      fc.asyncProperty(graph, async ([n, edges]) => {
        const schemas: Record<string, unknown> = {};
        for (let i = 0; i < n; i++) {
          const properties = Object.fromEntries(
            edges
              .map(([a, b], k) => [a, b, k] as const)
              .filter(([a]) => a === i)
              .map(([, b, k]) => [`p${k}`, { $ref: `#/components/schemas/S${b}` }]),
          );
          schemas[`S${i}`] = { type: 'object', properties };
        }
        const text = JSON.stringify({
          openapi: '3.0.3',
          info: { title: 't', version: '1' },
          paths: {},
          components: { schemas },
        });
        const { diagnostics } = await importModel(text);
        const cyclic = [...Array(n).keys()].filter((i) => reachable(edges, i).has(i));
        const groups = new Set(
          cyclic.map((i) =>
            cyclic
              .filter((j) => reachable(edges, i).has(j) && reachable(edges, j).has(i))
              .join(','),
          ),
        );
        const found = diagnostics.filter((d) => d.code === 'model.circular-ref');
        expect(found).toHaveLength(groups.size);
        // Each message lists its cycle's members (the first four, then "and K more").
        const lists = found.map(
          (d) => /closes a cycle of references \(([^)]*)\)/.exec(d.message)![1]!,
        );
        const named = lists.flatMap((l) =>
          [...l.matchAll(/#\/components\/schemas\/S(\d+)/g)].map((m) => Number(m[1])),
        );
        const more = lists.reduce((sum, l) => sum + Number(/and (\d+) more/.exec(l)?.[1] ?? 0), 0);
        expect(named.length + more).toBe(cyclic.length);
        for (const s of named) expect(cyclic).toContain(s);
      }),
      { numRuns: 150 },
    );
  });
});
