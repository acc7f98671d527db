import { CloseCode, type Role } from '@cocrea/shared';
import type { Bus } from '../cluster/Bus';
import type { MesaStore } from '../storage/Storage';
import { Connection } from '../sync/Connection';
import type { RoomRegistry } from '../sync/RoomRegistry';

export const MESA_CLOSED_REASON = 'La mesa se cerró: queda de solo lectura.';

export interface SocketClose {
  code: number;
  reason: string;
  /** Only the sockets opened with this role's link; every socket of the mesa when absent. */
  linkRole?: Role | undefined;
}

/**
 * Closes the open sync sockets of a mesa, or only those opened with a link of `linkRole`, so that what the STL
 * just changed (the mesa closed, a link replaced) applies to them too: a socket's rights are fixed at upgrade.
 * Every instance closes its own: the others are told through the bus.
 */
export function closeSockets(
  { rooms, bus }: { rooms: Pick<RoomRegistry, 'get'>; bus: Pick<Bus, 'publish'> },
  mesaId: string,
  close: SocketClose,
): void {
  closeLocalSockets(rooms, mesaId, close);
  bus.publish(mesaId, { kind: 'close', ...close });
}

/**
 * Closes the writing sockets of a closed mesa that this instance holds again, in case the STL's close did not reach
 * it (published while the bus was away): they come back read-only.
 */
export async function recheckClosedMesa(
  store: Pick<MesaStore, 'getMesa'>,
  rooms: Pick<RoomRegistry, 'get'>,
  mesaId: string,
): Promise<void> {
  if ((await store.getMesa(mesaId))?.closedAt == null) return;
  for (const peer of rooms.get(mesaId)?.peers ?? []) {
    if (peer instanceof Connection && peer.canWrite) peer.close(CloseCode.mesaClosed, MESA_CLOSED_REASON);
  }
}

/** Closes the sockets of a mesa that this instance holds. */
export function closeLocalSockets(rooms: Pick<RoomRegistry, 'get'>, mesaId: string, close: SocketClose): void {
  for (const peer of rooms.get(mesaId)?.peers ?? []) {
    if (!(peer instanceof Connection)) continue;
    // `user.role` is the link's role; `role` may have been lowered to an observer's by a closed mesa.
    if (close.linkRole === undefined || peer.context.user.role === close.linkRole) peer.close(close.code, close.reason);
  }
}
