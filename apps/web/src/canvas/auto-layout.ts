// The bundled build runs ELK in the page (no worker file to serve), which Vite builds as is.
import ELK from 'elkjs/lib/elk.bundled.js';
import type { DesignGraph } from './graph-types';

/** A box to place. */
export interface LayoutBox {
  id: string;
  width: number;
  height: number;
}

/** What auto-layout places: the canvas's top-level boxes and the edges between them. */
export interface LayoutInput {
  boxes: LayoutBox[];
  edges: { source: string; target: string }[];
}

/** Top-left corners by node id, in flow units. */
export type Positions = Record<string, { x: number; y: number }>;

/** Sizes of the nodes whose size their content sets (see styles.css), as laid out. */
const BOX_SIZES = {
  backend: { width: 240, height: 100 },
  inline: { width: 220, height: 60 },
} as const;

/**
 * The graph as auto-layout sees it: groups (with their operations inside),
 * backends and inline integrations as boxes; each edge from an operation
 * counts from its group, since operations keep their order inside it.
 */
export function layoutInput(graph: DesignGraph): LayoutInput {
  const parentOf = new Map<string, string>();
  const boxes: LayoutBox[] = [];
  for (const node of graph.nodes) {
    if (node.parentId !== undefined) {
      parentOf.set(node.id, node.parentId);
      continue;
    }
    if (node.type === 'tagGroup') {
      const { width, height } = node.style ?? {};
      boxes.push({ id: node.id, width: Number(width), height: Number(height) });
    } else if (node.type === 'backend' || node.type === 'inline') {
      boxes.push({ id: node.id, ...BOX_SIZES[node.type] });
    }
  }
  const seen = new Set<string>();
  const edges: LayoutInput['edges'] = [];
  for (const edge of graph.edges) {
    const source = parentOf.get(edge.source) ?? edge.source;
    const key = `${source}->${edge.target}`;
    if (seen.has(key)) continue;
    seen.add(key);
    edges.push({ source, target: edge.target });
  }
  return { boxes, edges };
}

const elk = new ELK();

/**
 * Places the boxes left to right along their edges (ELK's layered
 * algorithm): groups of operations in the first column, what serves them to
 * the right, boxes without edges stacked too. Positions are whole numbers;
 * the same input always gives the same positions.
 */
export async function computeLayout(input: LayoutInput): Promise<Positions> {
  const laidOut = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '32',
      'elk.layered.spacing.nodeNodeBetweenLayers': '120',
      'elk.separateConnectedComponents': 'false',
    },
    children: input.boxes.map(({ id, width, height }) => ({ id, width, height })),
    edges: input.edges.map(({ source, target }, index) => ({
      id: `e${index}`,
      sources: [source],
      targets: [target],
    })),
  });
  const positions: Positions = {};
  for (const child of laidOut.children ?? []) {
    positions[child.id] = { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) };
  }
  return positions;
}
