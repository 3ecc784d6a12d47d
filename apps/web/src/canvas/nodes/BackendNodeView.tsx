import type { Backend } from '@gatewright/core';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { BackendNode } from '../graph-types';
import { FindingsBadge } from '../../features/design-view/findings/FindingsBadge';

const KIND_LABELS: Record<Backend['kind'], string> = {
  lambda: 'Lambda',
  http: 'HTTP',
  'ecs-nlb': 'ECS / NLB',
};

/** A backend's kind and its label for people, with what identifies it in AWS. */
export function backendDetail(backend: Backend): string {
  switch (backend.kind) {
    case 'lambda':
      return backend.function.source === 'new'
        ? `New function, ${backend.function.runtime}`
        : backend.function.functionArn;
    case 'http':
      return backend.baseUrl === '' ? 'No base URL yet' : backend.baseUrl;
    case 'ecs-nlb':
      return backend.service.source === 'new'
        ? `New Fargate service, ${backend.service.image}`
        : backend.service.nlbDnsName;
  }
}

/** The display name of a backend kind. */
export function backendKindLabel(kind: Backend['kind']): string {
  return KIND_LABELS[kind];
}

/** A backend: kind, label, and how many operations it serves. */
export function BackendNodeView({ id, data, selected }: NodeProps<BackendNode>) {
  const { backend } = data;
  const count = data.operationKeys.length;
  return (
    <div
      className={`node backend-node kind-${backend.kind}${selected ? ' selected' : ''}`}
      data-testid="backend-node"
    >
      <Handle type="target" position={Position.Left} />
      <div className="backend-kind">{backendKindLabel(backend.kind)}</div>
      <FindingsBadge nodeId={id} />
      <div className="backend-label">{backend.label ?? data.backendId}</div>
      <div className="backend-detail">{backendDetail(backend)}</div>
      <div className="backend-served">
        Serves {count} operation{count === 1 ? '' : 's'}
      </div>
    </div>
  );
}
