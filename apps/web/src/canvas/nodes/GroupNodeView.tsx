import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useCanvasActions } from '../canvas-actions';
import type { GroupNode } from '../graph-types';
import { FindingsBadge } from '../../features/design-view/findings/FindingsBadge';

/** A tag's operations; its header collapses them (their edges then leave from the group). */
export function GroupNodeView({ id, data }: NodeProps<GroupNode>) {
  const { toggleGroup } = useCanvasActions();
  return (
    <div className={`group-node${data.collapsed ? ' collapsed' : ''}`} data-testid="group-node">
      <div className="group-header">
        <button
          type="button"
          className="nodrag group-toggle"
          aria-expanded={!data.collapsed}
          aria-label={`${data.collapsed ? 'Expand' : 'Collapse'} group ${data.label}`}
          onClick={() => toggleGroup(data.groupId)}
        >
          {data.collapsed ? '▸' : '▾'}
        </button>
        <span className="group-label">{data.label}</span>
        <FindingsBadge nodeId={id} />
        <span className="group-count">
          {data.integratedCount}/{data.operationCount}
        </span>
      </div>
      {data.collapsed && <Handle type="source" position={Position.Right} />}
    </div>
  );
}
