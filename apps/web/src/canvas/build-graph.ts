import {
  groupOperations,
  type DesignDocument,
  type Operation,
  type OperationGrouping,
} from '@gatewright/core';
import type { Edge } from '@xyflow/react';
import type {
  BackendNode,
  DesignGraph,
  DesignNode,
  GroupNode,
  InlineNode,
  OperationNode,
} from './graph-types';

/** Sizes in flow units; nodes are drawn to fit them (see styles.css). */
export const LAYOUT = {
  groupWidth: 320,
  groupHeaderHeight: 44,
  groupPadding: 12,
  groupGap: 32,
  operationHeight: 64,
  operationGap: 8,
  inlineX: 380,
  backendX: 720,
  backendRowHeight: 140,
} as const;

/**
 * The canvas id of a group: `group:pets` by tag (untagged operations share
 * `group:`, as saved layouts have them), `group:path:/pets` by path.
 */
export function groupNodeId(grouping: OperationGrouping, key: string | undefined): string {
  return grouping === 'tag' ? `group:${key ?? ''}` : `group:path:${key ?? ''}`;
}

/** The canvas id of an operation: `op:GET /pets`, as in the design's layout. */
export function operationNodeId(key: string): string {
  return `op:${key}`;
}

/** The canvas id of a backend: `backend:handler`, as in the design's layout. */
export function backendNodeId(id: string): string {
  return `backend:${id}`;
}

/** The canvas id of an operation's own mock or raw integration. */
export function inlineNodeId(key: string): string {
  return `inline:${key}`;
}

/** Above this many operations a design opens with its groups collapsed. */
export const COLLAPSE_ABOVE_OPERATIONS = 100;

/**
 * The groups a design opens with collapsed: none for a small design; all of
 * them for a large one, where a column of hundreds of operations would open
 * too small to read, and the group headers are the overview.
 */
export function initiallyCollapsedGroups(
  operations: readonly Operation[],
  grouping: OperationGrouping = 'tag',
): ReadonlySet<string> {
  if (operations.length <= COLLAPSE_ABOVE_OPERATIONS) return new Set();
  return new Set(
    groupOperations(operations, grouping).map(({ key }) => groupNodeId(grouping, key)),
  );
}

export interface BuildGraphOptions {
  /** By first tag or by path prefix. @default 'tag' */
  grouping?: OperationGrouping;
  /** Group ids (`group:pets`) drawn as their header only. @default none */
  collapsedGroups?: ReadonlySet<string>;
}

/**
 * The canvas for a model and its design: a group per tag (or path prefix) holding its
 * operations, each backend once (however many operations it serves), a node
 * per mock or raw integration beside its operation, and an edge from each
 * integrated operation to what serves it. An operation in a collapsed group is
 * hidden, and its edge leaves from the group instead (one edge per group and
 * target). Groups, backends and inline integrations stand where the design's
 * layout puts them, else in columns (operations, their own integrations,
 * backends). Deterministic: the same input gives the same graph.
 */
export function buildGraph(
  operations: readonly Operation[],
  design: DesignDocument,
  options: BuildGraphOptions = {},
): DesignGraph {
  const collapsed = options.collapsedGroups ?? new Set<string>();
  const nodes: DesignNode[] = [];
  const edges: Edge[] = [];
  const edgeIds = new Set<string>();
  const servedBy = new Map<string, string[]>();
  const addEdge = (source: string, target: string, hidden: boolean, ariaLabel: string) => {
    const id = `edge:${source}->${target}`;
    if (edgeIds.has(id)) return;
    edgeIds.add(id);
    edges.push({ id, source, target, hidden, ariaLabel });
  };

  const saved = design.layout.nodes;
  let y = 0;
  const grouping = options.grouping ?? 'tag';
  for (const { key, label, operations: members } of groupOperations(operations, grouping)) {
    const groupId = groupNodeId(grouping, key);
    // A group the person placed stays there; the next unplaced one stacks below the last.
    const at = saved[groupId] ?? { x: 0, y };
    const isCollapsed = collapsed.has(groupId);
    const rowHeight = LAYOUT.operationHeight + LAYOUT.operationGap;
    const height = isCollapsed
      ? LAYOUT.groupHeaderHeight
      : LAYOUT.groupHeaderHeight + members.length * rowHeight + LAYOUT.groupPadding;
    const group: GroupNode = {
      id: groupId,
      type: 'tagGroup',
      position: at,
      data: {
        groupId,
        label,
        operationCount: members.length,
        integratedCount: members.filter((op) => design.operations[op.key]?.integration).length,
        collapsed: isCollapsed,
      },
      style: { width: LAYOUT.groupWidth, height },
      selectable: true,
      draggable: true,
      ariaLabel: `Group ${label}, ${members.length} operations`,
    };
    nodes.push(group);

    members.forEach((operation, index) => {
      const id = operationNodeId(operation.key);
      const integration = design.operations[operation.key]?.integration;
      const childY = LAYOUT.groupHeaderHeight + index * rowHeight;
      const node: OperationNode = {
        id,
        type: 'operation',
        parentId: groupId,
        extent: 'parent',
        // Operations keep their group's order: the group is what moves.
        draggable: false,
        position: { x: LAYOUT.groupPadding, y: childY },
        hidden: isCollapsed,
        data: {
          key: operation.key,
          method: operation.method,
          path: operation.path,
          name: operation.name,
          ...(operation.tags[0] === undefined ? {} : { tag: operation.tags[0] }),
          ...(operation.summary === undefined ? {} : { summary: operation.summary }),
          ...(integration ? { integration } : {}),
        },
        ariaLabel: `${operation.key}, ${integration ? `${integration.kind} integration` : 'not integrated'}`,
      };
      nodes.push(node);
      if (!integration) return;
      const source = isCollapsed ? groupId : id;
      if (integration.kind === 'mock' || integration.kind === 'raw') {
        const inlineId = inlineNodeId(operation.key);
        const inline: InlineNode = {
          id: inlineId,
          type: 'inline',
          position: saved[inlineId] ?? { x: at.x + LAYOUT.inlineX, y: at.y + childY },
          hidden: isCollapsed,
          data: { operationKey: operation.key, integration },
          ariaLabel: `${integration.kind} integration of ${operation.key}`,
        };
        nodes.push(inline);
        addEdge(id, inline.id, isCollapsed, `${operation.key} answered by its ${integration.kind}`);
        return;
      }
      const served = servedBy.get(integration.backend);
      if (served) served.push(operation.key);
      else servedBy.set(integration.backend, [operation.key]);
      // A missing backend is a validation finding, not an edge to nowhere.
      const backend = design.backends[integration.backend];
      if (backend) {
        const from = isCollapsed ? `Group ${label}` : operation.key;
        const to = backend.label ?? integration.backend;
        addEdge(source, backendNodeId(integration.backend), false, `${from} served by ${to}`);
      }
    });
    y = Math.max(y, at.y + height + LAYOUT.groupGap);
  }

  Object.entries(design.backends).forEach(([backendId, backend], index) => {
    const id = backendNodeId(backendId);
    const node: BackendNode = {
      id,
      type: 'backend',
      position: saved[id] ?? { x: LAYOUT.backendX, y: index * LAYOUT.backendRowHeight },
      data: { backendId, backend, operationKeys: servedBy.get(backendId) ?? [] },
      ariaLabel: `${backend.kind} backend ${backend.label ?? backendId}`,
    };
    nodes.push(node);
  });

  return { nodes, edges };
}
