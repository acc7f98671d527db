import {
  CSRF_HEADER,
  closedMesaSchema,
  createdInvitationSchema,
  createdMesaSchema,
  createdPasswordResetSchema,
  mesaSummaryListSchema,
  pendingInvitationListSchema,
  rotatedLinkSchema,
  stlSessionSchema,
  teamMemberListSchema,
  updatedMemberSchema,
  type CreateMesa,
  type Role,
  type StlRole,
  type UpdateMember,
} from '@cocrea/shared';
import { request, requestNoContent } from './request';

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

export const fetchMe = () => request(stlSessionSchema, '/api/stl/me');

export const login = (email: string, password: string) =>
  request(stlSessionSchema, '/api/stl/login', { method: 'POST', body: json({ email, password }) });

export const acceptInvitation = (token: string, name: string, password: string) =>
  request(stlSessionSchema, '/api/stl/invitations/accept', { method: 'POST', body: json({ token, name, password }) });

export const logout = (csrfToken: string) => requestNoContent('/api/stl/logout', changing(csrfToken));

export const createInvitation = (csrfToken: string, email: string, role: StlRole) =>
  request(createdInvitationSchema, '/api/stl/invitations', changing(csrfToken, { email, role }));

export const listInvitations = () => request(pendingInvitationListSchema, '/api/stl/invitations');

export const revokeInvitation = (csrfToken: string, invitationId: string) =>
  requestNoContent(
    `/api/stl/invitations/${encodeURIComponent(invitationId)}`,
    changing(csrfToken, undefined, 'DELETE'),
  );

export const listMembers = () => request(teamMemberListSchema, '/api/stl/members');

export const updateMember = (csrfToken: string, memberId: string, change: UpdateMember) =>
  request(
    updatedMemberSchema,
    `/api/stl/members/${encodeURIComponent(memberId)}`,
    changing(csrfToken, change, 'PATCH'),
  );

export const createPasswordReset = (csrfToken: string, memberId: string) =>
  request(
    createdPasswordResetSchema,
    `/api/stl/members/${encodeURIComponent(memberId)}/password-reset`,
    changing(csrfToken),
  );

export const resetPassword = (token: string, password: string) =>
  request(stlSessionSchema, '/api/stl/password-reset/accept', { method: 'POST', body: json({ token, password }) });

export const listMesas = () => request(mesaSummaryListSchema, '/api/mesas');

export const createMesa = (csrfToken: string, input: CreateMesa) =>
  request(createdMesaSchema, '/api/mesas', changing(csrfToken, input));

export const closeMesa = (csrfToken: string, mesaId: string) =>
  request(closedMesaSchema, `/api/mesas/${encodeURIComponent(mesaId)}/close`, changing(csrfToken));

export const rotateLink = (csrfToken: string, mesaId: string, role: Role) =>
  request(rotatedLinkSchema, `/api/mesas/${encodeURIComponent(mesaId)}/links/${role}`, changing(csrfToken));
