import type { Request, RequestHandler } from 'express';
import { HttpError } from './HttpError';

/**
 * Refuses a request whose `Origin` header names another site (403). Browsers send `Origin` with every
 * cross-site POST, so this stops a forged form or fetch before anything else is looked at; programs send none.
 */
export function requireOwnOrigin(req: Request, allowedOrigins: readonly string[]): void {
  const origin = req.get('origin');
  if (origin === undefined || allowedOrigins.includes(origin)) return;
  let host: string | null = null;
  try {
    host = new URL(origin).host;
  } catch {
    // "null" (a sandboxed or privacy-sensitive context) and garbage are another site too.
  }
  if (host === null || host !== req.get('host')) {
    throw new HttpError(403, 'forbidden_origin', 'La solicitud viene de otro sitio y no se aceptó.');
  }
}

/** {@link requireOwnOrigin} as a route's middleware. */
export function ownOriginOnly(allowedOrigins: readonly string[]): RequestHandler {
  return (req, _res, next) => {
    requireOwnOrigin(req, allowedOrigins);
    next();
  };
}
