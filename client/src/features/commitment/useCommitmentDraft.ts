import type * as Y from 'yjs';
import { observeCommitment, readCommitmentDraft, type CommitmentDraft } from '@cocrea/shared';
import { useDocSnapshot } from '../../sync/useDocSnapshot';

/** The live commitment draft, re-read once per transaction that changed it. */
export function useCommitmentDraft(doc: Y.Doc): CommitmentDraft {
  return useDocSnapshot(doc, readCommitmentDraft, observeCommitment);
}
