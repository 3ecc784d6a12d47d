import {
  Background,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  applyNodeChanges,
  useReactFlow,
  useStoreApi,
  type Connection,
  type Edge,
  type NodeChange,
  type NodeTypes,
  type OnNodeDrag,
  type OnSelectionChangeParams,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { computeLayout, layoutInput, type Positions } from './auto-layout';
import { CanvasActionsContext } from './canvas-actions';
import { LAYOUT, operationNodeId } from './build-graph';
import {
  PALETTE_DRAG_TYPE,
  type DesignGraph,
  type DesignNode,
  type FlowPoint,
  type OperationNode,
  type OperationNodeData,
  type PaletteKind,
} from './graph-types';
import { BackendNodeView } from './nodes/BackendNodeView';
import { GroupNodeView } from './nodes/GroupNodeView';
import { InlineNodeView } from './nodes/InlineNodeView';
import { OperationNodeView } from './nodes/OperationNodeView';
import { OperationSearch } from './OperationSearch';
import { boundsOf, revealCenter, type FlowRect } from './reveal';
import type { CanvasCommand } from './shortcuts';
import { useCanvasKeys } from './use-canvas-keys';

const nodeTypes: NodeTypes = {
  operation: OperationNodeView,
  tagGroup: GroupNodeView,
  backend: BackendNodeView,
  inline: InlineNodeView,
};

// A small design is shown at its natural size rather than blown up to fill the canvas;
// the top margin keeps the search box off the first group's header.
const FIT_VIEW = { maxZoom: 1, padding: { top: '80px', x: '24px', bottom: '24px' } } as const;
// Shift-click adds to the selection as in other diagram tools; Ctrl/Cmd-click as xyflow's default does.
const MULTI_SELECTION_KEYS = ['Shift', 'Meta', 'Control'];
// A new backend lands centred on the pointer (see .backend-node in styles.css).
const DROP_OFFSET = { x: 120, y: 40 };
const PALETTE_KINDS: readonly string[] = ['lambda', 'http', 'ecs-nlb', 'mock'];

/** The commands the canvas leaves to the editor, with the selection they apply to. */
export type EditorCommand = Exclude<CanvasCommand, 'select-all' | 'auto-layout'>;

export interface DesignCanvasProps {
  graph: DesignGraph;
  onToggleGroup: (groupId: string) => void;
  onSelect: (nodeId: string | undefined) => void;
  /** Every selected node id, whenever the selection changes. */
  onSelectionIds: (nodeIds: string[]) => void;
  /**
   * An operation's handle was dragged onto a backend: that operation, or all
   * selected operations when it is one of them.
   */
  onWire: (operationKeys: string[], backendId: string) => void;
  /** A search result lies in a collapsed group: expand it. */
  onExpandGroup: (groupId: string) => void;
  /** A palette kind was dropped, on an operation or on empty canvas. */
  onDropKind: (kind: PaletteKind, at: FlowPoint, operationKey: string | undefined) => void;
  /** Nodes were dragged to new positions (once, when the drag ends). */
  onMoveNodes: (positions: Positions) => void;
  /** Auto-layout placed the nodes; the view fits them once the design has them. */
  onLayout: (positions: Positions) => void;
  /** A keyboard command for the editor, with the selected node ids. */
  onCommand: (command: EditorCommand, nodeIds: string[]) => void;
  /** Changes (from 0) each time the toolbar asks for an auto-layout. */
  layoutRequest: number;
  /** Changes (from 0) each time an edit wants the whole design in view (a pattern's new backend). */
  fitRequest: number;
  /** Nodes to select once the graph has them (what was just created or pasted). */
  selectRequest: readonly string[] | undefined;
  /**
   * A node to bring forward (a finding's, or one chosen in the inspector):
   * expanded, selected and centred like a search result. Each new object is a new request.
   */
  focusRequest?: { nodeId: string } | undefined;
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
  onSelectionIds,
  onWire,
  onExpandGroup,
  onDropKind,
  onMoveNodes,
  onLayout,
  onCommand,
  layoutRequest,
  fitRequest,
  selectRequest,
  focusRequest,
}: DesignCanvasProps) {
  const [nodes, setNodes] = useState<DesignNode[]>(graph.nodes);
  // The node a search chose, focused once its group is expanded.
  const [focusId, setFocusId] = useState<string>();
  const { setCenter, screenToFlowPosition, fitView, getInternalNode } = useReactFlow();
  const store = useStoreApi<DesignNode>();

  // Positions come from the design (saved by drags and auto-layout); only the selection is the canvas's own.
  useEffect(() => {
    setNodes((previous) => {
      const kept = new Map(previous.map((node) => [node.id, node]));
      return graph.nodes.map((node) => {
        const old = kept.get(node.id);
        if (!old) return node;
        return { ...node, selected: old.selected ?? false };
      });
    });
  }, [graph.nodes]);

  const onNodesChange = useCallback(
    (changes: NodeChange<DesignNode>[]) =>
      setNodes((current) => applyNodeChanges(changes, current)),
    [],
  );
  const onSelectionChange = useCallback(
    ({ nodes: selected }: OnSelectionChangeParams) => {
      onSelect(selected[0]?.id);
      onSelectionIds(selected.map((node) => node.id));
    },
    [onSelect, onSelectionIds],
  );
  const wiringOf = useCallback(
    ({ source, target }: Connection | Edge) => {
      const from = nodes.find((node) => node.id === source);
      const to = nodes.find((node) => node.id === target);
      if (from?.type !== 'operation' || to?.type !== 'backend') return undefined;
      const operationKeys = from.selected
        ? nodes.flatMap((node) =>
            node.type === 'operation' && node.selected ? [node.data.key] : [],
          )
        : [from.data.key];
      return { operationKeys, backendId: to.data.backendId };
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
      if (wiring) onWire(wiring.operationKeys, wiring.backendId);
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
  const focusNode = useCallback(
    (id: string) => {
      const node = graph.nodes.find((candidate) => candidate.id === id);
      if (node?.hidden && node.parentId) onExpandGroup(node.parentId);
      setFocusId(id);
    },
    [graph.nodes, onExpandGroup],
  );
  const chooseOperation = useCallback(
    (operation: OperationNodeData) => focusNode(operationNodeId(operation.key)),
    [focusNode],
  );
  const handledFocus = useRef<{ nodeId: string }>(undefined);
  useEffect(() => {
    if (!focusRequest || handledFocus.current === focusRequest) return;
    handledFocus.current = focusRequest;
    focusNode(focusRequest.nodeId);
  }, [focusRequest, focusNode]);

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
    // The measured size when there is one; a node out of view has not been measured yet.
    const measured = getInternalNode(node.id)?.measured;
    const width = measured?.width ?? LAYOUT.groupWidth;
    const height = measured?.height ?? LAYOUT.operationHeight;
    const x = (parent?.position.x ?? 0) + node.position.x + width / 2;
    const y = (parent?.position.y ?? 0) + node.position.y + height / 2;
    void setCenter(x, y, { zoom: 1, duration: 300 });
  }, [focusId, nodes, onSelect, setCenter, getInternalNode]);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(PALETTE_DRAG_TYPE);
      if (!PALETTE_KINDS.includes(kind)) return;
      event.preventDefault();
      const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const target = event.target instanceof Element ? event.target : null;
      const nodeId = target?.closest('.react-flow__node')?.getAttribute('data-id');
      const node = nodes.find((candidate) => candidate.id === nodeId);
      if (node?.type !== 'operation') {
        onDropKind(
          kind as PaletteKind,
          { x: at.x - DROP_OFFSET.x, y: at.y - DROP_OFFSET.y },
          undefined,
        );
        return;
      }
      // What serves an operation stands in the backends' column, level with it, not on top of it.
      const group = nodes.find((candidate) => candidate.id === node.parentId);
      const beside = {
        x: (group?.position.x ?? 0) + LAYOUT.backendX,
        y: (group?.position.y ?? 0) + node.position.y,
      };
      onDropKind(kind as PaletteKind, beside, node.data.key);
    },
    [nodes, onDropKind, screenToFlowPosition],
  );

  const onNodeDragStop: OnNodeDrag<DesignNode> = useCallback(
    (_event, _node, dragged) =>
      onMoveNodes(
        Object.fromEntries(
          dragged
            .filter((node) => node.parentId === undefined)
            .map((node) => [node.id, node.position]),
        ),
      ),
    [onMoveNodes],
  );

  // The nodes when auto-layout (or an edit wanting a fit) ran: the view fits once the new ones replace them.
  const fitAfter = useRef<DesignNode[]>(undefined);
  useEffect(() => {
    if (!fitAfter.current || fitAfter.current === nodes) return;
    fitAfter.current = undefined;
    void fitView({ ...FIT_VIEW, duration: 300 });
  }, [nodes, fitView]);
  const graphRef = useRef(graph);
  graphRef.current = graph;
  const nodesRef = useRef(nodes);
  nodesRef.current = nodes;
  const autoLayout = useCallback(async () => {
    const positions = await computeLayout(layoutInput(graphRef.current));
    fitAfter.current = nodesRef.current;
    onLayout(positions);
  }, [onLayout]);
  const handledLayout = useRef(layoutRequest);
  useEffect(() => {
    if (handledLayout.current === layoutRequest) return;
    handledLayout.current = layoutRequest;
    void autoLayout();
  }, [layoutRequest, autoLayout]);

  const handledFit = useRef(fitRequest);
  useEffect(() => {
    if (handledFit.current === fitRequest) return;
    handledFit.current = fitRequest;
    fitAfter.current = nodesRef.current;
  }, [fitRequest]);

  const handledSelect = useRef<readonly string[]>(undefined);
  useEffect(() => {
    if (!selectRequest || handledSelect.current === selectRequest) return;
    const wanted = new Set(selectRequest);
    if (![...wanted].every((id) => nodes.some((node) => node.id === id))) return;
    handledSelect.current = selectRequest;
    setNodes((current) =>
      current.map((node) => ({ ...node, selected: wanted.has(node.id) }) as DesignNode),
    );
    // What was just made comes into sight with the operations it serves, when it landed out of it.
    const made = new Set(selectRequest);
    const served = graph.edges.filter((edge) => made.has(edge.target)).map((edge) => edge.source);
    const rect = boundsOf(
      [...made, ...served].flatMap((id) => {
        const box = layoutBox(nodes, id);
        return box ? [box] : [];
      }),
    );
    const { width, height, transform } = store.getState();
    const centre = rect && revealCenter(rect, { width, height, transform });
    if (centre) void setCenter(centre.x, centre.y, { zoom: centre.zoom, duration: 300 });
  }, [selectRequest, nodes, graph.edges, store, setCenter]);

  const runCommand = useCallback(
    (command: CanvasCommand) => {
      if (command === 'auto-layout') void autoLayout();
      else if (command === 'select-all')
        setNodes((current) =>
          current.map(
            (node) =>
              ({ ...node, selected: node.type !== 'tagGroup' && !node.hidden }) as DesignNode,
          ),
        );
      else
        onCommand(
          command,
          nodesRef.current.filter((node) => node.selected).map((node) => node.id),
        );
    },
    [autoLayout, onCommand],
  );
  useCanvasKeys(runCommand);

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
        onDragOver={onDragOver}
        onDrop={onDrop}
        onNodeDragStop={onNodeDragStop}
        multiSelectionKeyCode={MULTI_SELECTION_KEYS}
        deleteKeyCode={null}
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

/** A node's box in flow units from the layout (a new node has not been measured yet). */
function layoutBox(nodes: readonly DesignNode[], id: string): FlowRect | undefined {
  const node = nodes.find((candidate) => candidate.id === id);
  if (!node) return undefined;
  const parent = nodes.find((candidate) => candidate.id === node.parentId);
  const x = (parent?.position.x ?? 0) + node.position.x;
  const y = (parent?.position.y ?? 0) + node.position.y;
  switch (node.type) {
    case 'operation':
      return { x, y, width: LAYOUT.groupWidth, height: LAYOUT.operationHeight };
    case 'tagGroup':
      return { x, y, width: LAYOUT.groupWidth, height: LAYOUT.groupHeaderHeight };
    case 'backend':
    case 'inline':
      return { x, y, width: DROP_OFFSET.x * 2, height: DROP_OFFSET.y * 2 };
  }
}
