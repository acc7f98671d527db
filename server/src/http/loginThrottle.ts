import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { HttpError, sendError } from './HttpError';
import { storeOptions, type RateLimitStores } from './rateLimitStores';

const WINDOW_MS = 15 * 60_000;
/** Failures per address: an office behind one NAT mistypes a few times; a password sprayer needs thousands. */
const FAILURES_PER_IP = 20;
/** Failures per e-mail, from anywhere: enough for a person, few for someone guessing one account's password. */
const FAILURES_PER_EMAIL = 5;

/**
 * Throttles password attempts (login, and accepting an invitation, which costs the server a password hash):
 * failures only count, per IP and, for logins, per e-mail, over 15 minutes. Mounted after the JSON body parser.
 */
export function passwordThrottle({
  name,
  perEmail,
  stores,
}: {
  /** Names the limiters' stores: `<name>-ip`, `<name>-email`. */
  name: string;
  perEmail: boolean;
  stores: RateLimitStores;
}): RequestHandler[] {
  const common = {
    windowMs: WINDOW_MS,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => {
      const message = 'Demasiados intentos fallidos. Espere 15 minutos e intente de nuevo.';
      sendError(res, new HttpError(429, 'too_many_attempts', message));
    },
  } satisfies Parameters<typeof rateLimit>[0];
  const limiters = [rateLimit({ ...common, ...storeOptions(stores, `${name}-ip`), limit: FAILURES_PER_IP })];
  if (perEmail) {
    const store = storeOptions(stores, `${name}-email`);
    limiters.push(rateLimit({ ...common, ...store, limit: FAILURES_PER_EMAIL, keyGenerator: emailKey }));
  }
  return limiters;
}

function emailKey(req: { body?: unknown }): string {
  const email = (req.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase() : '';
}
