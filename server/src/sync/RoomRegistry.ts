import type { DocStore } from '../storage/Storage';
import { Room, type Peer } from './Room';

/**
 * The resident rooms. A room is loaded on its first peer and unloaded, after everything is stored, when its
 * last peer leaves. A peer that arrives while its room is unloading waits and gets a freshly loaded room.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  private readonly loading = new Map<string, Promise<Room>>();
  private readonly unloading = new Map<string, Promise<void>>();

  /**
   * @param prepare runs on each freshly loaded room before any peer joins it: the agenda sets the room's tool
   *   locks here, so no update is ever checked against a room that does not know them yet.
   */
  constructor(
    private readonly store: DocStore,
    private readonly prepare: (room: Room) => Promise<void> = async () => {},
  ) {}

  /** How many rooms are in memory now. */
  get residentCount(): number {
    return this.rooms.size;
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
    const room = await Room.load(name, this.store);
    try {
      await this.prepare(room);
    } catch (error) {
      room.destroy();
      throw error;
    }
    // Registered in the same tick that `prepare` finished in: whatever the agenda changes after preparing the
    // room (its next queued task awaits storage first) finds the room here and reaches it.
    this.rooms.set(name, room);
    return room;
  }

  /** Removes `peer`; the last one out unloads the room. */
  leave(room: Room, peer: Peer): void {
    room.peers.delete(peer);
    if (room.peers.size > 0 || this.rooms.get(room.name) !== room) return;
    this.rooms.delete(room.name);
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
    await Promise.all([...this.unloading.values(), ...rooms.map((r) => r.flush().then(() => r.destroy()))]);
  }
}
