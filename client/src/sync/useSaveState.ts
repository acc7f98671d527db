import { useSyncExternalStore } from 'react';
import type { MesaConnection, SaveState } from './MesaConnection';

export function useSaveState(connection: MesaConnection): SaveState {
  return useSyncExternalStore(connection.subscribe, connection.getSaveState);
}
