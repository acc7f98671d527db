import type { Request } from 'express';
import { capabilityTokenSchema, mesaIdSchema, type Role } from '@cocrea/shared';
import { hashToken, sameSecret } from '../auth/tokens';
import type { MesaStore } from '../storage/Storage';
import { requireOpenMesa } from './closedMesa';
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

/** What a mesa route asks of its caller beyond a link of the mesa: to change something, a role (else `refusal`). */
export interface MesaChange {
  role: Role;
  /** The 403's Spanish message: says who may do it. */
  refusal: string;
}

/**
 * The mesa of a `/api/mesas/:id/…` request once its link is checked: 404 for an unknown mesa, 401 without a
 * link of it; for a change, 403 for another role and 409 once the mesa is closed.
 */
export async function authorizeMesa(req: Request, store: MesaStore, change: MesaChange | null): Promise<string> {
  const id = String(req.params.id);
  const mesa = mesaIdSchema.safeParse(id).success ? await store.getMesa(id) : null;
  if (!mesa) throw new HttpError(404, 'mesa_not_found', 'La mesa no existe.');
  const role = await requireCapability(req, store, mesa.id);
  if (change === null) return mesa.id;
  if (role !== change.role) throw new HttpError(403, 'forbidden', change.refusal);
  requireOpenMesa(mesa);
  return mesa.id;
}
