import type { Mesa } from '@cocrea/shared';
import { HttpError } from './HttpError';

/** Throws 409 when the STL has closed the mesa: from then on nothing of it changes, for anyone. */
export function requireOpenMesa(mesa: Mesa): void {
  if (mesa.closedAt !== null) throw new HttpError(409, 'mesa_closed', 'La mesa está cerrada.');
}
