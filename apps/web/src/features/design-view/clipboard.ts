import type {
  Backend,
  BackendId,
  DesignDocument,
  OperationIntegration,
  OperationKey,
} from '@gatewright/core';
import { backendNodeId } from '../../canvas/build-graph';
import type { FlowPoint } from '../../canvas/graph-types';
import { addBackend } from './design-edits';
import { setIntegration } from './wiring';

/** What was copied from the canvas: backends with where they stood, and operations' integrations. */
export interface Clip {
  backends: { id: BackendId; backend: Backend; at: FlowPoint | undefined }[];
  integrations: OperationIntegration[];
}

/** The ids of canvas nodes, sorted by what they stand for. */
export interface SelectedItems {
  backendIds: BackendId[];
  /** Operations, and the operations whose mock or raw integration node is selected. */
  operationKeys: OperationKey[];
}

/** Reads canvas node ids (`backend:x`, `op:GET /a`, `inline:GET /a`); groups are not items. */
export function selectedItems(nodeIds: readonly string[]): SelectedItems {
  const backendIds: BackendId[] = [];
  const operationKeys = new Set<OperationKey>();
  for (const id of nodeIds) {
    if (id.startsWith('backend:')) backendIds.push(id.slice('backend:'.length));
    else if (id.startsWith('op:')) operationKeys.add(id.slice('op:'.length));
    else if (id.startsWith('inline:')) operationKeys.add(id.slice('inline:'.length));
  }
  return { backendIds, operationKeys: [...operationKeys] };
}

/** The selection as a clip; undefined when it holds nothing to copy. */
export function copyItems(design: DesignDocument, items: SelectedItems): Clip | undefined {
  const backends = items.backendIds.flatMap((id) => {
    const backend = design.backends[id];
    return backend ? [{ id, backend, at: design.layout.nodes[backendNodeId(id)] }] : [];
  });
  const integrations = items.operationKeys.flatMap((key) => {
    const integration = design.operations[key]?.integration;
    return integration ? [integration] : [];
  });
  if (backends.length === 0 && integrations.length === 0) return undefined;
  return { backends, integrations };
}

// Far enough that the copy does not hide the original.
const PASTE_OFFSET = 40;

/** A design after a paste, and the canvas ids of what it made (to select them). */
export interface Paste {
  design: DesignDocument;
  nodeIds: string[];
}

/**
 * Pastes a clip: each backend again under a new id (`lambda1-copy`), labelled
 * as a copy, a little below and right of the original; and, when operations
 * are selected, the first copied integration on each of them (a backend
 * integration keeps pointing at its backend).
 */
export function pasteClip(
  design: DesignDocument,
  clip: Clip,
  targets: readonly OperationKey[],
): Paste {
  let next = design;
  const nodeIds: string[] = [];
  for (const { id, backend, at } of clip.backends) {
    const copyId = freeId(next, `${id}-copy`);
    const label = freeLabel(next, `${backend.label ?? id} copy`);
    const position = at && { x: at.x + PASTE_OFFSET, y: at.y + PASTE_OFFSET };
    next = addBackend(next, copyId, { ...backend, label }, position);
    nodeIds.push(backendNodeId(copyId));
  }
  const [integration] = clip.integrations;
  if (integration) {
    for (const key of targets) next = setIntegration(next, key, integration);
  }
  return { design: next, nodeIds };
}

function freeId(design: DesignDocument, base: string): BackendId {
  if (!(base in design.backends)) return base;
  for (let n = 2; ; n++) if (!(`${base}${n}` in design.backends)) return `${base}${n}`;
}

function freeLabel(design: DesignDocument, base: string): string {
  const labels = new Set(Object.values(design.backends).map((backend) => backend.label));
  if (!labels.has(base)) return base;
  for (let n = 2; ; n++) if (!labels.has(`${base} ${n}`)) return `${base} ${n}`;
}
