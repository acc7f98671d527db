import { CloseCode, type Role } from '@cocrea/shared';
import type { Bus } from '../cluster/Bus';
import type { MesaStore } from '../storage/Storage';
import { Connection } from '../sync/Connection';
import type { RoomRegistry } from '../sync/RoomRegistry';

export const MESA_CLOSED_REASON = 'La mesa se cerró: queda de solo lectura.';

export interface SocketClose {
  code: number;
  reason: string;
  /**
   * Only the sockets whose capability no longer opens the mesa with the role they came in with (a link the STL
   * replaced, a registrant moved to another table or given another role there); every socket of the mesa when absent.
   */
  revoked?: boolean | undefined;
}

/** Where a close is carried out: the resident rooms, the database to check capabilities in, the other instances. */
export interface SocketCloser {
  rooms: Pick<RoomRegistry, 'get'>;
  store: Pick<MesaStore, 'findRole'>;
  bus: Pick<Bus, 'publish'>;
}

/**
 * Closes the open sync sockets of a mesa, or only those whose capability was revoked, so that what the STL just
 * changed (the mesa closed, a link replaced, a person seated elsewhere) applies to them too: a socket's rights are
 * fixed at upgrade. Every instance closes its own: the others are told through the bus.
 */
export function closeSockets({ rooms, store, bus }: SocketCloser, mesaId: string, close: SocketClose): void {
  void closeLocalSockets({ rooms, store }, mesaId, close);
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

/**
 * Closes the sockets of a mesa that this instance holds; with `revoked`, those whose capability the database no
 * longer grants with their role (one look-up per capability, however many sockets share it). Never rejects: a
 * database that cannot answer leaves the sockets open, and says so in the log.
 */
export async function closeLocalSockets(
  { rooms, store }: Pick<SocketCloser, 'rooms' | 'store'>,
  mesaId: string,
  close: SocketClose,
): Promise<void> {
  const connections = [...(rooms.get(mesaId)?.peers ?? [])].filter((peer) => peer instanceof Connection);
  if (!close.revoked) {
    for (const connection of connections) connection.close(close.code, close.reason);
    return;
  }
  const granted = new Map<string, Promise<Role | null>>();
  try {
    for (const connection of connections) {
      const { capabilityHash, user } = connection.context;
      const key = capabilityHash.toString('hex');
      if (!granted.has(key)) granted.set(key, store.findRole(mesaId, capabilityHash));
      // `user.role` is the link's role; `role` may have been lowered to an observer's by a closed mesa.
      if ((await granted.get(key)) !== user.role) connection.close(close.code, close.reason);
    }
  } catch (error) {
    console.error(`room ${mesaId}: could not check which sockets to close`, error);
  }
}
