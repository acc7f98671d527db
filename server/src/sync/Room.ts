import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { migrateDoc, presenceWindowMs, type Tool } from '@cocrea/shared';
import type { DocStore, StoredDoc } from '../storage/Storage';
import {
  checkAgainst,
  placeUpdate,
  refusedArea,
  refusedByRoots,
  touchesComments,
  type Placement,
  type RefusedArea,
  type Sender,
} from './areaLocks';
import { changesNothing, type DecodedUpdate } from './decodedUpdate';
import { awarenessMessage, updateMessage } from './messages';
import { UnappliedStructs } from './UnappliedStructs';

/** A connection as a room sees it: who sends (see {@link Sender}), and where its answers go. */
export interface Peer extends Sender {
  send(message: Uint8Array): void;
  /** Called, in order, each time one more of the updates this peer sent is durably stored. */
  acknowledgeStored(): void;
  /** Called when the room cannot store or apply this peer's update; the peer reconnects and resends its state. */
  fail(error: unknown): void;
  /**
   * Called, in order with `acknowledgeStored`, for an update refused because it touched a locked tool, or what only
   * the facilitator may change.
   */
  refuse(area: RefusedArea): void;
}

/**
 * Compact when the log tail reaches this many updates: loading replays the tail one update at a time, so a
 * bounded tail keeps a cold load fast, while compacting less often keeps the write path cheap.
 */
const COMPACT_AFTER_UPDATES = 2000;
/**
 * Stored updates are applied to the document together, in one Yjs transaction, which costs half of applying each in
 * its own (measured on small edits): when this many wait, this long after the first, or when the document is read.
 */
const APPLY_AFTER_UPDATES = 64;
const APPLY_AFTER_MS = 200;
/**
 * The most updates stored in one append. Each peer's unstored bytes are already bounded (`sync/Connection.ts`); this
 * keeps one statement, and the wait of the first update in it, short.
 */
const MAX_BATCH_UPDATES = 256;

/** An update received from a peer. */
export interface Incoming {
  peer: Peer;
  update: Uint8Array;
  decoded: DecodedUpdate;
  /** The sync frame that relays it to the other peers: as the sender framed it, when it sent an update message. */
  frame: Uint8Array;
}

/**
 * One live document, loaded from storage, with the peers editing it. Each incoming update is checked against the
 * locked tools, appended to the log and only then relayed, so what any peer sees was stored first; the document, as
 * `doc` returns it, always equals the stored log up to `lastSeq`.
 *
 * A store that commits in-process (SQLite) returns from its append with the update durable, and the update goes
 * through in the turn it arrived: no queue, no promise, nothing between the socket and the relay but the commit.
 * One across a network answers later; its updates, and every update after them, wait in the room's queue, in order.
 */
export class Room {
  readonly peers = new Set<Peer>();
  readonly awareness: awarenessProtocol.Awareness;
  /** Awareness client id → the connection that speaks for it. */
  readonly owners = new Map<number, unknown>();
  private queue: Promise<void> = Promise.resolve();
  /** Updates in the queue, waiting for their store or for one ahead of them. */
  private waiting = 0;
  /** The batch at the queue's end that updates arriving now join (see `receiveUpdate`); null once it has started. */
  private gathering: Incoming[] | null = null;
  private compactionQueued = false;
  private tail: number;
  /** Tools whose updates are refused, as the mesa's agenda says now (see `server/src/agenda/`). */
  private lockedTools: ReadonlySet<Tool> = new Set();
  /**
   * Sequence numbers above `lastSeq` this room has: with several instances appending to one mesa's log, an update
   * stored here can overtake one stored elsewhere just before it. `lastSeq` only moves over numbers the room has
   * all of below, so a compaction never folds away an update this room has not seen.
   */
  private readonly ahead = new Set<number>();
  /** Called with each update this room stored, once stored (other instances hear of it: `cluster/RoomBridge`). */
  onStored: (update: Uint8Array, seq: number) => void = () => {};
  /**
   * Called after each update stored (here or on another instance) and each time someone arrives or leaves: the
   * plenary view's cue to look at the room again (`plans/PlenaryService`). Cheap, synchronous, never throws.
   */
  onActivity: () => void = () => {};
  /** When this room last took a stored update, epoch ms; null if none since it loaded. */
  lastStoredAt: number | null = null;

  /**
   * Stored and relayed, waiting to be applied to `live` (see {@link APPLY_AFTER_UPDATES}); without their decoded
   * form, which would otherwise outlive V8's young generation and be promoted for nothing.
   */
  private unapplied: { peer: Peer | null; update: Uint8Array }[] = [];
  /** Where the checks placed the structs of `unapplied`: what the next check reads instead of applying them. */
  private readonly unappliedStructs: UnappliedStructs;
  private applyTimer: NodeJS.Timeout | undefined;

  /** Client ids whose presence changed since it was last sent, and when it was (see {@link presenceWindowMs}). */
  private readonly presenceChanged = new Set<number>();
  private presenceSentAt = -Infinity;
  private presenceTimer: NodeJS.Timeout | undefined;

  private constructor(
    readonly name: string,
    /** The document as far as it has been applied; everything else reads `doc`. */
    private readonly live: Y.Doc,
    private readonly store: DocStore,
    private lastSeq: number,
    tail: number,
  ) {
    this.tail = tail;
    this.unappliedStructs = new UnappliedStructs(live);
    this.awareness = new awarenessProtocol.Awareness(live);
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on(
      'update',
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
        for (const ids of [added, updated, removed]) for (const id of ids) this.presenceChanged.add(id);
        this.schedulePresence();
        // Cursors moving change nobody's presence; arrivals and departures do.
        if (added.length > 0 || removed.length > 0) this.onActivity();
      },
    );
  }

  private schedulePresence(): void {
    if (this.presenceTimer !== undefined) return;
    const wait = this.presenceSentAt + presenceWindowMs(this.peers.size) - performance.now();
    if (wait <= 0) return this.sendPresence();
    this.presenceTimer = setTimeout(() => {
      this.presenceTimer = undefined;
      this.sendPresence();
    }, wait).unref();
  }

  /** Sends the current state of every client id whose presence changed since the last time, in one message. */
  private sendPresence(): void {
    this.presenceSentAt = performance.now();
    const message = awarenessMessage(this.awareness, [...this.presenceChanged]);
    this.presenceChanged.clear();
    // Echoed to the sender too: a y-websocket client drops a connection that has been silent for 30 s, and its
    // own awareness renewal (every 15 s) coming back is what keeps a lone client connected.
    for (const peer of this.peers) peer.send(message);
  }

  /**
   * Loads a room from its snapshot and log tail, before any peer is answered, and brings its document up to the
   * current schema version (`shared/src/doc/migrations.ts`). The server is the one replica that migrates: the
   * migration is stored in the log like any update, and every browser gets it in its first sync.
   */
  static async load(name: string, store: DocStore): Promise<Room> {
    const stored = await store.loadDoc(name);
    const doc = new Y.Doc();
    applyStored(name, doc, stored);
    const migration = migrateDoc(doc);
    if (migration === null) return new Room(name, doc, store, stored.lastSeq, stored.updates.length);
    try {
      const seq = await store.appendUpdate(name, migration);
      const room = new Room(name, doc, store, stored.lastSeq, stored.updates.length + 1);
      // Another instance may have appended between the load and this append: the room has this number, not
      // necessarily every one before it (it catches up as with any update stored elsewhere).
      room.noteSeq(seq);
      return room;
    } catch (error) {
      doc.destroy();
      throw error;
    }
  }

  /** Sets the tools whose updates this room refuses from now on; updates received before stay accepted. */
  setLockedTools(tools: ReadonlySet<Tool>): void {
    this.lockedTools = tools;
  }

  /** Whether the agenda keeps `tool` locked now: its updates are refused, and so are ballots on its items. */
  isLocked(tool: Tool): boolean {
    return this.lockedTools.has(tool);
  }

  /** Sends `message` to every peer: the server's own announcements (the agenda). */
  broadcast(message: Uint8Array): void {
    for (const peer of this.peers) peer.send(message);
  }

  /**
   * Takes a decoded update from a peer: at once, or behind the updates still waiting in the queue. Updates that
   * arrive while the queue is busy gather in one batch, stored in one append when their turn comes (group commit):
   * a store across a network then commits a room's burst of edits in one round trip, instead of capping the room
   * at one edit per round trip.
   */
  receiveUpdate(incoming: Incoming): void {
    if (this.waiting === 0) {
      const accepted = this.accept(incoming);
      if (accepted !== undefined) this.wait(() => accepted);
      return;
    }
    if (this.gathering !== null && this.gathering.length < MAX_BATCH_UPDATES) {
      this.gathering.push(incoming);
      return;
    }
    const batch = [incoming];
    this.gathering = batch;
    this.wait(() => {
      if (this.gathering === batch) this.gathering = null;
      return this.acceptBatch(batch);
    });
  }

  /**
   * Each update of the batch is checked against the stored document alone. One that passes so is stored with the
   * others that did, in one append, then relayed and acknowledged in arrival order. One that does not (it builds on
   * one before it in the batch, as a typed letter on the letter before it; or it is to be refused) waits, with every
   * later one of its sender, for the one-by-one path, whose check sees the document with everything before it. A
   * pass against less of the document is still a pass: an update that built on one ahead of it could not be placed.
   */
  private async acceptBatch(batch: Incoming[]): Promise<void> {
    const together: Incoming[] = [];
    const alone: Incoming[] = [];
    const held = new Set<Peer>();
    const doc = this.doc;
    for (const incoming of batch) {
      const { peer, decoded } = incoming;
      if (held.has(peer) || refusedArea(doc, decoded, this.lockedTools, peer) !== null) {
        held.add(peer);
        alone.push(incoming);
      } else together.push(incoming);
    }
    if (together.length > 0) await this.storeTogether(together);
    for (const incoming of alone) await this.accept(incoming);
  }

  /** Stores checked updates in one append, then relays and acknowledges each, in arrival order. */
  private async storeTogether(batch: Incoming[]): Promise<void> {
    const changing = batch.filter((incoming) => !changesNothing(incoming.decoded));
    let seqs: number[] = [];
    try {
      if (changing.length > 0) {
        seqs = await this.store.appendUpdates(
          this.name,
          changing.map((incoming) => incoming.update),
        );
      }
    } catch (error) {
      for (const peer of new Set(batch.map((incoming) => incoming.peer))) peer.fail(error);
      return;
    }
    let next = 0;
    for (const incoming of batch) {
      // Acknowledged in order with the sender's other updates: the count a client reads is cumulative.
      if (changesNothing(incoming.decoded)) incoming.peer.acknowledgeStored();
      // Checked against the document without the batch's others: their structs are not placed for the next check.
      else this.commit(incoming, seqs[next++]!, null);
    }
  }

  /**
   * Refuses the update, unstored, if it touches a locked tool, a comment's hidden mark (from anyone but the
   * facilitator) or a comment otherwise than comments change (see `check`); otherwise stores, relays and
   * acknowledges it. A promise while its store answers.
   */
  private accept(incoming: Incoming): void | Promise<void> {
    const { peer, update, decoded } = incoming;
    const { refused, placement } = this.check(incoming);
    if (refused !== null) return peer.refuse(refused);
    // Nothing to store (an observer's sync step 2 with nothing new): acknowledged like any other, so the save
    // indicator of whoever sent it can say that nothing of theirs is unsaved.
    if (changesNothing(decoded)) return peer.acknowledgeStored();
    let appended: number | Promise<number>;
    try {
      appended = this.store.appendUpdate(this.name, update);
    } catch (error) {
      return peer.fail(error);
    }
    if (typeof appended === 'number') return this.commit(incoming, appended, placement);
    return appended.then(
      (seq) => this.commit(incoming, seq, placement),
      (error: unknown) => peer.fail(error),
    );
  }

  /**
   * Checks an update against the document as every update before it left it. The stored updates not applied yet are
   * read where their own checks placed them (`UnappliedStructs`), which can only find more than the applied
   * document would: so an update that passes there passes, and a refusal, an update that touches the comments (whose
   * rules read the document itself) or one that follows an update not placed is decided against the document with
   * everything applied.
   */
  private check({ peer, decoded }: Incoming): { refused: RefusedArea | null; placement: Placement } {
    if (this.unappliedStructs.usable) {
      const placement = placeUpdate(this.unappliedStructs, decoded);
      const { roots } = placement;
      if (!touchesComments(roots) && refusedByRoots(roots, this.lockedTools, peer) === null) {
        return { refused: null, placement };
      }
    }
    // Reading the document applies what waits.
    return checkAgainst(this.doc, decoded, this.lockedTools, peer);
  }

  /** Puts a task in the queue as an update that everything received after it waits behind. */
  private wait(task: () => void | Promise<void>): void {
    this.waiting++;
    void this.enqueue(async () => {
      try {
        await task();
      } finally {
        this.waiting--;
      }
    });
  }

  /** A stored update: relayed to the other peers, acknowledged to its sender, applied to the document soon. */
  private commit(incoming: Incoming, seq: number, placement: Placement | null): void {
    this.take(incoming.peer, incoming.update, seq, placement);
    for (const other of this.peers) if (other !== incoming.peer) other.send(incoming.frame);
    incoming.peer.acknowledgeStored();
    this.onStored(incoming.update, seq);
    this.onActivity();
  }

  /** Counts a stored update in, to be applied to the document soon; compacts when the log tail is long. */
  private take(peer: Peer | null, update: Uint8Array, seq: number, placement: Placement | null): void {
    this.noteSeq(seq);
    this.tail++;
    this.lastStoredAt = Date.now();
    this.unapplied.push({ peer, update });
    this.unappliedStructs.add(placement);
    if (this.unapplied.length >= APPLY_AFTER_UPDATES) this.applyWaiting();
    else this.applyTimer ??= setTimeout(() => this.applyWaiting(), APPLY_AFTER_MS).unref();
    if (this.tail >= COMPACT_AFTER_UPDATES && !this.compactionQueued) {
      this.compactionQueued = true;
      void this.enqueue(() => this.compact());
    }
  }

  private noteSeq(seq: number): void {
    if (seq <= this.lastSeq) return;
    this.ahead.add(seq);
    while (this.ahead.delete(this.lastSeq + 1)) this.lastSeq++;
  }

  /** Updates received from peers that wait for their store (always 0 with SQLite, which stores in the turn). */
  get pendingUpdates(): number {
    return this.waiting;
  }

  /** Every update of the log up to this sequence number is in this room. */
  get storedSeq(): number {
    return this.lastSeq;
  }

  /** Whether the room has updates beyond a number it has not seen: one stored elsewhere is late, or lost. */
  get hasGap(): boolean {
    return this.ahead.size > 0;
  }

  /**
   * An update another instance stored under `seq`: relayed to every peer and applied, like one of this room's own.
   * One that arrives twice (read from the log, then heard of) is harmless: Yjs updates are idempotent.
   */
  receiveStored(update: Uint8Array, seq: number): void {
    if (this.ahead.has(seq)) return;
    const frame = updateMessage(update);
    for (const peer of this.peers) peer.send(frame);
    this.take(null, update, seq, null);
    this.onActivity();
  }

  /**
   * Brings the room up to `stored`, the log as just read from storage: what it has that the room lacks (updates
   * stored elsewhere that this instance never heard of) is applied, and sent to every peer as one update.
   */
  catchUp(stored: StoredDoc): void {
    const copy = new Y.Doc();
    applyStored(this.name, copy, stored);
    const missing = Y.encodeStateAsUpdate(copy, Y.encodeStateVector(this.doc));
    copy.destroy();
    // What actually changed the room, which the diff above over-states (it carries every deletion).
    const changes: Uint8Array[] = [];
    const collect = (update: Uint8Array) => changes.push(update);
    this.live.on('update', collect);
    try {
      Y.applyUpdate(this.live, missing);
    } finally {
      this.live.off('update', collect);
    }
    if (changes.length > 0) {
      const frame = updateMessage(changes.length === 1 ? changes[0]! : Y.mergeUpdates(changes));
      for (const peer of this.peers) peer.send(frame);
    }
    if (stored.lastSeq > this.lastSeq) {
      this.lastSeq = stored.lastSeq;
      this.tail = Math.max(this.tail, stored.updates.length);
    }
    for (const seq of this.ahead) if (seq <= this.lastSeq) this.ahead.delete(seq);
    while (this.ahead.delete(this.lastSeq + 1)) this.lastSeq++;
  }

  /** The room's document, with every stored update applied. */
  get doc(): Y.Doc {
    this.applyWaiting();
    return this.live;
  }

  private applyWaiting(): void {
    clearTimeout(this.applyTimer);
    this.applyTimer = undefined;
    if (this.unapplied.length === 0) return;
    const updates = this.unapplied;
    this.unapplied = [];
    this.unappliedStructs.clear();
    this.live.transact(() => {
      for (const { peer, update } of updates) {
        try {
          Y.applyUpdate(this.live, update);
        } catch (error) {
          // Decoded and checked (`isWellFormed`) before it was stored, so this is a bug, or a forged update of a
          // kind the check does not know; its author could as well have deleted everything it may write. It stays
          // in the log (a load skips it); its sender's socket closes, and it reconnects and sends its state again.
          if (peer) peer.fail(error);
          else console.error(`room ${this.name}: skipping an update stored elsewhere that does not apply`, error);
        }
      }
    });
  }

  /** Resolves once every update received so far is stored and the log is folded into one snapshot. */
  flush(): Promise<void> {
    return this.enqueue(async () => {
      if (this.tail > 0) await this.compact();
    });
  }

  destroy(): void {
    clearTimeout(this.applyTimer);
    clearTimeout(this.presenceTimer);
    this.awareness.destroy();
    this.live.destroy();
  }

  private async compact(): Promise<void> {
    this.compactionQueued = false;
    // Updates stored while a store that answers later compacts stay in the tail, for the next compaction.
    const folded = this.tail;
    // Replaying into the live Y.Doc and encoding its state is linear; Y.mergeUpdates on the raw log is not.
    await this.store.compact(this.name, Y.encodeStateAsUpdate(this.doc), this.lastSeq);
    this.tail -= folded;
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const next = this.queue.then(task).catch((error: unknown) => {
      console.error(`room ${this.name}: storage task failed`, error);
    });
    this.queue = next;
    return next;
  }
}

/** Applies a stored snapshot and log tail to `doc`, in one transaction. */
export function applyStored(name: string, doc: Y.Doc, stored: StoredDoc): void {
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
}
