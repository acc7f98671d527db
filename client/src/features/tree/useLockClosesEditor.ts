import { useEffect, useState } from 'react';

/**
 * Closes a node editor that is open when the tree turns read-only (the agenda locks it, the facilitator closes it, the
 * mesa closes), and says so: true from that moment until the tree opens again. The editor is already gone from the
 * screen, or read-only, in that same render (the workspace passes no editing node while read-only; an objective's
 * field turns read-only); `close` forgets it, so that it does not come back by itself when the tree opens.
 */
export function useLockClosesEditor(readOnly: boolean, editing: boolean, close: () => void): boolean {
  const [closedByLock, setClosedByLock] = useState(false);
  const [wasReadOnly, setWasReadOnly] = useState(readOnly);
  if (readOnly !== wasReadOnly) {
    // Adjusting state while rendering (React's pattern for a change of props): the message shows in the same frame.
    setWasReadOnly(readOnly);
    setClosedByLock(readOnly && editing);
  }
  useEffect(() => {
    if (readOnly && editing) close();
  }, [readOnly, editing, close]);
  return closedByLock;
}
