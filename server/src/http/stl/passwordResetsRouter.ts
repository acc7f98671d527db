import { Router, type RequestHandler } from 'express';
import { resetPasswordSchema, type CreatedPasswordReset } from '@cocrea/shared';
import { hashPassword } from '../../auth/passwords';
import { PASSWORD_RESET_TTL_MS } from '../../auth/stlSessions';
import { generateToken, hashToken } from '../../auth/tokens';
import { HttpError } from '../HttpError';
import { linkBase, passwordResetLink } from '../links';
import { ownOriginOnly } from '../origin';
import { actingMemberId, requireStl } from '../stlAuth';
import { parseBody } from '../validate';
import { memberNotFound, refuseOwnAccount } from './accountChecks';
import { startSession } from './startSession';
import type { StlRouterOptions } from './stlRouter';

/**
 * `/api/stl/members/:id/password-reset` and `/api/stl/password-reset/accept`: a member who forgot the password gets
 * a one-time link from another member (there is no e-mail to send one to), and sets a new password with it.
 */
export function passwordResetsRouter(options: StlRouterOptions, oneTimeLinkThrottle: RequestHandler[]): Router {
  const { store, allowedOrigins, publicUrl } = options;
  const router = Router();

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

  router.post('/password-reset/accept', ownOriginOnly(allowedOrigins), ...oneTimeLinkThrottle, async (req, res) => {
    const { token, password } = parseBody(resetPasswordSchema, req.body);
    const member = await store.resetPassword(hashToken(token), Date.now(), await hashPassword(password));
    if (!member) {
      const message =
        'El enlace para crear una contraseña nueva no es válido: ya se usó, venció o se pidió otro. Pida uno nuevo.';
      throw new HttpError(410, 'reset_invalid', message);
    }
    res.json(await startSession(store, req, res, member));
  });

  return router;
}
