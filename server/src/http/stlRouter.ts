import { Router, type Request, type RequestHandler, type Response } from 'express';
import {
  acceptInvitationSchema,
  createInvitationSchema,
  createMemberSchema,
  loginSchema,
  resetPasswordSchema,
  updateMemberSchema,
  type CreatedInvitation,
  type CreatedPasswordReset,
  type StlMember,
  type StlSession,
} from '@cocrea/shared';
import { decoyHash, hashPassword, verifyPassword } from '../auth/passwords';
import {
  INVITATION_TTL_MS,
  PASSWORD_RESET_TTL_MS,
  SESSION_COOKIE,
  SESSION_TTL_MS,
  csrfTokenFor,
  sessionCookieOptions,
} from '../auth/stlSessions';
import { generateId, generateToken, hashToken } from '../auth/tokens';
import { requireAdmin } from './auth';
import { HttpError } from './HttpError';
import { invitationLink, linkBase, passwordResetLink } from './links';
import { passwordThrottle } from './loginThrottle';
import type { RateLimitStores } from './rateLimitStores';
import { requireOwnOrigin } from './origin';
import { actingMemberId, requireMember, requireRole, requireStl, type StlActor, type StlAuthOptions } from './stlAuth';
import { parseBody } from './validate';

export interface StlRouterOptions extends StlAuthOptions {
  publicUrl?: string | undefined;
  /** Where the password throttles count (see `rateLimitStores.ts`). */
  rateLimits: RateLimitStores;
}

/**
 * A member's own account is changed by another member: nobody locks themselves out or demotes themselves by a
 * slip, and a stolen session cannot set itself a new password. `refused` says what was asked, in Spanish.
 */
function refuseOwnAccount(actor: StlActor, memberId: unknown, refused: string): void {
  if (actingMemberId(actor) === null || actingMemberId(actor) !== memberId) return;
  throw new HttpError(409, 'own_account', `${refused}: pídalo a otra persona del STL.`);
}

const memberNotFound = () => new HttpError(404, 'member_not_found', 'Esa cuenta del STL no existe.');
const emailTaken = () => new HttpError(409, 'email_taken', 'Ese correo electrónico ya tiene una cuenta del STL.');

/**
 * `/api/stl`: the STL's accounts. The admin token makes the first member (and any, for scripts); members log in
 * with e-mail and password into a cookie session, and invite others with one-time links.
 */
export function stlRouter(options: StlRouterOptions): Router {
  const { store, adminToken, allowedOrigins, publicUrl, rateLimits } = options;
  const router = Router();
  // Made now, so that the first unknown e-mail takes no longer to refuse than any later one.
  void decoyHash();
  const loginThrottle = passwordThrottle({ name: 'login', perEmail: true, stores: rateLimits });
  // Failed uses of one-time links (invitations, new passwords), counted per address.
  const oneTimeLinkThrottle = passwordThrottle({ name: 'one-time-link', perEmail: false, stores: rateLimits });
  const ownOrigin: RequestHandler = (req, _res, next) => {
    requireOwnOrigin(req, allowedOrigins);
    next();
  };

  router.post('/members', async (req, res) => {
    requireAdmin(req, adminToken);
    const input = parseBody(createMemberSchema, req.body);
    const member = await store.addMember({
      id: generateId(),
      email: input.email,
      name: input.name,
      role: input.role,
      passwordHash: await hashPassword(input.password),
      createdAt: new Date().toISOString(),
    });
    if (!member) throw emailTaken();
    res.status(201).json({ member });
  });

  router.get('/members', async (req, res) => {
    await requireStl(req, options);
    res.set('cache-control', 'no-store').json({ members: await store.listMembers() });
  });

  router.patch('/members/:id', async (req, res) => {
    const actor = await requireStl(req, options);
    const { role, active } = parseBody(updateMemberSchema, req.body);
    refuseOwnAccount(actor, req.params.id, 'No puede cambiar el rol ni el acceso de su propia cuenta');
    const disabledAt = active === undefined ? undefined : active ? null : new Date().toISOString();
    const member = await store.updateMember(String(req.params.id), { role, disabledAt, by: actingMemberId(actor) });
    if (!member) throw memberNotFound();
    res.json({ member });
  });

  // A member who forgot the password gets a one-time link from another member: there is no e-mail to send one to.
  router.post('/members/:id/password-reset', async (req, res) => {
    const actor = await requireStl(req, options);
    refuseOwnAccount(actor, req.params.id, 'No puede crear el enlace para su propia contraseña');
    const member = await store.getMember(String(req.params.id));
    if (!member) throw memberNotFound();
    if (member.disabledAt !== null) {
      const message = 'Esa cuenta no tiene acceso: devuélvaselo antes de crear el enlace para su contraseña.';
      throw new HttpError(409, 'account_disabled', message);
    }
    const token = generateToken();
    const createdAt = Date.now();
    const expiresAt = createdAt + PASSWORD_RESET_TTL_MS;
    await store.addPasswordReset({
      tokenHash: hashToken(token),
      memberId: member.id,
      createdBy: actingMemberId(actor),
      createdAt,
      expiresAt,
    });
    const reset: CreatedPasswordReset = {
      name: member.name,
      email: member.email,
      expiresAt: new Date(expiresAt).toISOString(),
      link: passwordResetLink(linkBase(req, publicUrl), token),
    };
    res.status(201).set('cache-control', 'no-store').json(reset);
  });

  router.post('/password-reset/accept', ownOrigin, ...oneTimeLinkThrottle, async (req, res) => {
    const { token, password } = parseBody(resetPasswordSchema, req.body);
    const member = await store.resetPassword(hashToken(token), Date.now(), await hashPassword(password));
    if (!member) {
      const message =
        'El enlace para crear una contraseña nueva no es válido: ya se usó, venció o se pidió otro. Pida uno nuevo.';
      throw new HttpError(410, 'reset_invalid', message);
    }
    res.json(await startSession(req, res, member));
  });

  // A login form posted from another site would log the victim into the attacker's account: same origin only.
  router.post('/login', ownOrigin, ...loginThrottle, async (req, res) => {
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
    res.json(await startSession(req, res, member));
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

  router.post('/invitations', async (req, res) => {
    const { member } = await requireMember(req, options);
    requireRole(member, ['stl']);
    const { email, role } = parseBody(createInvitationSchema, req.body);
    if (await store.findMemberByEmail(email)) throw emailTaken();
    const token = generateToken();
    const createdAt = Date.now();
    const expiresAt = createdAt + INVITATION_TTL_MS;
    await store.addInvitation({
      id: generateId(),
      tokenHash: hashToken(token),
      email,
      role,
      invitedBy: member.id,
      createdAt,
      expiresAt,
    });
    const invitation: CreatedInvitation = {
      email,
      role,
      expiresAt: new Date(expiresAt).toISOString(),
      link: invitationLink(linkBase(req, publicUrl), token),
    };
    res.status(201).set('cache-control', 'no-store').json(invitation);
  });

  router.get('/invitations', async (req, res) => {
    await requireStl(req, options);
    res.set('cache-control', 'no-store').json({ invitations: await store.listPendingInvitations(Date.now()) });
  });

  // An invitation sent to a wrong address, or to someone who will not join after all, is taken back.
  router.delete('/invitations/:id', async (req, res) => {
    const actor = await requireStl(req, options);
    if (!(await store.revokeInvitation(String(req.params.id), Date.now(), actingMemberId(actor)))) {
      const message = 'Esa invitación ya no está pendiente: se usó, venció o se retiró.';
      throw new HttpError(404, 'invitation_not_found', message);
    }
    res.status(204).end();
  });

  router.post('/invitations/accept', ownOrigin, ...oneTimeLinkThrottle, async (req, res) => {
    const input = parseBody(acceptInvitationSchema, req.body);
    const accepted = await store.acceptInvitation(hashToken(input.token), Date.now(), {
      id: generateId(),
      name: input.name,
      passwordHash: await hashPassword(input.password),
      createdAt: new Date().toISOString(),
    });
    if (!accepted.ok && accepted.reason === 'email_taken') throw emailTaken();
    if (!accepted.ok) {
      const message = 'La invitación no es válida: ya se usó, venció o el enlace está incompleto. Pida una nueva.';
      throw new HttpError(410, 'invitation_invalid', message);
    }
    res.status(201).json(await startSession(req, res, accepted.member));
  });

  /** A new session for `member`: its secret goes in the cookie and its hash in storage. */
  async function startSession(req: Request, res: Response, member: StlMember): Promise<StlSession> {
    const token = generateToken();
    const now = Date.now();
    await store.addSession({ tokenHash: hashToken(token), memberId: member.id, expiresAt: now + SESSION_TTL_MS }, now);
    res
      .cookie(SESSION_COOKIE, token, { ...sessionCookieOptions(req.secure), maxAge: SESSION_TTL_MS })
      .set('cache-control', 'no-store');
    return { member, csrfToken: csrfTokenFor(token) };
  }

  return router;
}
