import { useMemo, useRef } from 'react';
import type * as Y from 'yjs';
import type { Tree, TreeNode } from '@cocrea/shared';
import { t } from '../../i18n/t';
import { kindLabel } from './kindLabel';
import type { PresenceState } from '../../sync/MesaConnection';
import { NODE_WIDTH, type Point } from './layout';
import type { TreeFlowNode, TreeViewActions } from './TreeNodeView';

interface Input {
  doc: Y.Doc;
  tree: Tree;
  layout: Map<string, Point>;
  /** Every node's height (the layout's). */
  nodeHeight: number;
  drag: { id: string; position: Point } | null;
  selectedId: string | null;
  editingId: string | null;
  readOnly: boolean;
  others: PresenceState[];
  actions: TreeViewActions;
}

const NOBODY: PresenceState[] = [];

/**
 * React Flow nodes for the tree. readTree builds new objects on every change and cursors move twenty times a
 * second, so each node object is reused whenever what it shows is unchanged: React Flow then re-renders only the
 * nodes that did change, and a remote edit in a 300-node tree touches one node instead of all of them. When no
 * node changed (a remote cursor moved), the previous array itself comes back, and React Flow is not told at all.
 */
export function useTreeFlowNodes(input: Input): TreeFlowNode[] {
  const cache = useRef(new Map<string, TreeFlowNode>());
  const last = useRef<TreeFlowNode[]>([]);
  const { doc, tree, layout, nodeHeight, drag, selectedId, editingId, readOnly, others, actions } = input;
  return useMemo(() => {
    const editorsByNode = new Map<string, PresenceState[]>();
    for (const person of others) {
      if (!person.editing) continue;
      editorsByNode.set(person.editing, [...(editorsByNode.get(person.editing) ?? []), person]);
    }
    const next = new Map<string, TreeFlowNode>();
    for (const node of tree.nodes.values()) {
      const position = drag && drag.id === node.id ? drag.position : (layout.get(node.id) ?? { x: 0, y: 0 });
      const editing = editingId === node.id;
      const editors = editorsByNode.get(node.id) ?? NOBODY;
      const selected = node.id === selectedId;
      const prev = cache.current.get(node.id);
      if (
        prev &&
        prev.position.x === position.x &&
        prev.position.y === position.y &&
        prev.height === nodeHeight &&
        prev.selected === selected &&
        prev.data.editing === editing &&
        prev.data.readOnly === readOnly &&
        prev.data.actions === actions &&
        sameShownNode(prev.data.node, node) &&
        sameEditors(prev.data.editors, editors)
      ) {
        next.set(node.id, prev);
        continue;
      }
      next.set(node.id, {
        id: node.id,
        type: 'tree',
        position,
        width: NODE_WIDTH,
        height: nodeHeight,
        // Known sizes: without them React Flow re-measures every node (forced layout) after each change.
        measured: { width: NODE_WIDTH, height: nodeHeight },
        selected,
        draggable: !readOnly && node.kind !== 'problema' && !editing,
        data: { node, doc, readOnly, editing, editors, actions },
        ariaLabel: `${kindLabel(node)}: ${node.text || t(`tree.placeholder.${node.kind}`)}`,
      });
    }
    cache.current = next;
    const nodes = [...next.values()];
    if (nodes.length !== last.current.length || nodes.some((node, i) => node !== last.current[i])) last.current = nodes;
    return last.current;
  }, [doc, tree, layout, nodeHeight, drag, selectedId, editingId, readOnly, others, actions]);
}

/** What TreeNodeView shows of a node: its text, kind, pin and whether it has children of each kind. */
function sameShownNode(a: TreeNode, b: TreeNode): boolean {
  return (
    a.text === b.text &&
    a.kind === b.kind &&
    a.parentId === b.parentId &&
    a.pin?.x === b.pin?.x &&
    a.pin?.y === b.pin?.y &&
    a.children.length === b.children.length
  );
}

function sameEditors(a: PresenceState[], b: PresenceState[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (p, i) => p.clientId === b[i]!.clientId && p.user.name === b[i]!.user.name && p.user.color === b[i]!.user.color,
    )
  );
}
