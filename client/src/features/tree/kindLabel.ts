import type { TreeNode } from '@cocrea/shared';
import { t } from '../../i18n/t';

/**
 * What a node is, as the canvas and the outline name it: the problem, a cause or an effect (depth 1), and below
 * those a sub-cause or a sub-effect (the tree keeps the kind; only the depth tells them apart).
 */
export function kindLabel(node: Pick<TreeNode, 'kind' | 'depth'>): string {
  if (node.kind === 'problema') return t('tree.kind.problema');
  return node.depth > 1 ? t(`tree.kind.sub${node.kind}`) : t(`tree.kind.${node.kind}`);
}
