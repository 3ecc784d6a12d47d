import {
  Background,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  applyNodeChanges,
  useReactFlow,
  type Connection,
  type Edge,
  type NodeChange,
  type NodeTypes,
  type OnSelectionChangeParams,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { CanvasActionsContext } from './canvas-actions';
import { LAYOUT, operationNodeId } from './build-graph';
import type { DesignGraph, DesignNode, OperationNode, OperationNodeData } from './graph-types';
import { BackendNodeView } from './nodes/BackendNodeView';
import { GroupNodeView } from './nodes/GroupNodeView';
import { InlineNodeView } from './nodes/InlineNodeView';
import { OperationNodeView } from './nodes/OperationNodeView';
import { OperationSearch } from './OperationSearch';

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
  /** A search result lies in a collapsed group: expand it. */
  onExpandGroup: (groupId: string) => void;
}

/**
 * The design as a graph. Nodes are derived from the design; the canvas keeps
 * only what the person does to them locally (selection, dragging), carried
 * over when the graph is derived again. Only visible elements are rendered,
 * so a thousand operations stay fluid.
 */
export function DesignCanvas({
  graph,
  onToggleGroup,
  onSelect,
  onWire,
  onExpandGroup,
}: DesignCanvasProps) {
  const [nodes, setNodes] = useState<DesignNode[]>(graph.nodes);
  // The node a search chose, focused once its group is expanded.
  const [focusId, setFocusId] = useState<string>();
  const { setCenter } = useReactFlow();

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
  const operations = useMemo(
    () =>
      graph.nodes
        .filter((node): node is OperationNode => node.type === 'operation')
        .map((node) => node.data),
    [graph.nodes],
  );
  const chooseOperation = useCallback(
    (operation: OperationNodeData) => {
      const id = operationNodeId(operation.key);
      const node = graph.nodes.find((candidate) => candidate.id === id);
      if (node?.hidden && node.parentId) onExpandGroup(node.parentId);
      setFocusId(id);
    },
    [graph.nodes, onExpandGroup],
  );

  useEffect(() => {
    if (focusId === undefined) return;
    const node = nodes.find((candidate) => candidate.id === focusId);
    if (!node || node.hidden) return;
    setFocusId(undefined);
    setNodes((current) =>
      current.map((candidate) => ({ ...candidate, selected: candidate.id === focusId })),
    );
    onSelect(focusId);
    const parent = nodes.find((candidate) => candidate.id === node.parentId);
    // From the layout, not the measured size: a node out of view has not been measured yet.
    const x = (parent?.position.x ?? 0) + node.position.x + LAYOUT.groupWidth / 2;
    const y = (parent?.position.y ?? 0) + node.position.y + LAYOUT.operationHeight / 2;
    void setCenter(x, y, { zoom: 1, duration: 300 });
  }, [focusId, nodes, onSelect, setCenter]);

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
        <Panel position="top-left">
          <OperationSearch operations={operations} onChoose={chooseOperation} />
        </Panel>
        <Background />
        <MiniMap pannable zoomable ariaLabel="Minimap" />
        <Controls showInteractive={false} />
      </ReactFlow>
    </CanvasActionsContext.Provider>
  );
}
