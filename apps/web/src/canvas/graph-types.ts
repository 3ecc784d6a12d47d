import type {
  Backend,
  BackendId,
  HttpMethod,
  OperationIntegration,
  OperationKey,
} from '@gatewright/core';
import type { Edge, Node } from '@xyflow/react';

/** An operation of the model, inside its group. */
export type OperationNodeData = {
  key: OperationKey;
  method: HttpMethod;
  path: string;
  name: string;
  tag?: string;
  summary?: string;
  integration?: OperationIntegration;
};

/** A group of operations (by tag), which collapses to its header. */
export type GroupNodeData = {
  groupId: string;
  label: string;
  operationCount: number;
  integratedCount: number;
  collapsed: boolean;
};

/** A backend that serves any number of operations. */
export type BackendNodeData = {
  backendId: BackendId;
  backend: Backend;
  operationKeys: OperationKey[];
};

/** An integration that belongs to one operation: a mock, or a raw one kept from the model. */
export type InlineNodeData = {
  operationKey: OperationKey;
  integration: Extract<OperationIntegration, { kind: 'mock' | 'raw' }>;
};

export type OperationNode = Node<OperationNodeData, 'operation'>;
export type GroupNode = Node<GroupNodeData, 'tagGroup'>;
export type BackendNode = Node<BackendNodeData, 'backend'>;
export type InlineNode = Node<InlineNodeData, 'inline'>;
export type DesignNode = OperationNode | GroupNode | BackendNode | InlineNode;

/** What the canvas shows for a model and its design. */
export interface DesignGraph {
  nodes: DesignNode[];
  edges: Edge[];
}

/** What the palette offers: a backend kind, or a mock (which belongs to one operation). */
export type PaletteKind = Backend['kind'] | 'mock';

/** The drag-and-drop data type that carries a {@link PaletteKind} from the palette to the canvas. */
export const PALETTE_DRAG_TYPE = 'application/x-gatewright-kind';

/** A point on the canvas, in flow units. */
export interface FlowPoint {
  x: number;
  y: number;
}
