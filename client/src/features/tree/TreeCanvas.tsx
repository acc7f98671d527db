import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ViewportPortal,
  useReactFlow,
  useStore,
  type AriaLabelConfig,
  type NodeChange,
  type OnMove,
  type OnNodeDrag,
} from '@xyflow/react';
import {
  memo,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type RefObject,
} from 'react';
import type * as Y from 'yjs';
import { moveNode, pinNode, readTree, TreeEditError, type Tree, type TreeNode } from '@cocrea/shared';
import { t } from '../../i18n/t';
import type { PresenceState } from '../../sync/MesaConnection';
import { useFollowViewport } from '../agenda/useFollowViewport';
import { layoutTree, NODE_HEIGHT, type Point } from './layout';
import { childKinds } from './treeActions';
import { TreeEdges } from './TreeEdges';
import { TreeNodeView, type TreeFlowNode, type TreeViewActions } from './TreeNodeView';
import { useTreeFlowNodes } from './useTreeFlowNodes';
import { cursorIntervalMs, useSharedCursor } from './useSharedCursor';

const nodeTypes = { tree: TreeNodeView };
const FIT_VIEW_OPTIONS = { padding: 0.2, maxZoom: 1.2 };
const PRO_OPTIONS = { hideAttribution: true };
/** Spanish for every label and description React Flow writes itself (its controls, the minimap, live messages). */
const ARIA_LABELS: AriaLabelConfig = {
  'node.a11yDescription.default': t('tree.flow.nodeHelp'),
  'node.a11yDescription.keyboardDisabled': t('tree.flow.nodeHelp'),
  'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) => t('tree.flow.moved', { direction, x, y }),
  'edge.a11yDescription.default': t('tree.flow.edgeHelp'),
  'controls.ariaLabel': t('tree.flow.controls'),
  'controls.zoomIn.ariaLabel': t('tree.flow.zoomIn'),
  'controls.zoomOut.ariaLabel': t('tree.flow.zoomOut'),
  'controls.fitView.ariaLabel': t('tree.flow.fitView'),
  'controls.interactive.ariaLabel': t('tree.flow.interactive'),
  'minimap.ariaLabel': t('tree.minimap'),
  'handle.ariaLabel': t('tree.flow.handle'),
};

interface Props {
  doc: Y.Doc;
  tree: Tree;
  readOnly: boolean;
  selectedId: string | null;
  editingId: string | null;
  others: PresenceState[];
  actions: TreeViewActions;
  onSelect(id: string | null): void;
  onCursor(point: Point | null): void;
  /** Every node's height: the canvas's own, or taller while an image export shows every node's whole text. */
  nodeHeight?: number;
}

/**
 * useFollowViewport in a component of its own, rendered once: it hands React Flow new viewport handlers each time
 * it runs, and React Flow puts each into its store, waking every subscriber (a few per node, edge and handle).
 */
const FollowViewport = memo(function FollowViewport({ followed }: { followed: RefObject<boolean> }) {
  useFollowViewport(followed);
  return null;
});

/**
 * The problem tree on a React Flow canvas. Positions come from the layout (or a pin); the only local state is the
 * node being dragged. Dropping a node onto another re-parents it, dropping it on empty canvas pins it there.
 *
 * Every prop handed to ReactFlow other than `nodes` and `edges` is stable across tree changes: React Flow copies a
 * changed one into its store, which re-runs every subscriber's selector (thousands in a 300-node tree), and a
 * remote user dragging changes the tree 30 times a second.
 */
export function TreeCanvas({
  doc,
  tree,
  readOnly,
  selectedId,
  editingId,
  others,
  actions,
  onSelect,
  onCursor,
  nodeHeight = NODE_HEIGHT,
}: Props) {
  const flow = useReactFlow();
  const [drag, setDrag] = useState<{ id: string; position: Point } | null>(null);
  const shareCursor = useSharedCursor(others.length + 1, onCursor);
  /** Others' cursors glide from one shared position to the next, which come this far apart at most. */
  const cursorGlideMs = cursorIntervalMs(others.length + 1);
  /**
   * The view fits the tree as it grows and when the canvas changes size (a phone turned, a window resized), until
   * the person pans or zooms themselves.
   */
  const userMovedView = useRef(false);
  /** While the canvas follows a presenting facilitator, the presenter's view is shown instead. */
  const followed = useRef(false);
  const paneWidth = useStore((state) => state.width);
  const paneHeight = useStore((state) => state.height);
  useEffect(() => {
    if (userMovedView.current || followed.current) return;
    const frame = requestAnimationFrame(() => void flow.fitView({ ...FIT_VIEW_OPTIONS, duration: 200 }));
    return () => cancelAnimationFrame(frame);
  }, [flow, tree.nodes.size, paneWidth, paneHeight]);

  const layout = useMemo(() => layoutTree(tree, nodeHeight), [tree, nodeHeight]);

  const nodes = useTreeFlowNodes({
    doc,
    tree,
    layout,
    nodeHeight,
    drag,
    selectedId,
    editingId,
    readOnly,
    others,
    actions,
  });

  const onNodesChange = useCallback(
    (changes: NodeChange<TreeFlowNode>[]) => {
      for (const change of changes) {
        if (change.type === 'position' && change.position && change.dragging) {
          setDrag({ id: change.id, position: change.position });
        } else if (change.type === 'select' && change.selected) {
          onSelect(change.id);
        }
      }
    },
    [onSelect],
  );

  // The tree as it is at the drop, read then rather than closed over, so the handler stays the same across changes.
  const onNodeDragStop: OnNodeDrag<TreeFlowNode> = useCallback(
    (_event, dragged) => {
      setDrag(null);
      const { nodes } = readTree(doc);
      const moving = nodes.get(dragged.id);
      if (!moving) return;
      const target = flow
        .getIntersectingNodes(dragged)
        .map((n) => nodes.get(n.id))
        .find(
          (n): n is TreeNode => n !== undefined && n.id !== moving.id && childKinds(n).includes(moving.kind as never),
        );
      try {
        if (target && target.id !== moving.parentId) {
          moveNode(doc, moving.id, target.id);
          pinNode(doc, moving.id, null);
        } else if (!target) {
          pinNode(doc, moving.id, dragged.position);
        }
      } catch (error) {
        // Dropping a branch into itself is refused by the model; the node just goes back.
        if (!(error instanceof TreeEditError)) throw error;
      }
    },
    [doc, flow],
  );

  const onPaneClick = useCallback(() => onSelect(null), [onSelect]);
  const onMoveStart: OnMove = useCallback((event) => {
    if (event) userMovedView.current = true;
  }, []);

  const onPointerMove = (event: PointerEvent) =>
    shareCursor(flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));

  const onKeyDown = (event: KeyboardEvent) => {
    if (readOnly || editingId) return;
    const focusedId = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('.react-flow__node')?.dataset
      .id;
    const node = tree.nodes.get(focusedId ?? selectedId ?? '');
    if (!node) return;
    const key = event.key.toLowerCase();
    if (key === 'enter') actions.startEditing(node.id);
    else if (key === 'c' && childKinds(node).includes('causa')) actions.add(node, 'causa');
    else if (key === 'e' && childKinds(node).includes('efecto')) actions.add(node, 'efecto');
    else if (key === 'delete' || key === 'backspace') actions.remove(node);
    else return;
    event.preventDefault();
  };

  return (
    <div
      className="tree-canvas"
      onPointerMove={onPointerMove}
      onPointerLeave={() => shareCursor(null)}
      onKeyDown={onKeyDown}
    >
      {/* "Presentar mi vista" / "Seguir al facilitador": shares or follows the canvas view (agenda feature). */}
      <FollowViewport followed={followed} />
      <ReactFlow<TreeFlowNode>
        nodes={nodes}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onNodeDragStop={onNodeDragStop}
        onPaneClick={onPaneClick}
        onMoveStart={onMoveStart}
        nodesConnectable={false}
        edgesFocusable={false}
        deleteKeyCode={null}
        // d3-zoom stops double-clicks before React sees them; a double-click here means "edit this node".
        zoomOnDoubleClick={false}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.1}
        maxZoom={2}
        proOptions={PRO_OPTIONS}
        aria-label={t('tree.canvasLabel')}
        ariaLabelConfig={ARIA_LABELS}
        className={drag ? 'is-dragging' : undefined}
      >
        <Background gap={24} />
        <Controls showInteractive={false} />
        <MiniMap pannable zoomable />
        <TreeEdges nodes={nodes} nodeHeight={nodeHeight} />
        <ViewportPortal>
          {others.map((o) =>
            o.cursor ? (
              <div
                key={o.clientId}
                className="remote-cursor"
                style={{
                  transform: `translate(${o.cursor.x}px, ${o.cursor.y}px)`,
                  transitionDuration: `${cursorGlideMs}ms`,
                  color: o.user.color ?? '#555',
                }}
                aria-hidden="true"
              >
                <svg width="16" height="16" viewBox="0 0 16 16">
                  <path d="M0 0 L0 14 L4 10 L8 16 L10 15 L6 9 L12 9 Z" fill="currentColor" stroke="white" />
                </svg>
                <span style={{ background: o.user.color ?? '#555' }}>{o.user.name ?? t('presence.anonymous')}</span>
              </div>
            ) : null,
          )}
        </ViewportPortal>
      </ReactFlow>
    </div>
  );
}
