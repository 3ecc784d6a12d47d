import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { InlineNode } from '../graph-types';

/** One operation's own integration: a mock (its response) or a raw one kept from the model. */
export function InlineNodeView({ data, selected }: NodeProps<InlineNode>) {
  const { integration } = data;
  return (
    <div
      className={`node inline-node kind-${integration.kind}${selected ? ' selected' : ''}`}
      data-testid="inline-node"
    >
      <Handle type="target" position={Position.Left} />
      <div className="backend-kind">{integration.kind === 'mock' ? 'Mock' : 'Raw integration'}</div>
      <div className="backend-detail">{inlineSummary(data)}</div>
    </div>
  );
}

/** A short description of what an inline integration answers. */
export function inlineSummary({ integration }: Pick<InlineNode['data'], 'integration'>): string {
  if (integration.kind === 'raw') {
    const type = integration.integration['type'];
    return typeof type === 'string' ? `type ${type}` : 'kept as written in the model';
  }
  const { response } = integration;
  return response.source === 'documented'
    ? `Documented ${response.status} response`
    : `Status ${response.statusCode}`;
}
