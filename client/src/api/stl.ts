import {
  CSRF_HEADER,
  type CreateMesa,
  type CreatedInvitation,
  type CreatedMesa,
  type CreatedPasswordReset,
  type Mesa,
  type PendingInvitation,
  type MesaSummary,
  type Role,
  type RotatedLink,
  type StlRole,
  type StlSession,
  type TeamMember,
  type UpdateMember,
} from '@cocrea/shared';
import { request } from './request';

/**
 * The STL's API calls. The session rides in an httpOnly cookie the browser sends by itself; every change also
 * carries the session's CSRF token, which only this page could read from `/api/stl/me`.
 */

const json = (body: unknown) => JSON.stringify(body);
const changing = (csrfToken: string, body?: unknown, method: 'POST' | 'PATCH' | 'DELETE' = 'POST'): RequestInit => ({
  method,
  headers: { [CSRF_HEADER]: csrfToken },
  body: body === undefined ? undefined : json(body),
});

export const fetchMe = () => request<StlSession>('/api/stl/me');

export const login = (email: string, password: string) =>
  request<StlSession>('/api/stl/login', { method: 'POST', body: json({ email, password }) });

export const acceptInvitation = (token: string, name: string, password: string) =>
  request<StlSession>('/api/stl/invitations/accept', { method: 'POST', body: json({ token, name, password }) });

export const logout = (csrfToken: string) => request<null>('/api/stl/logout', changing(csrfToken));

export const createInvitation = (csrfToken: string, email: string, role: StlRole) =>
  request<CreatedInvitation>('/api/stl/invitations', changing(csrfToken, { email, role }));

export const listInvitations = () => request<{ invitations: PendingInvitation[] }>('/api/stl/invitations');

export const revokeInvitation = (csrfToken: string, invitationId: string) =>
  request<null>(`/api/stl/invitations/${encodeURIComponent(invitationId)}`, changing(csrfToken, undefined, 'DELETE'));

export const listMembers = () => request<{ members: TeamMember[] }>('/api/stl/members');

export const updateMember = (csrfToken: string, memberId: string, change: UpdateMember) =>
  request<{ member: TeamMember }>(
    `/api/stl/members/${encodeURIComponent(memberId)}`,
    changing(csrfToken, change, 'PATCH'),
  );

export const createPasswordReset = (csrfToken: string, memberId: string) =>
  request<CreatedPasswordReset>(`/api/stl/members/${encodeURIComponent(memberId)}/password-reset`, changing(csrfToken));

export const resetPassword = (token: string, password: string) =>
  request<StlSession>('/api/stl/password-reset/accept', { method: 'POST', body: json({ token, password }) });

export const listMesas = () => request<{ mesas: MesaSummary[] }>('/api/mesas');

export const createMesa = (csrfToken: string, input: CreateMesa) =>
  request<CreatedMesa>('/api/mesas', changing(csrfToken, input));

export const closeMesa = (csrfToken: string, mesaId: string) =>
  request<{ mesa: Mesa }>(`/api/mesas/${encodeURIComponent(mesaId)}/close`, changing(csrfToken));

export const rotateLink = (csrfToken: string, mesaId: string, role: Role) =>
  request<RotatedLink>(`/api/mesas/${encodeURIComponent(mesaId)}/links/${role}`, changing(csrfToken));
