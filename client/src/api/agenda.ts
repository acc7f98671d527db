import type { Agenda, AgendaCommand, AgendaSnapshot, SetToolLock } from '@cocrea/shared';
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
    request<AgendaSnapshot>(`${base}${path}`, { method, headers, body: JSON.stringify(body) });
  return {
    command: (command) => send('/commands', 'POST', command),
    saveAgenda: (agenda, expectedRevision) => send('', 'PUT', { agenda, expectedRevision }),
    setToolLock: (lock) => send('/locks', 'POST', lock),
  };
}

/** One clock sample: the server's epoch milliseconds. `no-store`, so no cache ever answers for the server. */
export async function fetchServerTime(): Promise<number> {
  const res = await fetch('/api/time', { cache: 'no-store' });
  if (!res.ok) throw new Error(`GET /api/time: ${res.status}`);
  const body: unknown = await res.json();
  const now = typeof body === 'object' && body !== null && 'now' in body ? body.now : null;
  if (typeof now !== 'number' || !Number.isFinite(now)) throw new Error('GET /api/time: unexpected answer');
  return now;
}
