import type { DocStore } from '../storage/Storage';
import { Room, type Peer } from './Room';

/**
 * What links a room to the same mesa's rooms on other instances (`cluster/RoomBridge`). `open` is called before
 * the room is read from storage, so that nothing stored elsewhere after the read goes unheard.
 */
export interface RoomLink {
  open(name: string): Promise<RoomAttachment>;
}

export interface RoomAttachment {
  /** The room is loaded, prepared and resident: what was heard meanwhile applies to it now. */
  attach(room: Room): void;
  /** The room is unloading, or failed to load. */
  close(): void;
}

/** A server alone, with no other instance to hear from. */
const ALONE: RoomLink = { open: async () => ({ attach() {}, close() {} }) };

/**
 * The resident rooms. A room is loaded on its first peer and unloaded, after everything is stored, when its
 * last peer leaves. A peer that arrives while its room is unloading waits and gets a freshly loaded room.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  private readonly loading = new Map<string, Promise<Room>>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly attachments = new WeakMap<Room, RoomAttachment>();

  /**
   * @param prepare runs on each freshly loaded room before any peer joins it: the agenda sets the room's tool
   *   locks here, so no update is ever checked against a room that does not know them yet.
   * @param activity is told the mesa of each room that stored an update, saw someone arrive or leave, loaded or
   *   unloaded (`Room.onActivity`): the plenary view listens.
   */
  constructor(
    private readonly store: DocStore,
    private readonly prepare: (room: Room) => Promise<void> = async () => {},
    private readonly link: RoomLink = ALONE,
    private readonly activity: (mesaId: string) => void = () => {},
  ) {}

  /** How many rooms are in memory now. */
  get residentCount(): number {
    return this.rooms.size;
  }

  /** The rooms in memory now. */
  resident(): IterableIterator<Room> {
    return this.rooms.values();
  }

  /** The room `name` if it is in memory now and not unloading. */
  get(name: string): Room | undefined {
    return this.rooms.get(name);
  }

  /** Joins `peer` to the room `name`, loading it first if needed. */
  async join(name: string, peer: Peer): Promise<Room> {
    for (;;) {
      const unloading = this.unloading.get(name);
      if (unloading) {
        await unloading;
        continue;
      }
      const room = this.rooms.get(name);
      if (room) {
        room.peers.add(peer);
        return room;
      }
      let loading = this.loading.get(name);
      if (!loading) {
        loading = this.load(name).finally(() => this.loading.delete(name));
        this.loading.set(name, loading);
        await loading;
      } else {
        await loading;
      }
    }
  }

  private async load(name: string): Promise<Room> {
    const attachment = await this.link.open(name);
    let room: Room | undefined;
    try {
      room = await Room.load(name, this.store);
      await this.prepare(room);
    } catch (error) {
      attachment.close();
      room?.destroy();
      throw error;
    }
    // Registered in the same tick that `prepare` finished in: whatever the agenda changes after preparing the
    // room (its next queued task awaits storage first) finds the room here and reaches it.
    this.rooms.set(name, room);
    this.attachments.set(room, attachment);
    attachment.attach(room);
    room.onActivity = () => this.activity(name);
    this.activity(name);
    return room;
  }

  /** Removes `peer`; the last one out unloads the room. */
  leave(room: Room, peer: Peer): void {
    room.peers.delete(peer);
    if (room.peers.size > 0 || this.rooms.get(room.name) !== room) return;
    this.rooms.delete(room.name);
    this.attachments.get(room)?.close();
    room.onActivity = () => {};
    this.activity(room.name);
    const done = room
      .flush()
      .then(() => room.destroy())
      .finally(() => this.unloading.delete(room.name));
    this.unloading.set(room.name, done);
  }

  /** Stores every room and empties the registry: used on shutdown, after every socket is closed. */
  async closeAll(): Promise<void> {
    const rooms = [...this.rooms.values()];
    this.rooms.clear();
    for (const room of rooms) this.attachments.get(room)?.close();
    await Promise.all([...this.unloading.values(), ...rooms.map((r) => r.flush().then(() => r.destroy()))]);
  }
}
