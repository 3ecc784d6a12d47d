import { groupOperations } from '../model/group-operations';
import type { Operation } from '../model/types';
import type { BackendId, CanvasLayout } from './types';

/** Vertical distance between two operation nodes. */
const ROW_HEIGHT = 80;
/** Extra space above each tag group, where the canvas draws its label. */
const GROUP_GAP = 60;
/** Backends stand this far right of the operation column. */
const BACKEND_X = 480;
const BACKEND_ROW_HEIGHT = 120;

/** The canvas node id of an operation: `op:GET /pets`. */
export function operationNodeId(operation: Operation): string {
  return `op:${operation.key}`;
}

/** The canvas node id of a backend: `backend:handler`. */
export function backendNodeId(id: BackendId): string {
  return `backend:${id}`;
}

/**
 * First positions for a new design: operations in one column, grouped by
 * their first tag (groups in the order the model first uses them, untagged
 * operations last, the model's order within a group), backends in a column to
 * the right. Deterministic, so a new design is the same every time.
 */
export function initialLayout(
  operations: readonly Operation[],
  backends: readonly BackendId[],
): CanvasLayout {
  const nodes: CanvasLayout['nodes'] = {};
  let y = 0;
  for (const group of groupOperations(operations, 'tag')) {
    y += GROUP_GAP;
    for (const operation of group.operations) {
      nodes[operationNodeId(operation)] = { x: 0, y };
      y += ROW_HEIGHT;
    }
  }
  backends.forEach((id, index) => {
    nodes[backendNodeId(id)] = { x: BACKEND_X, y: GROUP_GAP + index * BACKEND_ROW_HEIGHT };
  });
  return { nodes };
}
