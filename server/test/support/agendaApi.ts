import type { AgendaSnapshot } from '@cocrea/shared';
import type { CreatedMesa, TestServer } from './testServer';

export type Role = 'facilitator' | 'participant' | 'observer';

export interface ApiAnswer<T = AgendaSnapshot> {
  status: number;
  body: T;
}

export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

/** The agenda endpoints of one mesa, called with the link of a given role, as the browser does. */
export function agendaApi(t: TestServer, mesa: CreatedMesa) {
  const base = `${t.baseUrl}/api/mesas/${mesa.mesa.id}/agenda`;
  async function call<T>(role: Role | null, method: string, path: string, body?: unknown): Promise<ApiAnswer<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (role) headers.authorization = `Bearer ${mesa.tokens[role]}`;
    const res = await fetch(`${base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as T };
  }
  return {
    get: (role: Role | null = 'participant') => call<AgendaSnapshot>(role, 'GET', ''),
    command: <T = AgendaSnapshot>(role: Role, command: unknown) => call<T>(role, 'POST', '/commands', command),
    put: <T = AgendaSnapshot>(role: Role, body: unknown) => call<T>(role, 'PUT', '', body),
    lock: <T = AgendaSnapshot>(role: Role, body: unknown) => call<T>(role, 'POST', '/locks', body),
    /** The current snapshot, failing the test on anything but 200. */
    async snapshot(): Promise<AgendaSnapshot> {
      const answer = await call<AgendaSnapshot>('facilitator', 'GET', '');
      if (answer.status !== 200) throw new Error(`GET agenda: ${answer.status}`);
      return answer.body;
    },
  };
}
