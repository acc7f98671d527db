import { createHash } from 'node:crypto';

/** The session cookie: httpOnly, SameSite=Strict, sent to the API only (see `sessionCookieOptions`). */
export const SESSION_COOKIE = 'cocrea_stl';

/** A working day and then some: a member logs in once per mesa day, and a stolen cookie dies by the next. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** How long an invitation link works. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** How long a link to set a new password works: it is sent to someone waiting for it. */
export const PASSWORD_RESET_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * The session's CSRF token, derived from the cookie's secret so there is nothing more to store: another site
 * can neither read the cookie nor, without it, compute this. Domain-separated from the stored hash, so a leaked
 * database does not yield it either.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`cocrea-csrf:${sessionToken}`).digest('base64url');
}

export function sessionCookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: 'strict', secure, path: '/api' } as const;
}

/** The value of cookie `name` in a `Cookie` header, or null. */
export function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
