import type { Role } from '@cocrea/shared';
import { Connection } from '../sync/Connection';
import type { RoomRegistry } from '../sync/RoomRegistry';

/**
 * Closes the open sync sockets of a mesa, or only those opened with a link of `linkRole`, so that what the STL
 * just changed (the mesa closed, a link replaced) applies to them too: a socket's rights are fixed at upgrade.
 */
export function closeSockets(
  rooms: Pick<RoomRegistry, 'get'>,
  mesaId: string,
  close: { code: number; reason: string; linkRole?: Role },
): void {
  for (const peer of rooms.get(mesaId)?.peers ?? []) {
    if (!(peer instanceof Connection)) continue;
    // `user.role` is the link's role; `role` may have been lowered to an observer's by a closed mesa.
    if (close.linkRole === undefined || peer.context.user.role === close.linkRole) peer.close(close.code, close.reason);
  }
}
