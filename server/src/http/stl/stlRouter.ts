import { Router } from 'express';
import { passwordThrottle } from '../loginThrottle';
import type { RateLimitStores } from '../rateLimitStores';
import type { StlAuthOptions } from '../stlAuth';
import { invitationsRouter } from './invitationsRouter';
import { membersRouter } from './membersRouter';
import { passwordResetsRouter } from './passwordResetsRouter';
import { sessionsRouter } from './sessionsRouter';

export interface StlRouterOptions extends StlAuthOptions {
  publicUrl?: string | undefined;
  /** Where the password throttles count (see `rateLimitStores.ts`). */
  rateLimits: RateLimitStores;
}

/**
 * `/api/stl`: the STL's accounts, one router per concern. The admin token makes the first member (and any, for
 * scripts); members log in with e-mail and password into a cookie session, and invite others with one-time links.
 */
export function stlRouter(options: StlRouterOptions): Router {
  const router = Router();
  // Failed uses of one-time links (invitations, new passwords) count together, per address: one throttle for both.
  const oneTimeLinkThrottle = passwordThrottle({ name: 'one-time-link', perEmail: false, stores: options.rateLimits });
  router.use(sessionsRouter(options));
  router.use(membersRouter(options));
  router.use(invitationsRouter(options, oneTimeLinkThrottle));
  router.use(passwordResetsRouter(options, oneTimeLinkThrottle));
  return router;
}
