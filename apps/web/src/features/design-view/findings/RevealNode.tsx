import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import type { DesignGraph } from '../../../canvas/graph-types';

/** A request to select a canvas node and bring it into view; each new object is a new request. */
export interface NodeRequest {
  nodeId: string;
}

export interface RevealNodeProps {
  request?: NodeRequest;
  graph: DesignGraph;
  /** The node lies in a collapsed group: expand it first. */
  onExpandGroup: (groupId: string) => void;
}

/**
 * Selects the node a finding belongs to and centers the canvas on it,
 * through the canvas's own selection (so the inspector follows). Renders
 * nothing; lives inside the canvas's ReactFlowProvider.
 */
export function RevealNode({ request, graph, onExpandGroup }: RevealNodeProps) {
  const store = useStoreApi();
  const { getInternalNode, setCenter } = useReactFlow();
  const handled = useRef<NodeRequest>(undefined);

  useEffect(() => {
    if (!request || handled.current === request) return;
    const node = graph.nodes.find((candidate) => candidate.id === request.nodeId);
    if (!node) return;
    // Expanding changes the graph, which runs this again with the node shown.
    if (node.hidden && node.parentId) return onExpandGroup(node.parentId);
    handled.current = request;
    store.getState().addSelectedNodes([node.id]);
    // After the canvas has taken the graph in, so the node's place is known.
    setTimeout(() => {
      const internal = getInternalNode(node.id);
      if (!internal) return;
      const { x, y } = internal.internals.positionAbsolute;
      const width = internal.measured.width ?? internal.width ?? 200;
      const height = internal.measured.height ?? internal.height ?? 60;
      void setCenter(x + width / 2, y + height / 2, { zoom: 1, duration: 300 });
    });
  }, [request, graph, onExpandGroup, store, getInternalNode, setCenter]);

  return null;
}
