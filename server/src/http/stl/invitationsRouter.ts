import { Router, type RequestHandler } from 'express';
import { acceptInvitationSchema, createInvitationSchema, type CreatedInvitation } from '@cocrea/shared';
import { hashPassword } from '../../auth/passwords';
import { INVITATION_TTL_MS } from '../../auth/stlSessions';
import { generateId, generateToken, hashToken } from '../../auth/tokens';
import { HttpError } from '../HttpError';
import { invitationLink, linkBase } from '../links';
import { ownOriginOnly } from '../origin';
import { actingMemberId, requireMember, requireRole, requireStl } from '../stlAuth';
import { parseBody } from '../validate';
import { emailTaken } from './accountChecks';
import { startSession } from './startSession';
import type { StlRouterOptions } from './stlRouter';

/**
 * `/api/stl/invitations`: every member after the first comes by invitation, a one-time link a member with the
 * `stl` role makes; the link's holder accepts it with a name and a password.
 */
export function invitationsRouter(options: StlRouterOptions, oneTimeLinkThrottle: RequestHandler[]): Router {
  const { store, allowedOrigins, publicUrl } = options;
  const router = Router();

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

  router.post('/invitations/accept', ownOriginOnly(allowedOrigins), ...oneTimeLinkThrottle, async (req, res) => {
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
    res.status(201).json(await startSession(store, req, res, accepted.member));
  });

  return router;
}
