import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Tool } from '@cocrea/shared';
import type { DocStore } from '../storage/Storage';
import { lockedToolTouched, type DecodedUpdate } from './areaLocks';
import { awarenessMessage, updateMessage } from './messages';

/** A connection as a room sees it. */
export interface Peer {
  send(message: Uint8Array): void;
  /** Called, in order, once per update this peer sent, after that update is durably stored. */
  acknowledgeStored(): void;
  /** Called when the room cannot store this peer's update; the peer reconnects and resends its state. */
  fail(error: unknown): void;
  /** Called, in order with `acknowledgeStored`, for an update refused because it touched a locked tool. */
  refuse(tool: Tool): void;
}

/**
 * Compact when the log tail reaches this many updates: loading replays the tail one update at a time, so a
 * bounded tail keeps a cold load fast, while compacting less often keeps the write path cheap.
 */
const COMPACT_AFTER_UPDATES = 2000;

/**
 * One live document, loaded from storage, with the peers editing it. Every incoming update goes through one
 * queue: appended to the log, then applied to the document, which relays it to the other peers. So what any
 * peer sees was stored first, and the document always equals the stored log up to `lastSeq`.
 */
export class Room {
  readonly peers = new Set<Peer>();
  readonly awareness: awarenessProtocol.Awareness;
  /** Awareness client id → the connection that speaks for it. */
  readonly owners = new Map<number, unknown>();
  private queue: Promise<void> = Promise.resolve();
  private tail: number;
  /** Tools whose updates are refused, as the mesa's agenda says now (see `server/src/agenda/`). */
  private lockedTools: ReadonlySet<Tool> = new Set();

  private constructor(
    readonly name: string,
    readonly doc: Y.Doc,
    private readonly store: DocStore,
    private lastSeq: number,
    tail: number,
  ) {
    this.tail = tail;
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      const message = updateMessage(update);
      for (const peer of this.peers) if (peer !== origin) peer.send(message);
    });
    this.awareness.on(
      'update',
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
        // Echoed to the sender too: a y-websocket client drops a connection that has been silent for 30 s,
        // and its own awareness renewal (every 15 s) coming back is what keeps a lone client connected.
        const message = awarenessMessage(this.awareness, [...added, ...updated, ...removed]);
        for (const peer of this.peers) peer.send(message);
      },
    );
  }

  /** Loads a room from its snapshot and log tail, before any peer is answered. */
  static async load(name: string, store: DocStore): Promise<Room> {
    const stored = await store.loadDoc(name);
    const doc = new Y.Doc();
    doc.transact(() => {
      for (const update of [stored.snapshot, ...stored.updates]) {
        if (update === null) continue;
        try {
          Y.applyUpdate(doc, update);
        } catch (error) {
          // Updates are decoded before they are stored, so this means a bug or a damaged file. Serving the rest
          // of the document beats refusing the whole room; the bad update stays in the log for inspection.
          console.error(`room ${name}: skipping an update that does not apply`, error);
        }
      }
    });
    return new Room(name, doc, store, stored.lastSeq, stored.updates.length);
  }

  /** Sets the tools whose updates this room refuses from now on; updates already stored stay. */
  setLockedTools(tools: ReadonlySet<Tool>): void {
    this.lockedTools = tools;
  }

  /** Sends `message` to every peer: the server's own announcements (the agenda). */
  broadcast(message: Uint8Array): void {
    for (const peer of this.peers) peer.send(message);
  }

  /**
   * Stores a decoded update from `peer`, then applies and relays it; or refuses it, unstored, if it touches a
   * locked tool. The lock is checked in the queue, against the document as the updates ahead of this one left it.
   */
  receiveUpdate(peer: Peer, update: Uint8Array, decoded: DecodedUpdate): void {
    const isEmpty = decoded.structs.length === 0 && decoded.ds.clients.size === 0;
    this.enqueue(async () => {
      const refused = isEmpty ? null : lockedToolTouched(this.doc, decoded, this.lockedTools);
      if (refused !== null) {
        peer.refuse(refused);
        return;
      }
      try {
        if (!isEmpty) {
          this.lastSeq = await this.store.appendUpdate(this.name, update);
          this.tail++;
        }
      } catch (error) {
        peer.fail(error);
        return;
      }
      Y.applyUpdate(this.doc, update, peer);
      peer.acknowledgeStored();
      if (this.tail >= COMPACT_AFTER_UPDATES) await this.compact();
    });
  }

  /** Resolves once every update received so far is stored and the log is folded into one snapshot. */
  flush(): Promise<void> {
    return this.enqueue(async () => {
      if (this.tail > 0) await this.compact();
    });
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }

  private async compact(): Promise<void> {
    // Replaying into the live Y.Doc and encoding its state is linear; Y.mergeUpdates on the raw log is not.
    await this.store.compact(this.name, Y.encodeStateAsUpdate(this.doc), this.lastSeq);
    this.tail = 0;
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const next = this.queue.then(task).catch((error: unknown) => {
      console.error(`room ${this.name}: storage task failed`, error);
    });
    this.queue = next;
    return next;
  }
}
