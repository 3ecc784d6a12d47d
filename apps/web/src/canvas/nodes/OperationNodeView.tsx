import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { OperationNode } from '../graph-types';
import { FindingsBadge } from '../../features/design-view/findings/FindingsBadge';

/** An operation: method badge, path, name and tag; marked when nothing serves it. */
export function OperationNodeView({ id, data, selected }: NodeProps<OperationNode>) {
  const wired = data.integration !== undefined;
  return (
    <div
      className={`node operation-node${wired ? '' : ' unwired'}${selected ? ' selected' : ''}`}
      data-testid="operation-node"
      data-operation-key={data.key}
      title={data.summary ?? data.key}
    >
      <div className="operation-line">
        <span className={`method-badge method-${data.method}`}>{methodLabel(data.method)}</span>
        <span className="operation-path">{data.path}</span>
      </div>
      <div className="operation-meta">
        <span className="operation-name">{data.name}</span>
        {data.tag !== undefined && <span className="tag-chip">{data.tag}</span>}
        {!wired && <span className="unwired-mark">Not integrated</span>}
        <FindingsBadge nodeId={id} />
      </div>
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

function methodLabel(method: string): string {
  return method === 'x-amazon-apigateway-any-method' ? 'ANY' : method.toUpperCase();
}
