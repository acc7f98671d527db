import { useContext } from 'react';
import { AgendaContext, type AgendaRoom } from './AgendaContext';

/** The agenda of the mesa page; only inside `AgendaProvider`. */
export function useAgendaRoom(): AgendaRoom {
  const room = useContext(AgendaContext);
  if (room === null) throw new Error('useAgendaRoom needs an AgendaProvider above it');
  return room;
}
