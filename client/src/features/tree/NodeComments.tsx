import { nodeTarget, TREE_ROOT_ID, type Tree } from '@cocrea/shared';
import { t } from '../../i18n/t';
import { CommentThreads } from '../comments/CommentThreads';
import { useCommentsModel } from '../comments/CommentsContext';
import { kindLabel } from './kindLabel';

/** The deliberation on the selected node (the problem if none is), beside the outline. */
export function NodeComments({ tree, nodeId, headingId }: { tree: Tree; nodeId: string | null; headingId: string }) {
  const model = useCommentsModel();
  const node = tree.nodes.get(nodeId ?? TREE_ROOT_ID) ?? tree.root;
  if (model === null) return null;
  const label = node.text ? `${kindLabel(node)}: ${node.text}` : kindLabel(node);
  return (
    <section className="node-comments" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        {t('comments.node')}
      </h2>
      <p className="node-comments-target">{label}</p>
      <CommentThreads target={nodeTarget(node.id)} />
    </section>
  );
}
