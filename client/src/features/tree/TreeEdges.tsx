import { getSmoothStepPath, Position, ViewportPortal } from '@xyflow/react';
import { memo } from 'react';
import type { BranchKind } from '@cocrea/shared';
import { NODE_WIDTH } from './layout';
import type { TreeFlowNode } from './TreeNodeView';

/**
 * The links between nodes, drawn here rather than as React Flow edges. React Flow gives each edge an SVG element of
 * its own, as large as the canvas, anchored to handles it measures on every node: at 300 nodes the watching browser
 * of someone dragging painted and hit-tested 300 stacked layers per frame. A tree's geometry is known (nodes have
 * one size; a cause hangs below its parent, an effect rises above it), so one SVG of plain paths does, under the
 * nodes, and a moved node repaints only its own links.
 */
export const TreeEdges = memo(function TreeEdges({
  nodes,
  nodeHeight,
}: {
  nodes: readonly TreeFlowNode[];
  nodeHeight: number;
}) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return (
    <ViewportPortal>
      <svg className="tree-edges" aria-hidden="true">
        {nodes.map((child) => {
          const { kind, parentId } = child.data.node;
          const parent = parentId === null ? undefined : byId.get(parentId);
          if (kind === 'problema' || !parent) return null;
          const up = kind === 'efecto';
          return (
            <TreeEdge
              key={child.id}
              kind={kind}
              fromX={parent.position.x + NODE_WIDTH / 2}
              fromY={parent.position.y + (up ? 0 : nodeHeight)}
              toX={child.position.x + NODE_WIDTH / 2}
              toY={child.position.y + (up ? nodeHeight : 0)}
            />
          );
        })}
      </svg>
    </ViewportPortal>
  );
});

interface EdgeProps {
  kind: BranchKind;
  fromX: number;
  fromY: number;
  toX: number;
  toY: number;
}

/** One link, from the parent's edge facing the child to the child's edge facing the parent, in right angles. */
const TreeEdge = memo(function TreeEdge({ kind, fromX, fromY, toX, toY }: EdgeProps) {
  const up = kind === 'efecto';
  const [path] = getSmoothStepPath({
    sourceX: fromX,
    sourceY: fromY,
    sourcePosition: up ? Position.Top : Position.Bottom,
    targetX: toX,
    targetY: toY,
    targetPosition: up ? Position.Bottom : Position.Top,
  });
  // Presentation on the element itself, not in styles.css: image export copies an SVG without its stylesheet, and
  // a path would lose its stroke (invisible) and gain a fill (a black wedge).
  return (
    <path
      className={`tree-edge edge-${kind}`}
      d={path}
      fill="none"
      strokeWidth={1.5}
      style={{ stroke: up ? 'var(--effect)' : 'var(--cause)' }}
    />
  );
});
