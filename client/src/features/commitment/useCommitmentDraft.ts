import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { observeCommitment, readCommitmentDraft, type CommitmentDraft } from '@cocrea/shared';

/** The live commitment draft, re-read once per transaction that changed it. */
export function useCommitmentDraft(doc: Y.Doc): CommitmentDraft {
  const store = useMemo(() => {
    let snapshot = readCommitmentDraft(doc);
    return {
      subscribe: (onChange: () => void) =>
        observeCommitment(doc, () => {
          snapshot = readCommitmentDraft(doc);
          onChange();
        }),
      getSnapshot: () => snapshot,
    };
  }, [doc]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
