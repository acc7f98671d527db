import { useId, useState } from 'react';
import type { CommentTarget } from '@cocrea/shared';
import { t } from '../../i18n/t';
import { CommentThreads } from './CommentThreads';
import { useCommentCount, useCommentsModel } from './CommentsContext';

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
        aria-label={t('comments.countFor', { count, label })}
        onClick={() => setOpen(!open)}
      >
        {t('comments.count', { count })}
      </button>
      {open && <CommentThreads target={target} label={label} id={panelId} />}
    </div>
  );
}
