import { unescapePointerToken } from '../json';
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

/** A place in a file's tree of ref targets; `target` is its index among targets when a ref points at it. */
interface Place {
  children: Map<string, Place>;
  target: number;
}

/**
 * The `$ref` cycles of a model (a schema that contains itself, directly or
 * through others), one per strongly connected group of ref targets. A target
 * "reaches" every target named by a ref inside it. Resolution leaves such refs
 * in place; this says where, once per cycle rather than once per ref.
 *
 * Targets are kept in a tree of pointer tokens per file, so finding the
 * targets that enclose a ref is a walk down its path with no strings built:
 * this runs on every import, so it must stay cheap on models with thousands
 * of refs.
 */
export function findRefCycles(files: readonly ModelFile[], refs: RefFollower): RefCycle[] {
  const roots = new Map<string, Place>();
  const names: string[] = [];
  const placeOf = (file: string, fragment: string): Place => {
    let place: Place = roots.get(file) ?? { children: new Map(), target: -1 };
    roots.set(file, place);
    for (const token of fragment === ''
      ? []
      : fragment.slice(1).split('/').map(unescapePointerToken)) {
      const child: Place = place.children.get(token) ?? { children: new Map(), target: -1 };
      place.children.set(token, child);
      place = child;
    }
    if (place.target === -1) {
      place.target = names.length;
      names.push(`${file}#${fragment}`);
    }
    return place;
  };

  const sites: Array<{ file: ModelFile; site: Sighting; to: number }> = [];
  const known = new Map<string, number>();
  for (const file of files) {
    for (const site of file.scan.refs) {
      const cacheKey = file.path + '\u0000' + site.value;
      let to = known.get(cacheKey);
      if (to === undefined) {
        to =
          refs.target(site.value, file.path) === undefined
            ? -1
            : placeOf(refs.fileOf(site.value, file.path), splitRef(site.value).fragment).target;
        known.set(cacheKey, to);
      }
      if (to !== -1) sites.push({ file, site, to });
    }
  }

  const edges: Array<{ from: number; to: number; file: ModelFile; site: Sighting }> = [];
  for (const s of sites) {
    // Every target enclosing the ref (the `$ref` member itself is not a place) reaches what it names.
    let place = roots.get(s.file.path);
    for (let depth = 0; place !== undefined && depth < s.site.path.length; depth++) {
      if (place.target !== -1)
        edges.push({ from: place.target, to: s.to, file: s.file, site: s.site });
      place = place.children.get(s.site.path[depth]!);
    }
  }

  const component = stronglyConnected(names.length, edges);
  const cycles = new Map<number, RefCycle>();
  for (const edge of edges) {
    const c = component[edge.from]!;
    if (c === -1 || c !== component[edge.to] || cycles.has(c)) continue;
    cycles.set(c, {
      members: names.filter((_, i) => component[i] === c).sort(),
      file: edge.file,
      site: edge.site,
    });
  }
  return [...cycles.values()];
}

/**
 * Tarjan's algorithm, iterative (ref graphs of large models are deep enough
 * to overflow a recursive one). Returns each node's component number, -1 for
 * a node on no cycle (alone in its component, without an edge to itself).
 */
function stronglyConnected(
  count: number,
  edges: ReadonlyArray<{ from: number; to: number }>,
): number[] {
  const next: number[][] = Array.from({ length: count }, () => []);
  for (const { from, to } of edges) next[from]!.push(to);
  const index = new Array<number>(count).fill(-1);
  const low = new Array<number>(count).fill(0);
  const onStack = new Array<boolean>(count).fill(false);
  const component = new Array<number>(count).fill(-1);
  const stack: number[] = [];
  let counter = 0;
  let components = 0;
  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    const work: Array<{ node: number; child: number }> = [{ node: root, child: 0 }];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = true;
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const children = next[frame.node]!;
      if (frame.child < children.length) {
        const child = children[frame.child++]!;
        if (index[child] === -1) {
          index[child] = low[child] = counter++;
          stack.push(child);
          onStack[child] = true;
          work.push({ node: child, child: 0 });
        } else if (onStack[child]) {
          low[frame.node] = Math.min(low[frame.node]!, index[child]!);
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent.node] = Math.min(low[parent.node]!, low[frame.node]!);
      if (low[frame.node] !== index[frame.node]) continue;
      const members: number[] = [];
      let member: number;
      do {
        member = stack.pop()!;
        onStack[member] = false;
        members.push(member);
      } while (member !== frame.node);
      if (members.length > 1 || next[frame.node]!.includes(frame.node)) {
        for (const m of members) component[m] = components;
        components++;
      }
    }
  }
  return component;
}
