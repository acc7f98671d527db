/**
 * Test support: what must hold of every tree {@link readTree} returns, whatever the document holds. Returns the
 * violations rather than throwing so that tests can show all of them at once.
 */
import { TREE_ROOT_ID, type Tree, type TreeNode } from './tree';

/** Every way `tree` fails to be a well-formed problem tree; empty when it is one. */
export function treeViolations({ root, nodes }: Tree): string[] {
  const violations: string[] = [];
  if (root.id !== TREE_ROOT_ID || root.kind !== 'problema' || root.parentId !== null || root.depth !== 0) {
    violations.push('the root is not the central problem');
  }
  const reached = new Set<string>();
  const stack: TreeNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (reached.has(node.id)) {
      violations.push(`${node.id} is reached twice (a cycle or a shared child)`);
      continue;
    }
    reached.add(node.id);
    if (nodes.get(node.id) !== node) violations.push(`${node.id} is not the node indexed under its id`);
    for (const child of node.children) {
      if (child.kind === 'problema') violations.push(`${child.id} is a second problem`);
      if (child.parentId !== node.id) violations.push(`${child.id} names ${child.parentId} as parent, not ${node.id}`);
      if (child.depth !== node.depth + 1) violations.push(`${child.id} has depth ${child.depth}`);
      if (node !== root && child.kind !== node.kind)
        violations.push(`${child.kind} ${child.id} is under a ${node.kind}`);
      stack.push(child);
    }
  }
  if (reached.size !== nodes.size)
    violations.push(`${nodes.size - reached.size} nodes are not reachable from the root`);
  return violations;
}
