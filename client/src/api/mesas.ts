import type { JoinMesa, Mesa, Participant, Role } from '@cocrea/shared';
import { request } from './request';

export interface MesaSession {
  mesa: Mesa;
  role: Role;
  participant: Participant | null;
}

export function fetchSession(mesaId: string, token: string, seat: string | null): Promise<MesaSession> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (seat) headers['x-cocrea-seat'] = seat;
  return request<MesaSession>(`/api/mesas/${encodeURIComponent(mesaId)}/session`, { headers });
}

export function joinMesa(
  mesaId: string,
  token: string,
  input: JoinMesa,
): Promise<{ participant: Participant; seat: string }> {
  return request(`/api/mesas/${encodeURIComponent(mesaId)}/join`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  });
}
