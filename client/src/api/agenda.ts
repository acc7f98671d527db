import {
  agendaSnapshotSchema,
  serverTimeSchema,
  type Agenda,
  type AgendaCommand,
  type AgendaSnapshot,
  type SetToolLock,
} from '@cocrea/shared';
import { request } from './request';

/** The agenda endpoints of one mesa, with the link's token. Every answer is the agenda after the change. */
export interface AgendaApi {
  command(command: AgendaCommand): Promise<AgendaSnapshot>;
  saveAgenda(agenda: Agenda, expectedRevision: number): Promise<AgendaSnapshot>;
  setToolLock(lock: SetToolLock): Promise<AgendaSnapshot>;
}

export function agendaApi(mesaId: string, token: string): AgendaApi {
  const base = `/api/mesas/${encodeURIComponent(mesaId)}/agenda`;
  const headers = { authorization: `Bearer ${token}` };
  const send = (path: string, method: string, body: unknown) =>
    request(agendaSnapshotSchema, `${base}${path}`, { method, headers, body: JSON.stringify(body) });
  return {
    command: (command) => send('/commands', 'POST', command),
    saveAgenda: (agenda, expectedRevision) => send('', 'PUT', { agenda, expectedRevision }),
    setToolLock: (lock) => send('/locks', 'POST', lock),
  };
}

/** One clock sample: the server's epoch milliseconds. `no-store`, so no cache ever answers for the server. */
export async function fetchServerTime(): Promise<number> {
  const { now } = await request(serverTimeSchema, '/api/time', { cache: 'no-store' });
  return now;
}
