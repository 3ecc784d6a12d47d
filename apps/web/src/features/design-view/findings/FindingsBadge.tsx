import { createContext, useContext } from 'react';
import type { NodeFindingCounts } from './findings-by-node';
import './findings.css';

/** The findings per canvas node, for the badges the node views draw. */
export const NodeFindingsContext = createContext<ReadonlyMap<string, NodeFindingCounts>>(new Map());

/** A node's error and warning counts, or nothing when it has neither. */
export function FindingsBadge({ nodeId }: { nodeId: string }) {
  const counts = useContext(NodeFindingsContext).get(nodeId);
  if (!counts || (counts.errors === 0 && counts.warnings === 0)) return null;
  const label = [
    counts.errors > 0 && `${counts.errors} error${counts.errors === 1 ? '' : 's'}`,
    counts.warnings > 0 && `${counts.warnings} warning${counts.warnings === 1 ? '' : 's'}`,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <span
      className="findings-badge"
      role="img"
      aria-label={label}
      title={label}
      data-testid="findings-badge"
    >
      {counts.errors > 0 && <span className="finding-count severity-error">✕ {counts.errors}</span>}
      {counts.warnings > 0 && (
        <span className="finding-count severity-warning">⚠ {counts.warnings}</span>
      )}
    </span>
  );
}
