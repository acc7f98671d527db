import { wellFormedJson, type MesaNotice } from '@cocrea/shared';
import type { Bus } from '../cluster/Bus';
import { noticeMessage } from '../sync/messages';
import type { Room } from '../sync/Room';

/** What the notices need of the rooms: the resident room of a mesa, to tell its sockets. */
export interface NoticeRooms {
  get(mesaId: string): Pick<Room, 'broadcast'> | undefined;
}

export type NoticeListener = (notice: MesaNotice) => void;

/**
 * The one path by which the mesa's pages learn what happened to its versions: the routes that save a version, move
 * its review or write and answer observations publish a notice here once it is stored, and it goes, as message
 * 103, to every socket of the mesa's room on this instance and, through the bus, on every other; and to the STL's
 * review pages listening here (`listen`). A notice lost on the way (an instance restarting) costs a panel that is
 * out of date until the page reads the API again; nothing stored is lost.
 */
export class MesaNotices {
  /** The STL's review pages open on this instance, by mesa. */
  private readonly listeners = new Map<string, Set<NoticeListener>>();
  /** Called with every notice published on this instance, of any mesa (the plenary view listens). */
  onPublished: (mesaId: string, notice: MesaNotice) => void = () => {};

  constructor(
    private readonly rooms: NoticeRooms,
    private readonly bus: Pick<Bus, 'publish' | 'subscribe'>,
  ) {}

  /** Tells every open page of the mesa, on every instance. Call it once what the notice says is stored. */
  publish(mesaId: string, notice: MesaNotice): void {
    this.tellRoom(this.rooms.get(mesaId), notice);
    for (const listener of this.listeners.get(mesaId) ?? []) listener(notice);
    this.bus.publish(mesaId, { kind: 'notice', notice });
    this.onPublished(mesaId, notice);
  }

  /** A notice another instance published: its own sockets and listeners were told there. */
  tellRoom(room: Pick<Room, 'broadcast'> | undefined, notice: MesaNotice): void {
    room?.broadcast(noticeMessage(wellFormedJson(notice)));
  }

  /**
   * Calls `listener` with every notice of the mesa published from now on, on this instance or another, until the
   * returned function is called. Resolves once the bus listens too (see `Bus.subscribe`).
   */
  async listen(mesaId: string, listener: NoticeListener): Promise<() => void> {
    let set = this.listeners.get(mesaId);
    if (!set) this.listeners.set(mesaId, (set = new Set()));
    const local = set;
    local.add(listener);
    const stopBus = await this.bus.subscribe(mesaId, (message) => {
      if (message.kind === 'notice') listener(message.notice);
    });
    return () => {
      stopBus();
      local.delete(listener);
      if (local.size === 0 && this.listeners.get(mesaId) === local) this.listeners.delete(mesaId);
    };
  }
}
