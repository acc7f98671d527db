import { useSyncExternalStore } from 'react';
import type { MesaConnection, PresenceState } from './MesaConnection';

/** Everyone in the room now, the local person included, sorted by name. */
export function usePresence(connection: MesaConnection): PresenceState[] {
  return useSyncExternalStore(connection.subscribe, connection.getPresence);
}
