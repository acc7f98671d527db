import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

/** Without a `share`, each reading replaces the last (one module-level function, so the store is made once). */
const replace = <T>(_prev: T, next: T): T => next;

/**
 * A part of the mesa's Y.Doc as React state: read again once per transaction that `observe` reports. `share`
 * may hand back the previous snapshot's unchanged pieces (or the previous snapshot itself), so memoized views of
 * what did not change skip re-rendering.
 *
 * The part is also read again when React subscribes: the render that first read it may have yielded before
 * committing (a tool that loads on demand renders in slices), and a sync message applied meanwhile would
 * otherwise never show — after a reload, a page whose tree arrived in that gap showed an empty tree.
 */
export function useDocSnapshot<T>(
  doc: Y.Doc,
  read: (doc: Y.Doc) => T,
  observe: (doc: Y.Doc, onChange: () => void) => () => void,
  share: (prev: T, next: T) => T = replace,
): T {
  const store = useMemo(() => {
    let snapshot = read(doc);
    const refresh = (onChange: () => void) => {
      const next = share(snapshot, read(doc));
      if (next === snapshot) return;
      snapshot = next;
      onChange();
    };
    return {
      subscribe: (onChange: () => void) => {
        const stop = observe(doc, () => refresh(onChange));
        refresh(onChange);
        return stop;
      },
      getSnapshot: () => snapshot,
    };
  }, [doc, read, observe, share]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
