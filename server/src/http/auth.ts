import type { Request } from 'express';
import { capabilityTokenSchema, type Role } from '@cocrea/shared';
import { hashToken, sameSecret } from '../auth/tokens';
import type { MesaStore } from '../storage/Storage';
import { HttpError } from './HttpError';

/** The token of an `Authorization: Bearer` header, or null. */
export function bearer(req: Request): string | null {
  const header = req.get('authorization');
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1] ?? null;
}

/** Throws 401 unless the request carries the admin token. */
export function requireAdmin(req: Request, adminToken: string): void {
  const token = bearer(req);
  if (token === null || !sameSecret(token, adminToken)) {
    throw new HttpError(401, 'unauthorized', 'Se requiere el token de administración del STL.');
  }
}

/** The role the request's capability token grants on `mesaId`, or a 401. */
export async function requireCapability(req: Request, store: MesaStore, mesaId: string): Promise<Role> {
  const token = bearer(req);
  const role =
    token !== null && capabilityTokenSchema.safeParse(token).success
      ? await store.findRole(mesaId, hashToken(token))
      : null;
  if (role === null) throw new HttpError(401, 'unauthorized', 'El enlace de acceso no es válido para esta mesa.');
  return role;
}
