/**
 * In-memory replicas for sync tests (tier A), after yjs/yjs tests/testHelper.js: each replica's updates wait in
 * the other replicas' inboxes until the test delivers them, one at a time, in an order it picks. Not exported from
 * the package; tests of any area of the document can use it.
 */
import * as Y from 'yjs';

/** One replica: its document and whether it is connected. */
export interface Replica {
  readonly doc: Y.Doc;
  online: boolean;
  /** What this replica wrote while offline, sent on reconnecting. */
  readonly outbox: Uint8Array[];
  /** Updates from others, not yet applied; delivered in any order, as Yjs must cope with. */
  readonly inbox: Uint8Array[];
}

/**
 * A mesh of `count` replicas with client ids 1…count, so that Yjs resolves conflicts the same way on every run
 * of a seed. Updates are applied with the connector as origin, like a provider does.
 */
export class TestConnector {
  readonly replicas: readonly Replica[];

  constructor(count: number) {
    this.replicas = Array.from({ length: count }, (_, i) => {
      const doc = new Y.Doc();
      doc.clientID = i + 1;
      const replica: Replica = { doc, online: true, outbox: [], inbox: [] };
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === this) return;
        if (replica.online) this.broadcast(replica, update);
        else replica.outbox.push(update);
      });
      return replica;
    });
  }

  /** Delivers the `pick`-th (modulo) of the updates waiting for online replicas; returns the receiver, if any. */
  deliver(pick: number): Replica | null {
    const waiting = this.replicas.reduce((sum, replica) => sum + (replica.online ? replica.inbox.length : 0), 0);
    let index = pick % Math.max(waiting, 1);
    for (const replica of this.replicas) {
      if (!replica.online) continue;
      if (index < replica.inbox.length) {
        const [update] = replica.inbox.splice(index, 1);
        Y.applyUpdate(replica.doc, update!, this);
        return replica;
      }
      index -= replica.inbox.length;
    }
    return null;
  }

  /** Takes a replica offline: it keeps editing, and what it writes or is sent waits for {@link reconnect}. */
  disconnect(replica: Replica): void {
    replica.online = false;
  }

  /** Brings a replica back; what it wrote offline goes out as one merged update, like a sync step 2. */
  reconnect(replica: Replica): void {
    if (replica.online) return;
    replica.online = true;
    if (replica.outbox.length > 0) this.broadcast(replica, Y.mergeUpdates(replica.outbox.splice(0)));
  }

  /**
   * Reconnects everyone and delivers everything, picking with `pick` (seeded by the test) until nothing waits. A
   * replica left holding updates Yjs could not integrate then re-syncs, as a provider does on reconnecting (sync
   * steps 1 and 2): delivered in some orders no relay produces, Yjs can keep a set of updates pending after all
   * they depend on has arrived (yjs/yjs#406), and only an exchange of state brings them in.
   */
  flushAll(pick: () => number): void {
    for (const replica of this.replicas) this.reconnect(replica);
    while (this.deliver(pick()) !== null);
    for (const replica of this.replicas) {
      if (replica.doc.store.pendingStructs === null && replica.doc.store.pendingDs === null) continue;
      const stateVector = Y.encodeStateVector(replica.doc);
      for (const other of this.replicas) {
        if (other !== replica) Y.applyUpdate(replica.doc, Y.encodeStateAsUpdate(other.doc, stateVector), this);
      }
    }
  }

  private broadcast(from: Replica, update: Uint8Array): void {
    for (const replica of this.replicas) if (replica !== from) replica.inbox.push(update);
  }
}
