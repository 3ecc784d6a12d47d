import type { ModelFile } from './load-files';
import { splitRef } from './ref-paths';
import type { RefFollower } from './resolve-refs';
import type { Sighting } from './scan-document';

/** One cycle of `$ref`s: the places refs point at, and the first ref (in file order) that closes it. */
export interface RefCycle {
  /** The ref targets in the cycle, as `file#pointer` (`#/components/schemas/Node` in the model itself), sorted. */
  members: string[];
  file: ModelFile;
  site: Sighting;
}

/**
 * The `$ref` cycles of a model (a schema that contains itself, directly or
 * through others), one per strongly connected group of ref targets. A target
 * "reaches" every target named by a ref inside it. Resolution leaves such refs
 * in place; this says where, once per cycle rather than once per ref.
 */
export function findRefCycles(files: readonly ModelFile[], refs: RefFollower): RefCycle[] {
  const key = (file: string, fragment: string) => `${file}#${fragment}`;
  type Edge = { from: string; to: string; file: ModelFile; site: Sighting };
  const resolved: Array<{ to: string; file: ModelFile; site: Sighting }> = [];
  // Targets sit near the top of their files (`/components/schemas/X`): only prefixes that short can be one.
  const deepest = new Map<string, number>();
  for (const file of files) {
    for (const site of file.scan.refs) {
      if (refs.target(site.value, file.path) === undefined) continue;
      const toFile = refs.fileOf(site.value, file.path);
      const { fragment } = splitRef(site.value);
      resolved.push({ to: key(toFile, fragment), file, site });
      deepest.set(toFile, Math.max(deepest.get(toFile) ?? 0, fragment === '' ? 0 : fragment.split('/').length - 1));
    }
  }
  const targets = new Set(resolved.map((r) => r.to));
  const edges: Edge[] = [];
  for (const r of resolved) {
    // Every target enclosing the ref reaches what it names (the `$ref` member itself is not a place).
    const limit = Math.min(deepest.get(r.file.path) ?? -1, r.site.path.length - 1);
    let prefix = '';
    for (let depth = 0; depth <= limit; depth++) {
      if (depth > 0) prefix += '/' + escapeToken(r.site.path[depth - 1]!);
      const from = key(r.file.path, prefix);
      if (targets.has(from)) edges.push({ from, ...r });
    }
  }
  const component = stronglyConnected(targets, edges);
  const cycles = new Map<number, RefCycle>();
  for (const edge of edges) {
    const c = component.get(edge.from);
    if (c === undefined || c !== component.get(edge.to) || cycles.has(c)) continue;
    cycles.set(c, { members: [...targets].filter((t) => component.get(t) === c).sort(), file: edge.file, site: edge.site });
  }
  return [...cycles.values()];
}

function escapeToken(token: string): string {
  return token.includes('~') || token.includes('/') ? token.replace(/~/g, '~0').replace(/\//g, '~1') : token;
}

/**
 * Tarjan's algorithm, iterative (ref graphs of large models are deep enough
 * to overflow a recursive one). Returns each node's component number; nodes
 * alone in a component get one only if they have an edge to themselves.
 */
function stronglyConnected(nodes: Set<string>, edges: ReadonlyArray<{ from: string; to: string }>): Map<string, number> {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) {
    const list = next.get(from);
    if (list) list.push(to);
    else next.set(from, [to]);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const component = new Map<string, number>();
  let counter = 0;
  let components = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: Array<{ node: string; child: number }> = [{ node: root, child: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const children = next.get(frame.node) ?? [];
      if (frame.child < children.length) {
        const child = children[frame.child++]!;
        if (!index.has(child)) {
          index.set(child, counter);
          low.set(child, counter++);
          stack.push(child);
          onStack.add(child);
          work.push({ node: child, child: 0 });
        } else if (onStack.has(child)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(child)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      const members: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        members.push(member);
      } while (member !== frame.node);
      const cyclic = members.length > 1 || (next.get(frame.node) ?? []).includes(frame.node);
      if (cyclic) for (const m of members) component.set(m, components);
      components++;
    }
  }
  return component;
}
