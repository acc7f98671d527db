import { useId, useState } from 'react';
import type { CommentTarget } from '@cocrea/shared';
import { t } from '../../i18n/t';
import { CommentThreads } from './CommentThreads';
import { useCommentCount, useCommentsModel } from './CommentsContext';

/**
 * "2 comentarios" on screen, "2 comentarios sobre «Problema público»" as the button's name. The name comes from the
 * content, not `aria-label`, so that looking a field up by its label never finds its comment button too.
 */
export function CountLabel({ count, label }: { count: number; label: string }) {
  return (
    <>
      <span aria-hidden="true">{t('comments.count', { count })}</span>
      <span className="visually-hidden">{t('comments.countFor', { count, label })}</span>
    </>
  );
}

/**
 * The count of comments beside a field, as a button that opens its threads under it. Nothing for whoever cannot
 * comment while there is nothing to read.
 */
export function FieldComments({ target, label }: { target: CommentTarget; label: string }) {
  const model = useCommentsModel();
  const count = useCommentCount(target);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  if (model === null || (count === 0 && !model.canWrite)) return null;
  return (
    <div className="field-comments">
      <button
        type="button"
        className={`comment-count${count > 0 ? ' has-comments' : ''}`}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen(!open)}
      >
        <CountLabel count={count} label={label} />
      </button>
      {open && <CommentThreads target={target} id={panelId} />}
    </div>
  );
}
