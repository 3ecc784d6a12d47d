import type { Operation } from './types';

/** How a canvas groups operations: by their first tag, or by the first segment of their path. */
export type OperationGrouping = 'tag' | 'path';

/** Operations that belong together on the canvas. */
export interface OperationGroup {
  /** The first tag (absent for untagged operations), or the path's first segment (`/pets`). */
  key: string | undefined;
  /** What the group is called: the tag, `Untagged`, or the path prefix. */
  label: string;
  operations: Operation[];
}

const UNTAGGED = 'Untagged';

/**
 * Operations grouped by their first tag or by their path's first segment
 * (`/pets/{petId}` is in `/pets`; `/` is its own): groups in the order the
 * model first uses them, untagged operations last, the model's order within
 * a group. Deterministic.
 */
export function groupOperations(
  operations: readonly Operation[],
  by: OperationGrouping,
): OperationGroup[] {
  const groups = new Map<string | undefined, Operation[]>();
  for (const operation of operations) {
    const key = by === 'tag' ? operation.tags[0] : pathPrefix(operation.path);
    const group = groups.get(key);
    if (group) group.push(operation);
    else groups.set(key, [operation]);
  }
  const untagged = groups.get(undefined);
  if (untagged) {
    groups.delete(undefined);
    groups.set(undefined, untagged);
  }
  return [...groups].map(([key, members]) => ({
    key,
    label: key ?? UNTAGGED,
    operations: members,
  }));
}

function pathPrefix(path: string): string {
  const segment = path.split('/')[1];
  return segment ? `/${segment}` : '/';
}
