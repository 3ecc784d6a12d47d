import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  applyNodeChanges,
  type Connection,
  type Edge,
  type NodeChange,
  type NodeTypes,
  type OnSelectionChangeParams,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { CanvasActionsContext } from './canvas-actions';
import type { DesignGraph, DesignNode } from './graph-types';
import { BackendNodeView } from './nodes/BackendNodeView';
import { GroupNodeView } from './nodes/GroupNodeView';
import { InlineNodeView } from './nodes/InlineNodeView';
import { OperationNodeView } from './nodes/OperationNodeView';

const nodeTypes: NodeTypes = {
  operation: OperationNodeView,
  tagGroup: GroupNodeView,
  backend: BackendNodeView,
  inline: InlineNodeView,
};

// A small design is shown at its natural size rather than blown up to fill the canvas.
const FIT_VIEW = { maxZoom: 1 };

export interface DesignCanvasProps {
  graph: DesignGraph;
  onToggleGroup: (groupId: string) => void;
  onSelect: (nodeId: string | undefined) => void;
  /** An operation's handle was dragged onto a backend. */
  onWire: (operationKey: string, backendId: string) => void;
}

/**
 * The design as a graph. Nodes are derived from the design; the canvas keeps
 * only what the person does to them locally (selection, dragging), carried
 * over when the graph is derived again. Only visible elements are rendered,
 * so a thousand operations stay fluid.
 */
export function DesignCanvas({ graph, onToggleGroup, onSelect, onWire }: DesignCanvasProps) {
  const [nodes, setNodes] = useState<DesignNode[]>(graph.nodes);

  useEffect(() => {
    setNodes((previous) => {
      const kept = new Map(previous.map((node) => [node.id, node]));
      return graph.nodes.map((node) => {
        const old = kept.get(node.id);
        if (!old) return node;
        // Collapsing moves groups; a dragged position survives only while its group stays put.
        const moved = old.type === 'tagGroup' ? node.position : old.position;
        return { ...node, position: moved, selected: old.selected ?? false };
      });
    });
  }, [graph.nodes]);

  const onNodesChange = useCallback(
    (changes: NodeChange<DesignNode>[]) =>
      setNodes((current) => applyNodeChanges(changes, current)),
    [],
  );
  const onSelectionChange = useCallback(
    ({ nodes: selected }: OnSelectionChangeParams) => onSelect(selected[0]?.id),
    [onSelect],
  );
  const wiringOf = useCallback(
    ({ source, target }: Connection | Edge) => {
      const from = nodes.find((node) => node.id === source);
      const to = nodes.find((node) => node.id === target);
      return from?.type === 'operation' && to?.type === 'backend'
        ? { operationKey: from.data.key, backendId: to.data.backendId }
        : undefined;
    },
    [nodes],
  );
  const isValidConnection = useCallback(
    (connection: Connection | Edge) => wiringOf(connection) !== undefined,
    [wiringOf],
  );
  // The edge itself comes from the design once the wiring is in it.
  const onConnect = useCallback(
    (connection: Connection) => {
      const wiring = wiringOf(connection);
      if (wiring) onWire(wiring.operationKey, wiring.backendId);
    },
    [wiringOf, onWire],
  );
  const actions = useMemo(() => ({ toggleGroup: onToggleGroup }), [onToggleGroup]);

  return (
    <CanvasActionsContext.Provider value={actions}>
      <ReactFlow
        nodes={nodes}
        edges={graph.edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onSelectionChange={onSelectionChange}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        onlyRenderVisibleElements
        fitView
        fitViewOptions={FIT_VIEW}
        minZoom={0.05}
        colorMode="system"
        aria-label="Design canvas"
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        <MiniMap pannable zoomable ariaLabel="Minimap" />
        <Controls showInteractive={false} />
      </ReactFlow>
    </CanvasActionsContext.Provider>
  );
}
