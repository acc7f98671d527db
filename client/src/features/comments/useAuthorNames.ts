import { useEffect, useState } from 'react';
import type { Participant } from '@cocrea/shared';
import type { MesaConnection } from '../../sync/MesaConnection';
import { usePresence } from '../../sync/usePresence';

const NONE: ReadonlyMap<string, string> = new Map();

/**
 * Participant id → name, as presence has shown them since this page opened: the only place a comment's author gets
 * a name (Chatham House: the document stores ids). Someone who left keeps their name until the page is reloaded.
 */
export function useAuthorNames(connection: MesaConnection, self: Participant | null): ReadonlyMap<string, string> {
  const people = usePresence(connection);
  const [names, setNames] = useState(NONE);
  useEffect(() => {
    setNames((previous) => {
      let next = previous;
      const learn = (id: string | null, name: string | null) => {
        if (id === null || name === null || next.get(id) === name) return;
        if (next === previous) next = new Map(previous);
        (next as Map<string, string>).set(id, name);
      };
      if (self) learn(self.id, self.name);
      for (const person of people) learn(person.user.id, person.user.name);
      // Cursors move many times a second: the same map comes back unless a name is new, and nothing re-renders.
      return next;
    });
  }, [people, self]);
  return names;
}
