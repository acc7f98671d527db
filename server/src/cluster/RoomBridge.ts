import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { presenceWindowMs, type AgendaSnapshot, type MesaNotice, type VoteMessage } from '@cocrea/shared';
import type { SocketClose } from '../mesas/closeSockets';
import type { DocStore } from '../storage/Storage';
import { REMOTE_OWNER } from '../sync/awarenessFilter';
import type { Room } from '../sync/Room';
import type { RoomAttachment, RoomLink } from '../sync/RoomRegistry';
import type { Bus, BusMessage } from './Bus';

/**
 * How often each instance says how far its rooms are (a `head`). This bounds how long a replica can lag when a
 * message was lost and nothing else reveals it; a reconnect or a gap in sequence numbers is acted on at once.
 */
export const HEAD_INTERVAL_MS = 5_000;
/**
 * How long a room waits for an update it knows of but has not heard (stored elsewhere, still on its way) before
 * reading the log: a commit and its message take milliseconds; a lost message would wait forever.
 */
const LATE_UPDATE_WAIT_MS = 1_000;

/** What the bridge needs of the rest of the server. */
export interface BridgeHooks {
  /** A snapshot stored by another instance. */
  agenda(room: Room, snapshot: AgendaSnapshot): void;
  /** The revision of the agenda the room has. */
  agendaRevision(room: Room): number;
  /** The room may have missed agenda changes: read and publish the stored one. */
  refreshAgenda(room: Room): void;
  /** A notice another instance published about the mesa's versions. */
  notice(room: Room, notice: MesaNotice): void;
  /** The mesa's vote as another instance stored it. */
  vote(room: Room, message: VoteMessage): void;
  /** Another instance stored a ballot of `seat`. */
  ballot(room: Room, seat: string): void;
  /** The room may have missed vote changes: read and publish the stored one. */
  refreshVote(room: Room): void;
  /** The vote state the room has, as heads compare it (`id:revision`), or null. */
  voteKey(room: Room): string | null;
  /** Another instance asks to close this mesa's sockets. */
  close(mesaId: string, close: SocketClose): void;
  /** The bus was away: a close published meanwhile may be lost; what the database says is applied again. */
  recheckClosed(room: Room): void;
}

interface Linked {
  room: Room;
  /** A sequence number this room should reach: heard of (a head, a later update) but not yet received. */
  target: number;
  lateTimer: NodeJS.Timeout | undefined;
  /** A catch-up is reading the log; `again` asks for one more after it (something was heard meanwhile). */
  catchingUp: boolean;
  again: boolean;
  closed: boolean;
}

/**
 * Links each resident room to the same mesa's rooms on the other instances, through the bus: what a room stores
 * (after the commit, with its sequence number), its sockets' presence, and what the agenda and the STL publish
 * reach every instance's sockets of the mesa. The database stays the truth: a room that may have missed something
 * (a gap in sequence numbers, a head beyond its own, the bus reconnecting) reads the log and sends its sockets
 * whatever it lacked, so every replica converges whether or not Redis delivered.
 */
export class RoomBridge implements RoomLink {
  private readonly linked = new Map<string, Linked>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly bus: Bus,
    private readonly store: DocStore,
    private readonly hooks: BridgeHooks,
  ) {
    bus.onReconnect(() => {
      for (const link of this.linked.values()) {
        this.catchUp(link);
        hooks.refreshAgenda(link.room);
        hooks.refreshVote(link.room);
        hooks.recheckClosed(link.room);
        this.sayHead(link);
        bus.publish(link.room.name, { kind: 'who' });
      }
    });
    this.heartbeat = setInterval(() => {
      for (const link of this.linked.values()) this.sayHead(link);
    }, HEAD_INTERVAL_MS).unref();
  }

  async open(name: string): Promise<RoomAttachment> {
    let link: Linked | null = null;
    // Heard between the subscription and the end of the load: applied once the room is there.
    const early: BusMessage[] = [];
    const unsubscribe = await this.bus.subscribe(name, (message) => {
      if (link === null) early.push(message);
      else if (!link.closed) this.receive(link, message);
    });
    let stopAwareness = () => {};
    return {
      attach: (room) => {
        const current: Linked = {
          room,
          target: 0,
          lateTimer: undefined,
          catchingUp: false,
          again: false,
          closed: false,
        };
        link = current;
        this.linked.set(name, current);
        room.onStored = (update, seq) => {
          this.bus.publish(name, { kind: 'update', seq, update });
          this.watch(current);
        };
        stopAwareness = this.relayAwareness(room);
        for (const message of early.splice(0)) this.receive(current, message);
        this.bus.publish(name, { kind: 'who' });
      },
      close: () => {
        unsubscribe();
        stopAwareness();
        if (link === null) return;
        link.closed = true;
        clearTimeout(link.lateTimer);
        if (this.linked.get(name) === link) this.linked.delete(name);
      },
    };
  }

  /**
   * Publishes the presence changes of this instance's sockets, gathered over the room's presence window (as the
   * room sends them to its own sockets, `Room.sendPresence`): a plenary's moving cursors are one message per window,
   * not one per frame of each. Forgets the ids of other instances that left. What is pending when the room unloads
   * (its last sockets leaving) goes at once, so other instances do not keep their presence until it times out.
   */
  private relayAwareness(room: Room): () => void {
    const changed = new Set<number>();
    let sentAt = -Infinity;
    let timer: NodeJS.Timeout | undefined;
    const send = () => {
      clearTimeout(timer);
      timer = undefined;
      if (changed.size === 0) return;
      sentAt = performance.now();
      const update = awarenessProtocol.encodeAwarenessUpdate(room.awareness, [...changed]);
      changed.clear();
      this.bus.publish(room.name, { kind: 'awareness', update });
    };
    const onUpdate = (
      { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
      origin: unknown,
    ) => {
      for (const id of removed) if (room.owners.get(id) === REMOTE_OWNER) room.owners.delete(id);
      if (origin === REMOTE_OWNER) return;
      for (const ids of [added, updated, removed]) for (const id of ids) changed.add(id);
      if (timer !== undefined) return;
      const wait = sentAt + presenceWindowMs(room.peers.size) - performance.now();
      if (wait <= 0) send();
      else timer = setTimeout(send, wait).unref();
    };
    room.awareness.on('update', onUpdate);
    return () => {
      room.awareness.off('update', onUpdate);
      send();
    };
  }

  private receive(link: Linked, message: BusMessage): void {
    const { room } = link;
    switch (message.kind) {
      case 'update':
        room.receiveStored(message.update, message.seq);
        return this.watch(link);
      case 'head':
        if (message.agendaRevision > this.hooks.agendaRevision(room)) this.hooks.refreshAgenda(room);
        // Either side may be behind: the stored state is read and published only if newer than the room's.
        if (message.vote !== undefined && message.vote !== this.hooks.voteKey(room)) this.hooks.refreshVote(room);
        link.target = Math.max(link.target, message.seq);
        return this.watch(link);
      case 'awareness':
        return this.receiveAwareness(room, message.update);
      case 'who': {
        const own = [...room.owners].flatMap(([id, owner]) => (owner === REMOTE_OWNER ? [] : [id]));
        const states = own.filter((id) => room.awareness.getStates().has(id));
        if (states.length === 0) return;
        const update = awarenessProtocol.encodeAwarenessUpdate(room.awareness, states);
        return this.bus.publish(room.name, { kind: 'awareness', update });
      }
      case 'agenda':
        return this.hooks.agenda(room, message.snapshot);
      case 'notice':
        return this.hooks.notice(room, message.notice);
      case 'vote':
        return this.hooks.vote(room, message.message);
      case 'ballot':
        return this.hooks.ballot(room, message.seat);
      case 'close':
        return this.hooks.close(room.name, message);
    }
  }

  /** Marks the client ids as another instance's (unless a socket here speaks for them) and applies the states. */
  private receiveAwareness(room: Room, update: Uint8Array): void {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i++) {
      const id = decoding.readVarUint(decoder);
      decoding.readVarUint(decoder);
      decoding.readVarString(decoder);
      if (!room.owners.has(id)) room.owners.set(id, REMOTE_OWNER);
    }
    awarenessProtocol.applyAwarenessUpdate(room.awareness, update, REMOTE_OWNER);
  }

  private sayHead(link: Linked): void {
    const { room } = link;
    this.bus.publish(room.name, {
      kind: 'head',
      seq: room.storedSeq,
      agendaRevision: this.hooks.agendaRevision(room),
      vote: this.hooks.voteKey(room),
    });
  }

  /** If the room lacks an update it knows of, gives it a moment to arrive, then reads the log. */
  private watch(link: Linked): void {
    if (link.lateTimer !== undefined || !this.lacks(link)) return;
    link.lateTimer = setTimeout(() => {
      link.lateTimer = undefined;
      if (this.lacks(link)) this.catchUp(link);
    }, LATE_UPDATE_WAIT_MS).unref();
  }

  private lacks(link: Linked): boolean {
    return link.room.hasGap || link.room.storedSeq < link.target;
  }

  /** Reads the room's log and applies what the room lacks; one read at a time per room. */
  private catchUp(link: Linked): void {
    if (link.catchingUp) {
      link.again = true;
      return;
    }
    link.catchingUp = true;
    this.store
      .loadDoc(link.room.name)
      .then(
        (stored) => {
          if (!link.closed) link.room.catchUp(stored);
        },
        (error: unknown) => console.error(`room ${link.room.name}: could not catch up from storage`, error),
      )
      .finally(() => {
        link.catchingUp = false;
        if (link.closed) return;
        if (link.again) {
          link.again = false;
          this.catchUp(link);
        } else {
          this.watch(link);
        }
      });
  }

  close(): void {
    clearInterval(this.heartbeat);
  }
}
