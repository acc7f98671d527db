import type * as Y from 'yjs';
import { observeComments, readComments, type CommentsByTarget } from '@cocrea/shared';
import { useDocSnapshot } from '../../sync/useDocSnapshot';

/** Every thread of the mesa's deliberation, by target, re-read once per transaction that changed one. */
export function useComments(doc: Y.Doc): CommentsByTarget {
  return useDocSnapshot(doc, readComments, observeComments);
}
