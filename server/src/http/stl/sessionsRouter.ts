import { Router } from 'express';
import { loginSchema, type StlSession } from '@cocrea/shared';
import { decoyHash, verifyPassword } from '../../auth/passwords';
import { SESSION_COOKIE, csrfTokenFor, sessionCookieOptions } from '../../auth/stlSessions';
import { hashToken } from '../../auth/tokens';
import { HttpError } from '../HttpError';
import { passwordThrottle } from '../loginThrottle';
import { ownOriginOnly } from '../origin';
import { requireMember } from '../stlAuth';
import { parseBody } from '../validate';
import { startSession } from './startSession';
import type { StlRouterOptions } from './stlRouter';

/** `/api/stl/login`, `/me` and `/logout`: a member's cookie session. */
export function sessionsRouter(options: StlRouterOptions): Router {
  const { store, allowedOrigins } = options;
  const router = Router();
  // Made now, so that the first unknown e-mail takes no longer to refuse than any later one.
  void decoyHash();
  const loginThrottle = passwordThrottle({ name: 'login', perEmail: true, stores: options.rateLimits });

  // A login form posted from another site would log the victim into the attacker's account: same origin only.
  router.post('/login', ownOriginOnly(allowedOrigins), ...loginThrottle, async (req, res) => {
    const { email, password } = parseBody(loginSchema, req.body);
    const found = await store.findMemberByEmail(email);
    // Unknown e-mail or wrong password: the same answer, after the same work.
    const ok = await verifyPassword(password, found?.passwordHash ?? (await decoyHash()));
    if (!found || !ok) throw new HttpError(401, 'invalid_credentials', 'Correo electrónico o contraseña incorrectos.');
    // Said only to whoever knows the password: the account's owner, who needs to know whom to ask.
    if (found.disabledAt !== null) {
      const message = 'Su cuenta del STL ya no tiene acceso. Pida a otra persona del STL que se lo devuelva.';
      throw new HttpError(403, 'account_disabled', message);
    }
    const { passwordHash: _hash, disabledAt: _disabled, ...member } = found;
    res.json(await startSession(store, req, res, member));
  });

  router.post('/logout', async (req, res) => {
    const { token } = await requireMember(req, options);
    await store.deleteSession(hashToken(token));
    res.clearCookie(SESSION_COOKIE, sessionCookieOptions(req.secure)).status(204).end();
  });

  router.get('/me', async (req, res) => {
    const { member, token } = await requireMember(req, options);
    const session: StlSession = { member, csrfToken: csrfTokenFor(token) };
    res.set('cache-control', 'no-store').json(session);
  });

  return router;
}
