import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { visibleCommentCount, type CommentsByTarget, type CommentTarget, type Participant } from '@cocrea/shared';
import type { MesaConnection } from '../../sync/MesaConnection';
import { useAuthorNames } from './useAuthorNames';
import { useComments } from './useComments';

/** What every comment count and thread of the mesa reads. */
export interface CommentsModel {
  doc: Y.Doc;
  byTarget: CommentsByTarget;
  names: ReadonlyMap<string, string>;
  /** This person's participant id, stored as the author of what they write. */
  selfId: string | null;
  /** Whether this person may comment, reply and resolve (not an observer, not a closed mesa). */
  canWrite: boolean;
  /** Whether this person may hide comments (the facilitator; the server refuses it from anyone else). */
  moderates: boolean;
}

/** Exported for tests, which build a model without a connection; the app provides it with {@link CommentsProvider}. */
export const CommentsContext = createContext<CommentsModel | null>(null);

/** The deliberation of one mesa, for the fields and nodes below. */
export function CommentsProvider({
  connection,
  self,
  canWrite,
  moderates,
  children,
}: {
  connection: MesaConnection;
  self: Participant | null;
  canWrite: boolean;
  moderates: boolean;
  children: ReactNode;
}) {
  const byTarget = useComments(connection.doc);
  const names = useAuthorNames(connection, self);
  const selfId = self?.id ?? null;
  const value = useMemo(
    () => ({ doc: connection.doc, byTarget, names, selfId, canWrite, moderates }),
    [connection.doc, byTarget, names, selfId, canWrite, moderates],
  );
  return <CommentsContext value={value}>{children}</CommentsContext>;
}

/** The mesa's deliberation; null outside a mesa (a page that shows a draft without its comments). */
export function useCommentsModel(): CommentsModel | null {
  return useContext(CommentsContext);
}

/** How many comments of `target` are shown (hidden ones are not counted). */
export function useCommentCount(target: CommentTarget): number {
  return visibleCommentCount(useContext(CommentsContext)?.byTarget.get(target));
}
