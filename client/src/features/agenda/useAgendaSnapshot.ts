import { useSyncExternalStore } from 'react';
import type { AgendaSnapshot } from '@cocrea/shared';
import type { MesaConnection } from '../../sync/MesaConnection';

/** The agenda as the server last published it on the sync socket (message 101); null until the first arrives. */
export function useAgendaSnapshot(connection: MesaConnection): AgendaSnapshot | null {
  return useSyncExternalStore(connection.subscribe, connection.getAgenda);
}
