import { joinedSchema, mesaSessionSchema, type JoinMesa, type MesaSession } from '@cocrea/shared';
import { request } from './request';

/** Who the link (and the seat this browser kept, if any) makes this browser in the mesa. */
export function fetchSession(mesaId: string, token: string, seat: string | null): Promise<MesaSession> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (seat) headers['x-cocrea-seat'] = seat;
  return request(mesaSessionSchema, `/api/mesas/${encodeURIComponent(mesaId)}/session`, { headers });
}

/** Joins the mesa: the answer's seat token says who this browser is on later visits. */
export function joinMesa(mesaId: string, token: string, input: JoinMesa) {
  return request(joinedSchema, `/api/mesas/${encodeURIComponent(mesaId)}/join`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  });
}
