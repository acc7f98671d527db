import type { Request, Response } from 'express';
import type { StlMember, StlSession } from '@cocrea/shared';
import { SESSION_COOKIE, SESSION_TTL_MS, csrfTokenFor, sessionCookieOptions } from '../../auth/stlSessions';
import { generateToken, hashToken } from '../../auth/tokens';
import type { AccountStore } from '../../storage/Storage';

/**
 * A new session for `member` (a login, an accepted invitation, a new password): its secret goes in the cookie and
 * its hash in storage.
 */
export async function startSession(
  store: AccountStore,
  req: Request,
  res: Response,
  member: StlMember,
): Promise<StlSession> {
  const token = generateToken();
  const now = Date.now();
  await store.addSession({ tokenHash: hashToken(token), memberId: member.id, expiresAt: now + SESSION_TTL_MS }, now);
  res
    .cookie(SESSION_COOKIE, token, { ...sessionCookieOptions(req.secure), maxAge: SESSION_TTL_MS })
    .set('cache-control', 'no-store');
  return { member, csrfToken: csrfTokenFor(token) };
}
