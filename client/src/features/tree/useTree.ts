import type * as Y from 'yjs';
import { observeTree, readTree, type Tree, type TreeNode } from '@cocrea/shared';
import { useDocSnapshot } from '../../sync/useDocSnapshot';

/**
 * The normalized problem tree, re-read once per transaction that touched it. Nodes that did not change keep
 * their previous objects (structural sharing), so memoized views of an unchanged branch skip re-rendering.
 */
export function useTree(doc: Y.Doc): Tree {
  return useDocSnapshot(doc, readTree, observeTree, shareUnchanged);
}

/** `next` with every node equal to its counterpart in `prev` replaced by that object, children first. */
export function shareUnchanged(prev: Tree, next: Tree): Tree {
  const nodes = new Map<string, TreeNode>();
  const share = (node: TreeNode): TreeNode => {
    const children = node.children.map(share);
    const old = prev.nodes.get(node.id);
    const same =
      old !== undefined &&
      old.text === node.text &&
      old.objective === node.objective &&
      old.kind === node.kind &&
      old.parentId === node.parentId &&
      old.depth === node.depth &&
      old.pin?.x === node.pin?.x &&
      old.pin?.y === node.pin?.y &&
      old.children.length === children.length &&
      old.children.every((c, i) => c === children[i]);
    const result = same ? old : { ...node, children };
    nodes.set(result.id, result);
    return result;
  };
  const root = share(next.root);
  return root === prev.root ? prev : { root, nodes };
}
