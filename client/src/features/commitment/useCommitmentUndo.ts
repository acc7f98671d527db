import { useEffect, useMemo, type FocusEvent, type KeyboardEvent } from 'react';
import type * as Y from 'yjs';
import { createCommitmentUndoManager } from '@cocrea/shared';

export interface CommitmentUndo {
  undo(): void;
  redo(): void;
  /** For the draft's container: Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo (⌘ on a Mac). */
  onKeyDown(event: KeyboardEvent): void;
  /** For the draft's container: moving to another field starts a new undo step. */
  onFocus(event: FocusEvent): void;
}

/**
 * One's own undo history in the commitment draft, across all its fields, as the tree has: never another person's
 * edits. It replaces the browser's own textarea undo, which knows nothing of the shared text and would undo
 * whatever the field last showed, someone else's letters included.
 */
export function useCommitmentUndo(doc: Y.Doc, readOnly: boolean): CommitmentUndo {
  const manager = useMemo(() => createCommitmentUndoManager(doc), [doc]);
  useEffect(() => () => manager.destroy(), [manager]);
  return useMemo(
    () => ({
      undo: () => {
        if (!readOnly) manager.undo();
      },
      redo: () => {
        if (!readOnly) manager.redo();
      },
      onKeyDown(event: KeyboardEvent) {
        if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
        // A field of its own inside the draft's area (an answer to the STL) keeps the browser's undo.
        if (event.target instanceof Element && event.target.closest('[data-own-undo]')) return;
        const key = event.key.toLowerCase();
        const isUndo = key === 'z' && !event.shiftKey;
        const isRedo = (key === 'z' && event.shiftKey) || key === 'y';
        if (!isUndo && !isRedo) return;
        // Never the browser's: it would undo another person's letters as readily as one's own.
        event.preventDefault();
        if (readOnly) return;
        if (isUndo) manager.undo();
        else manager.redo();
      },
      onFocus(event: FocusEvent) {
        if (event.target !== event.relatedTarget) manager.stopCapturing();
      },
    }),
    [manager, readOnly],
  );
}
