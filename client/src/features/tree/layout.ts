import { hierarchy, tree as d3tree } from 'd3-hierarchy';
import type { BranchKind, Tree, TreeNode } from '@cocrea/shared';

export const NODE_WIDTH = 210;
export const NODE_HEIGHT = 84;
const GAP_X = 28;
const GAP_Y = 64;

export interface Point {
  x: number;
  y: number;
}

/**
 * Where each node sits, as its top-left corner in flow coordinates: the problem at the origin, effects fanning
 * upward, causes downward (d3's tidy tree on each side). A node a user pinned keeps its pin; its children are
 * still laid out relative to the computed position, so pinning one node does not scatter its branch. Nodes are
 * `nodeHeight` tall: the canvas's fixed height, or, for an image export, the height that shows every node's whole
 * text.
 */
export function layoutTree(tree: Tree, nodeHeight = NODE_HEIGHT): Map<string, Point> {
  const positions = new Map<string, Point>();
  const corner = (cx: number, cy: number, node: TreeNode): Point =>
    node.pin ?? { x: cx - NODE_WIDTH / 2, y: cy - nodeHeight / 2 };
  positions.set(tree.root.id, corner(0, 0, tree.root));
  for (const side of ['efecto', 'causa'] as BranchKind[]) {
    const sideRoot: TreeNode = { ...tree.root, children: tree.root.children.filter((c) => c.kind === side) };
    const laid = d3tree<TreeNode>().nodeSize([NODE_WIDTH + GAP_X, nodeHeight + GAP_Y])(
      hierarchy(sideRoot, (n) => n.children as TreeNode[]),
    );
    const direction = side === 'efecto' ? -1 : 1;
    laid.each((d) => {
      if (d.depth === 0) return;
      positions.set(d.data.id, corner(d.x, direction * d.y, d.data));
    });
  }
  return positions;
}
