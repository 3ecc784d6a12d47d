import { unescapePointerToken, type Diagnostic } from '@gatewright/core';
import { backendNodeId, operationNodeId } from '../../../canvas/build-graph';

/** How many findings of each severity a canvas node has. */
export interface NodeFindingCounts {
  errors: number;
  warnings: number;
  infos: number;
}

/**
 * The canvas node a finding belongs to: its operation's node, or the node of
 * the backend its design pointer lies in (`/backends/<id>/...`). Findings
 * about the API as a whole (authorizers, CORS, the stage) belong to none.
 */
export function nodeOfFinding(finding: Diagnostic): string | undefined {
  const { operation } = finding.location;
  if (operation !== undefined) return operationNodeId(operation);
  const backend = backendOfFinding(finding);
  return backend === undefined ? undefined : backendNodeId(backend);
}

/** The backend a design finding's pointer lies in (`/backends/<id>/...`), if any. */
export function backendOfFinding(finding: Diagnostic): string | undefined {
  const [, first, id] = finding.location.pointer?.split('/', 3) ?? [];
  return first === 'backends' && id !== undefined && id !== ''
    ? unescapePointerToken(id)
    : undefined;
}

/**
 * The findings counted per canvas node, for the badges on the nodes. A node
 * with a parent (an operation in its group) counts for the parent too, so a
 * collapsed group still shows what is wrong inside it.
 */
export function findingsByNode(
  findings: readonly Diagnostic[],
  parents: ReadonlyMap<string, string> = new Map(),
): ReadonlyMap<string, NodeFindingCounts> {
  const counts = new Map<string, NodeFindingCounts>();
  const count = (node: string, finding: Diagnostic) => {
    let entry = counts.get(node);
    if (!entry) {
      entry = { errors: 0, warnings: 0, infos: 0 };
      counts.set(node, entry);
    }
    if (finding.severity === 'error') entry.errors++;
    else if (finding.severity === 'warning') entry.warnings++;
    else entry.infos++;
  };
  for (const finding of findings) {
    const node = nodeOfFinding(finding);
    if (node === undefined) continue;
    count(node, finding);
    const parent = parents.get(node);
    if (parent !== undefined) count(parent, finding);
  }
  return counts;
}

/** Each canvas node's parent (an operation's group), by node id. */
export function parentsOf(
  nodes: readonly { id: string; parentId?: string | undefined }[],
): ReadonlyMap<string, string> {
  const parents = new Map<string, string>();
  for (const node of nodes) if (node.parentId !== undefined) parents.set(node.id, node.parentId);
  return parents;
}
