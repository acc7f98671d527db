import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { observeComments, readComments, type CommentsByTarget } from '@cocrea/shared';

/** Every thread of the mesa's deliberation, by target, re-read once per transaction that changed one. */
export function useComments(doc: Y.Doc): CommentsByTarget {
  const store = useMemo(() => {
    let snapshot = readComments(doc);
    return {
      subscribe: (onChange: () => void) =>
        observeComments(doc, () => {
          snapshot = readComments(doc);
          onChange();
        }),
      getSnapshot: () => snapshot,
    };
  }, [doc]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
