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

/** The findings counted per canvas node, for the badges on the nodes. */
export function findingsByNode(
  findings: readonly Diagnostic[],
): ReadonlyMap<string, NodeFindingCounts> {
  const counts = new Map<string, NodeFindingCounts>();
  for (const finding of findings) {
    const node = nodeOfFinding(finding);
    if (node === undefined) continue;
    let entry = counts.get(node);
    if (!entry) {
      entry = { errors: 0, warnings: 0, infos: 0 };
      counts.set(node, entry);
    }
    if (finding.severity === 'error') entry.errors++;
    else if (finding.severity === 'warning') entry.warnings++;
    else entry.infos++;
  }
  return counts;
}
