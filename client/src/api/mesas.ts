import {
  joinedSchema,
  mesaSessionSchema,
  movedPhaseSchema,
  type JoinMesa,
  type Mesa,
  type MesaSession,
  type MovePhase,
} from '@cocrea/shared';
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

/** Moves a compromiso proactivo one phase, from the one this page shows: the facilitation link's (the STL's). */
export async function movePhase(mesaId: string, token: string, move: MovePhase): Promise<Mesa> {
  const { mesa } = await request(movedPhaseSchema, `/api/mesas/${encodeURIComponent(mesaId)}/phase`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: JSON.stringify(move),
  });
  return mesa;
}
