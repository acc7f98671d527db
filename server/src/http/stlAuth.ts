import type { Request } from 'express';
import { CSRF_HEADER, type StlMember, type StlRole } from '@cocrea/shared';
import { SESSION_COOKIE, csrfTokenFor, readCookie } from '../auth/stlSessions';
import { hashToken, sameSecret } from '../auth/tokens';
import type { AccountStore } from '../storage/Storage';
import { bearer } from './auth';
import { HttpError } from './HttpError';
import { requireOwnOrigin } from './origin';

export interface StlAuthOptions {
  store: AccountStore;
  adminToken: string;
  /** Origins besides the server's own that may send cookie-authenticated changes (the Vite dev server). */
  allowedOrigins: readonly string[];
}

/** A member's session, from the request's cookie. */
export interface MemberSession {
  member: StlMember;
  /** The cookie's secret: to end the session, and to derive its CSRF token. */
  token: string;
}

/** Who of the STL makes a request: a script with the admin token, or a logged-in member. */
export type StlActor = { kind: 'admin' } | ({ kind: 'member' } & MemberSession);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The STL behind the request: the admin token (`Authorization: Bearer`, for scripts; no CSRF check, since
 * browsers never attach it by themselves) or else a member's session cookie. 401 when neither; 403 for a member
 * whose role is not in `roles` (by default only `stl`: a follow-up member may only record progress).
 */
export async function requireStl(
  req: Request,
  options: StlAuthOptions,
  roles: readonly StlRole[] = ['stl'],
): Promise<StlActor> {
  const token = bearer(req);
  if (token !== null) {
    if (!sameSecret(token, options.adminToken)) {
      throw new HttpError(401, 'unauthorized', 'El token de administración no es válido.');
    }
    return { kind: 'admin' };
  }
  if (readCookie(req.get('cookie'), SESSION_COOKIE) === null) {
    throw new HttpError(401, 'unauthorized', 'Inicie sesión con su cuenta del STL o use el token de administración.');
  }
  const session = await requireMember(req, options);
  requireRole(session.member, roles);
  return { kind: 'member', ...session };
}

/** Who of the STL did something, as storage records it: the member's id, or null for the admin token. */
export function actingMemberId(actor: StlActor): string | null {
  return actor.kind === 'member' ? actor.member.id : null;
}

/** Throws 403 unless the member's role is one of `roles`. */
export function requireRole(member: StlMember, roles: readonly StlRole[]): void {
  if (!roles.includes(member.role)) {
    throw new HttpError(403, 'forbidden_role', 'Su cuenta del STL es de seguimiento: solo registra avances.');
  }
}

/**
 * A logged-in member's session, or a 401. A browser attaches the cookie to requests another site makes it send,
 * so a change (anything but GET) must also come from our origin and repeat the session's CSRF token in the
 * `X-Cocrea-CSRF` header, which only our own pages can read (from `GET /api/stl/me`): else 403.
 */
export async function requireMember(req: Request, { store, allowedOrigins }: StlAuthOptions): Promise<MemberSession> {
  const token = readCookie(req.get('cookie'), SESSION_COOKIE);
  const member = token ? await store.findSessionMember(hashToken(token), Date.now()) : null;
  if (token === null || member === null) {
    throw new HttpError(401, 'not_logged_in', 'Inicie sesión con su cuenta del STL.');
  }
  if (!SAFE_METHODS.has(req.method)) {
    requireOwnOrigin(req, allowedOrigins);
    const csrf = req.get(CSRF_HEADER);
    if (!csrf || !sameSecret(csrf, csrfTokenFor(token))) {
      throw new HttpError(
        403,
        'csrf',
        'La solicitud no trae la verificación de seguridad de su sesión. Recargue la página e intente de nuevo.',
      );
    }
  }
  return { member, token };
}
