import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { voteItems, type VoteItem, type VoteTarget } from '@cocrea/shared';

/** What a vote on `target` puts dots on, read live from the mesa's document; none without a target. */
export function useVoteItems(doc: Y.Doc, target: VoteTarget | null): VoteItem[] {
  const [items, setItems] = useState<VoteItem[]>(() => (target ? voteItems(doc, target) : []));
  useEffect(() => {
    if (!target) return setItems([]);
    const read = () => setItems(voteItems(doc, target));
    read();
    doc.on('update', read);
    return () => doc.off('update', read);
  }, [doc, target]);
  return items;
}
