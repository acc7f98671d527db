import { useId, useRef, useState, type KeyboardEvent } from 'react';
import {
  addComment,
  CommentError,
  commentTextSchema,
  formatClock,
  replyToThread,
  setCommentHidden,
  setThreadResolved,
  type Comment,
  type CommentTarget,
  type CommentThread,
} from '@cocrea/shared';
import { t } from '../../i18n/t';
import { useCommentsModel, type CommentsModel } from './CommentsContext';

const NO_THREADS: readonly CommentThread[] = [];

/**
 * The threads on one field or node, live: each with its replies, its "resuelto" mark, and a way to answer; a new
 * thread at the end. The list is a log, so a screen reader hears what others add while the panel is open.
 */
export function CommentThreads({ target, id }: { target: CommentTarget; id?: string }) {
  const model = useCommentsModel();
  if (model === null) return null;
  const threads = model.byTarget.get(target) ?? NO_THREADS;
  return (
    // Named without the field's label: looking a field up by its label must find the field alone.
    <section className="comments" id={id} aria-label={t('comments.region')}>
      {threads.length === 0 && <p className="muted comments-empty">{t('comments.empty')}</p>}
      {/* A log around the list (not on it: a list keeps its role), so a screen reader hears what arrives. */}
      <div role="log">
        <ol className="comment-threads">
          {threads.map((thread) => (
            <Thread key={thread.id} thread={thread} model={model} />
          ))}
        </ol>
      </div>
      {model.canWrite && (
        <CommentComposer
          label={t('comments.new')}
          submit={t('comments.send')}
          onSend={(text) => addComment(model.doc, target, { text, authorId: model.selfId, now: Date.now() })}
        />
      )}
      <p className="muted comments-chatham">{t('comments.chatham')}</p>
    </section>
  );
}

function Thread({ thread, model }: { thread: CommentThread; model: CommentsModel }) {
  const [replying, setReplying] = useState(false);
  const replyButton = useRef<HTMLButtonElement>(null);
  // Closing the reply box gives the keyboard back to "Responder", rather than to the top of the page.
  const closeReply = () => {
    setReplying(false);
    requestAnimationFrame(() => replyButton.current?.focus());
  };
  return (
    <li className={`comment-thread${thread.resolved ? ' is-resolved' : ''}`}>
      <CommentView comment={thread.root} model={model} />
      {thread.resolved && <p className="comment-resolved">{t('comments.resolved')}</p>}
      {thread.replies.length > 0 && (
        <ol className="comment-replies" aria-label={t('comments.replies', { count: thread.replies.length })}>
          {thread.replies.map((reply) => (
            <li key={reply.id}>
              <CommentView comment={reply} model={model} />
            </li>
          ))}
        </ol>
      )}
      {model.canWrite && (
        <div className="comment-actions">
          {!replying && (
            <button type="button" ref={replyButton} onClick={() => setReplying(true)}>
              {t('comments.reply')}
            </button>
          )}
          <button type="button" onClick={() => setThreadResolved(model.doc, thread.id, !thread.resolved)}>
            {t(thread.resolved ? 'comments.reopen' : 'comments.resolve')}
          </button>
        </div>
      )}
      {replying && (
        <CommentComposer
          label={t('comments.replyLabel')}
          submit={t('comments.sendReply')}
          autoFocus
          onSend={(text) => {
            replyToThread(model.doc, thread.id, { text, authorId: model.selfId, now: Date.now() });
            closeReply();
          }}
          onCancel={closeReply}
        />
      )}
    </li>
  );
}

/** Who wrote a comment, as this browser knows them now: never stored, only shown (Chatham House). */
function authorName(comment: Comment, model: CommentsModel): string {
  if (comment.authorId !== null && comment.authorId === model.selfId) return t('comments.you');
  return (comment.authorId !== null && model.names.get(comment.authorId)) || t('comments.someone');
}

function CommentView({ comment, model }: { comment: Comment; model: CommentsModel }) {
  // Everyone but the facilitator sees only that something was hidden; the facilitator sees it marked as hidden.
  if (comment.hidden && !model.moderates) {
    return <p className="comment comment-hidden">{t('comments.hiddenText')}</p>;
  }
  return (
    <article className={`comment${comment.hidden ? ' is-hidden' : ''}`}>
      <p className="comment-meta">
        <span className="comment-author">{authorName(comment, model)}</span>
        {' · '}
        <time dateTime={new Date(comment.createdAt).toISOString()}>{formatClock(comment.createdAt)}</time>
        {comment.hidden && <span className="comment-hidden-mark"> · {t('comments.hiddenMark')}</span>}
      </p>
      <p className="comment-text">{comment.text}</p>
      {model.moderates && (
        <button
          type="button"
          className="comment-moderate"
          onClick={() => setCommentHidden(model.doc, comment.id, !comment.hidden)}
        >
          {t(comment.hidden ? 'comments.show' : 'comments.hide')}
        </button>
      )}
    </article>
  );
}

interface ComposerProps {
  label: string;
  submit: string;
  onSend(text: string): void;
  onCancel?(): void;
  autoFocus?: boolean;
}

/**
 * A text box and its button. Not a <form>: the commitment's fields, where comments sit, are already inside one.
 * Ctrl+Intro sends; keys typed here never reach the tree's or the draft's shortcuts (Ctrl+Z undoes the text only).
 */
function CommentComposer({ label, submit, onSend, onCancel, autoFocus = false }: ComposerProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const send = () => {
    const parsed = commentTextSchema.safeParse(text);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? t('comments.invalid'));
    try {
      onSend(parsed.data);
      setText('');
      setError(null);
    } catch (failure) {
      if (!(failure instanceof CommentError)) throw failure;
      setError(failure.message);
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    event.stopPropagation();
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      send();
    } else if (event.key === 'Escape' && onCancel) {
      event.preventDefault();
      onCancel();
    }
  };
  return (
    // Its own undo (the browser's), not the draft's: see `useCommitmentUndo`.
    <div className="comment-composer" data-own-undo>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={2}
        value={text}
        maxLength={1000}
        // The person just asked to reply: the caret goes there.
        autoFocus={autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-keys`}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <p className="muted comment-keys" id={`${id}-keys`}>
        {t('comments.keys')}
      </p>
      {error && (
        <p className="field-problem" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      <div className="comment-actions">
        <button type="button" onClick={send}>
          {submit}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('comments.cancel')}
          </button>
        )}
      </div>
    </div>
  );
}
