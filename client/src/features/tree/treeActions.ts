import type * as Y from 'yjs';
import { addNode, deleteNode, type BranchKind, type TreeNode } from '@cocrea/shared';
import { t } from '../../i18n/t';
import { kindLabel } from './kindLabel';

/** Which kinds of child a node takes: the problem both, a cause causes, an effect effects. */
export function childKinds(node: TreeNode): BranchKind[] {
  return node.kind === 'problema' ? ['causa', 'efecto'] : [node.kind];
}

/** Adds an empty child of `kind` under `node` and returns its id, for the caller to start editing it. */
export function addChild(doc: Y.Doc, node: TreeNode, kind: BranchKind): string | null {
  if (!childKinds(node).includes(kind)) return null;
  return addNode(doc, { parentId: node.id, kind });
}

function countDescendants(node: TreeNode): number {
  return node.children.reduce((sum, child) => sum + 1 + countDescendants(child), 0);
}

/** Deletes a node and its branch; a branch with children asks first. The problem cannot be deleted. */
export function deleteWithConfirmation(doc: Y.Doc, node: TreeNode): boolean {
  if (node.kind === 'problema') return false;
  const below = countDescendants(node);
  if (below > 0) {
    const label = node.text.trim() || kindLabel(node);
    if (!window.confirm(t('tree.confirmDelete', { label, count: below }))) return false;
  }
  deleteNode(doc, node.id);
  return true;
}
