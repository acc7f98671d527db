import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Tool } from '@cocrea/shared';
import type { DocStore } from '../storage/Storage';
import { lockedToolTouched, type DecodedUpdate } from './areaLocks';
import { awarenessMessage, updateMessage } from './messages';

/** A connection as a room sees it. */
export interface Peer {
  send(message: Uint8Array): void;
  /** Called, in order, after `updates` more of the updates this peer sent are durably stored. */
  acknowledgeStored(updates: number): void;
  /** Called when the room cannot store or apply this peer's update; the peer reconnects and resends its state. */
  fail(error: unknown): void;
  /** Called, in order with `acknowledgeStored`, for an update refused because it touched a locked tool. */
  refuse(tool: Tool): void;
}

/**
 * Compact when the log tail reaches this many updates: loading replays the tail one update at a time, so a
 * bounded tail keeps a cold load fast, while compacting less often keeps the write path cheap.
 */
const COMPACT_AFTER_UPDATES = 2000;

/** An update received from a peer, in the room's inbox until it is applied or refused. */
interface Incoming {
  peer: Peer;
  update: Uint8Array;
  decoded: DecodedUpdate;
  /**
   * Its append to the log, started as it arrived; `null` for an update with nothing to store; `undefined` while it
   * waits in the queue to be checked against a locked tool.
   */
  append?: Promise<number> | null;
}

/**
 * One live document, loaded from storage, with the peers editing it. Incoming updates are appended to the log as
 * they arrive and wait in an inbox; one queue then applies them to the document, in order, once they are stored,
 * and the document relays them to the other peers. So what any peer sees was stored first, and the document
 * always equals the stored log up to `lastSeq`.
 */
export class Room {
  readonly peers = new Set<Peer>();
  readonly awareness: awarenessProtocol.Awareness;
  /** Awareness client id → the connection that speaks for it. */
  readonly owners = new Map<number, unknown>();
  private queue: Promise<void> = Promise.resolve();
  /** Received, not yet applied or refused; in arrival order, which is also the order of the log. */
  private readonly inbox: Incoming[] = [];
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
    // One frame, encoded once, for all the peers but the one the change came from (if it came from just one).
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

  /** Sets the tools whose updates this room refuses from now on; updates received before stay accepted. */
  setLockedTools(tools: ReadonlySet<Tool>): void {
    this.lockedTools = tools;
  }

  /** Sends `message` to every peer: the server's own announcements (the agenda). */
  broadcast(message: Uint8Array): void {
    for (const peer of this.peers) peer.send(message);
  }

  /**
   * Stores a decoded update from `peer`, then applies and relays it; or refuses it, unstored, if it touches a tool
   * locked when it arrived. The lock is checked in the queue, against the document as the updates ahead of this one
   * left it.
   */
  receiveUpdate(peer: Peer, update: Uint8Array, decoded: DecodedUpdate): void {
    const incoming: Incoming = { peer, update, decoded };
    // Appended at once, so that all of an event-loop turn's updates share one commit. Not while a tool is locked:
    // the check needs the document with every earlier update applied, so the update waits for the queue, and so
    // does every update after it, since the log keeps the order of arrival.
    const last = this.inbox.at(-1);
    if (this.lockedTools.size === 0 && (last === undefined || last.append !== undefined)) {
      incoming.append = this.startAppend(incoming);
    }
    this.inbox.push(incoming);
    if (this.inbox.length === 1) this.enqueue(() => this.drainInbox());
  }

  private startAppend({ decoded, update }: Incoming): Promise<number> | null {
    if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return null;
    const append = this.store.appendUpdate(this.name, update);
    // Awaited in the queue, perhaps a turn later; marked as handled now, so that a failed commit meanwhile is not
    // an unhandled rejection. The queue still sees the error.
    append.catch(() => {});
    return append;
  }

  /**
   * Applies the inbox in batches, each as one Yjs transaction (so the other peers get one relay frame for it)
   * followed by one acknowledgement per sender. Under load a batch is everything a turn brought, which keeps the
   * work per update from growing with the backlog.
   */
  private async drainInbox(): Promise<void> {
    while (this.inbox.length > 0) {
      const head = this.inbox[0]!;
      if (head.append === undefined) {
        this.inbox.shift();
        const refused = lockedToolTouched(this.doc, head.decoded, this.lockedTools);
        if (refused !== null) head.peer.refuse(refused);
        else await this.storeBatch([{ ...head, append: this.startAppend(head) }]);
        continue;
      }
      try {
        await head.append;
      } catch {
        // Its batch fails below, with it.
      }
      // The store commits a turn's appends together, so by now whatever arrived in the head's turn is stored too,
      // and it all makes one batch.
      const checked = this.inbox.findIndex((e) => e.append === undefined);
      await this.storeBatch(this.inbox.splice(0, checked === -1 ? this.inbox.length : checked));
    }
  }

  /** Waits for a batch's appends, then applies it and acknowledges it; compacts the log when it is long enough. */
  private async storeBatch(batch: readonly Incoming[]): Promise<void> {
    let seqs: (number | null)[];
    try {
      seqs = await Promise.all(batch.map((e) => e.append ?? null));
    } catch (error) {
      for (const peer of new Set(batch.map((e) => e.peer))) peer.fail(error);
      return;
    }
    // Appended in inbox order, so the last sequence number is the greatest.
    for (const seq of seqs) if (seq !== null) this.lastSeq = seq;
    const stored = batch.filter((e) => e.append !== null);
    this.tail += stored.length;
    this.apply(stored);
    const acknowledged = new Map<Peer, number>();
    for (const { peer } of batch) acknowledged.set(peer, (acknowledged.get(peer) ?? 0) + 1);
    for (const [peer, updates] of acknowledged) peer.acknowledgeStored(updates);
    if (this.tail >= COMPACT_AFTER_UPDATES) await this.compact();
  }

  /** Applies stored updates in one transaction, whose origin is their sender when they all have the same one. */
  private apply(updates: readonly Incoming[]): void {
    if (updates.length === 0) return;
    const sender = updates.every((e) => e.peer === updates[0]!.peer) ? updates[0]!.peer : null;
    this.doc.transact(() => {
      for (const { peer, update } of updates) {
        try {
          Y.applyUpdate(this.doc, update);
        } catch (error) {
          // Decoded before it was stored, so this is a bug or a forged update that decodes but does not apply.
          // It stays in the log (a load skips it); its sender's socket closes (so what follows acknowledges
          // nothing to it), and it reconnects and sends its state again.
          peer.fail(error);
        }
      }
    }, sender);
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
