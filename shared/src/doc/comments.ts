/**
 * The mesa's deliberation (Etapa 5): comments on any field of the commitment draft and any node of the problem tree,
 * in threads with replies, each thread marked resolved or not, and any comment hidden by the facilitator. The only
 * module that knows how comments are stored.
 *
 * Storage, in the mesa's Y.Doc:
 * - `comments` (top-level Y.Map): comment id → Y.Map `{ target, threadId, text, authorId, createdAt, resolved? }`
 *   (see `storedCommentSchema`). A reply carries its thread's target too, so counting a field's comments reads one
 *   key. Each comment is a Y.Map of its own, so marking a thread resolved while someone replies loses neither.
 * - `commentsHidden` (top-level Y.Map): comment id → boolean, true while the facilitator hides it. A root of its own
 *   so that the server can refuse it to everyone else (`server/src/sync/areaLocks.ts`, `MODERATION_ROOTS`).
 *
 * Chatham House: a comment names its author by participant id only, never by name. Names show live, from presence,
 * in the browser of whoever reads; nothing saved, exported or published reads this area at all.
 */
import { uuidv4 } from 'lib0/random';
import * as Y from 'yjs';
import { commentTextSchema, storedCommentSchema, type CommentTarget, type StoredComment } from '../schema/comment';
import { localOrigin } from './origins';

const COMMENTS = 'comments';
const HIDDEN = 'commentsHidden';

/** The top-level types of this area: the comments themselves, and the facilitator's hidden marks. */
export const COMMENT_ROOTS = { comments: COMMENTS, hidden: HIDDEN } as const;

/** One comment as read. */
export interface Comment {
  readonly id: string;
  readonly target: CommentTarget;
  readonly text: string;
  /** The author's participant id; null for a connection with no seat (a script, an old link). */
  readonly authorId: string | null;
  /** Milliseconds since the epoch, on its author's clock: for ordering and "hace un momento", not evidence. */
  readonly createdAt: number;
  readonly hidden: boolean;
}

/** A thread: its first comment and the replies to it, oldest first. */
export interface CommentThread {
  readonly id: string;
  readonly root: Comment;
  readonly replies: readonly Comment[];
  readonly resolved: boolean;
}

/** Every thread, by target, oldest thread first. */
export type CommentsByTarget = ReadonlyMap<CommentTarget, readonly CommentThread[]>;

/** A comment the area refuses; nothing was written. `message` is in Spanish. */
export class CommentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommentError';
  }
}

/** What a new comment says and who writes it. */
export interface NewComment {
  text: string;
  authorId: string | null;
  /** Now, in milliseconds; the caller's clock. */
  now: number;
  /** For reproducible ids (tests); a random UUID if absent. */
  id?: string;
}

function validText(text: string): string {
  const parsed = commentTextSchema.safeParse(text);
  if (!parsed.success) throw new CommentError(parsed.error.issues[0]?.message ?? 'El comentario no es válido.');
  return parsed.data;
}

function write(doc: Y.Doc, id: string, value: StoredComment): void {
  const map = new Y.Map<unknown>();
  for (const [key, field] of Object.entries(value)) if (field !== undefined) map.set(key, field);
  doc.getMap<unknown>(COMMENTS).set(id, map);
}

/** Opens a thread on `target` with its first comment; returns its id (which is also the thread's). */
export function addComment(doc: Y.Doc, target: CommentTarget, comment: NewComment): string {
  const text = validText(comment.text);
  const id = comment.id ?? uuidv4();
  doc.transact(() => {
    write(doc, id, { target, threadId: null, text, authorId: comment.authorId, createdAt: comment.now });
  }, localOrigin);
  return id;
}

/** Answers the thread `threadId`; returns the reply's id. Refuses a thread that is not there (deleted, or a typo). */
export function replyToThread(doc: Y.Doc, threadId: string, comment: NewComment): string {
  const text = validText(comment.text);
  const root = readStored(doc.getMap<unknown>(COMMENTS).get(threadId));
  if (root === null || root.threadId !== null) throw new CommentError('Esa conversación ya no existe.');
  const id = comment.id ?? uuidv4();
  doc.transact(() => {
    write(doc, id, { target: root.target, threadId, text, authorId: comment.authorId, createdAt: comment.now });
  }, localOrigin);
  return id;
}

/** Marks a thread resolved ("resuelto") or open again. Anyone who writes may; it is the group's judgement. */
export function setThreadResolved(doc: Y.Doc, threadId: string, resolved: boolean): void {
  const map = doc.getMap<unknown>(COMMENTS).get(threadId);
  if (!(map instanceof Y.Map)) throw new CommentError('Esa conversación ya no existe.');
  doc.transact(() => map.set('resolved', resolved), localOrigin);
}

/**
 * Hides a comment from everyone but the facilitator, or shows it again. The server takes this only from the
 * facilitator's connections.
 */
export function setCommentHidden(doc: Y.Doc, id: string, hidden: boolean): void {
  doc.transact(() => doc.getMap<unknown>(HIDDEN).set(id, hidden), localOrigin);
}

function readStored(value: unknown): StoredComment | null {
  if (!(value instanceof Y.Map)) return null;
  const parsed = storedCommentSchema.safeParse(value.toJSON());
  return parsed.success ? parsed.data : null;
}

/**
 * Every thread, by target. A pure function of the document: entries that do not validate are left out, and so are
 * replies whose thread is gone; threads and replies are ordered by time, then id, so every replica lists alike.
 */
export function readComments(doc: Y.Doc): CommentsByTarget {
  const hidden = doc.getMap<unknown>(HIDDEN);
  const roots: { comment: Comment; resolved: boolean }[] = [];
  const replies = new Map<string, Comment[]>();
  doc.getMap<unknown>(COMMENTS).forEach((value, id) => {
    const stored = readStored(value);
    if (stored === null) return;
    const comment: Comment = {
      id,
      target: stored.target,
      text: stored.text,
      authorId: stored.authorId,
      createdAt: stored.createdAt,
      hidden: hidden.get(id) === true,
    };
    if (stored.threadId === null) roots.push({ comment, resolved: stored.resolved === true });
    else replies.set(stored.threadId, [...(replies.get(stored.threadId) ?? []), comment]);
  });
  roots.sort((a, b) => byTime(a.comment, b.comment));
  const byTarget = new Map<CommentTarget, CommentThread[]>();
  for (const { comment, resolved } of roots) {
    const thread: CommentThread = {
      id: comment.id,
      root: comment,
      // A reply keeps its thread's target; one claiming another target is not this thread's (only a forged one).
      replies: (replies.get(comment.id) ?? []).filter((r) => r.target === comment.target).sort(byTime),
      resolved,
    };
    byTarget.set(comment.target, [...(byTarget.get(comment.target) ?? []), thread]);
  }
  return byTarget;
}

function byTime(a: Comment, b: Comment): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** How many comments of `threads` are not hidden: the count shown beside a field or a node. */
export function visibleCommentCount(threads: readonly CommentThread[] | undefined): number {
  let count = 0;
  for (const thread of threads ?? []) {
    if (!thread.root.hidden) count++;
    for (const reply of thread.replies) if (!reply.hidden) count++;
  }
  return count;
}

/** Calls `onChange` after every change to the comments or their hidden marks; returns the unsubscribe. */
export function observeComments(doc: Y.Doc, onChange: () => void): () => void {
  const comments = doc.getMap<unknown>(COMMENTS);
  const hidden = doc.getMap<unknown>(HIDDEN);
  comments.observeDeep(onChange);
  hidden.observe(onChange);
  return () => {
    comments.unobserveDeep(onChange);
    hidden.unobserve(onChange);
  };
}
