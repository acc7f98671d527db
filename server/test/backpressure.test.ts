import { afterEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import { CloseCode, SEND_QUEUE_LIMIT } from '@cocrea/shared';
import type { Connection } from '../src/sync/Connection';
import { syncStep1Message, updateMessage } from '../src/sync/messages';
import { closed, connectStockClient, openRawSocket, whenSynced, type StockClient } from './support/clients';
import { startTestServer, type CreatedMesa, type TestServer, type TestServerOptions } from './support/testServer';
import { waitFor } from './support/waitFor';

let t: TestServer;
let mesa: CreatedMesa;
const clients: StockClient[] = [];
const sockets: WebSocket[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const ws of sockets.splice(0)) ws.terminate();
  await t.close();
});

/** A server whose mesa already holds a document of about `bytes` bytes, stored before anyone connects. */
async function startWithDocument(bytes: number, options: TestServerOptions = {}): Promise<number> {
  t = await startTestServer(undefined, options);
  mesa = await t.createMesa();
  const doc = new Y.Doc();
  doc.getText('acta').insert(0, 'x'.repeat(bytes));
  const update = Y.encodeStateAsUpdate(doc);
  await t.storage.appendUpdate(mesa.mesa.id, update);
  return update.byteLength;
}

function connect(role: 'participant' | 'observer' = 'participant'): StockClient {
  const client = connectStockClient(t.wsUrl, mesa.mesa.id, mesa.tokens[role]);
  clients.push(client);
  return client;
}

/** A raw socket that never reads what the server sends it: its kernel buffers fill, then the server's queue. */
async function openNonReader(role: 'participant' | 'observer'): Promise<WebSocket> {
  const ws = await openRawSocket(`${t.wsUrl}/${mesa.mesa.id}?token=${mesa.tokens[role]}`);
  sockets.push(ws);
  ws.pause();
  return ws;
}

/** The server's side of the one socket of `role` in the mesa's room (raw sockets carry no seat, so no name). */
function serverSide(role: 'participant' | 'observer'): Connection {
  const room = t.server.rooms.get(mesa.mesa.id);
  const found = [...(room?.peers ?? [])].find((p) => (p as Connection).context.role === role);
  if (!found) throw new Error(`no ${role} socket in the room`);
  return found as Connection;
}

/** An edit by `writer` reaches `reader`; resolves with how long it took. */
async function editReaches(writer: StockClient, reader: StockClient, key: string): Promise<number> {
  const startedAt = performance.now();
  writer.doc.getMap('m').set(key, key);
  await waitFor(() => expect(reader.doc.getMap('m').get(key)).toBe(key), { timeout: 30_000, interval: 5 });
  return performance.now() - startedAt;
}

describe('what the server queues for one socket is bounded', () => {
  it('a client that asks for the whole document again and again and never reads gets one answer at a time', async () => {
    const docBytes = await startWithDocument(1_000_000);
    const writer = connect();
    const reader = connect();
    await Promise.all([whenSynced(writer), whenSynced(reader)]);
    const attacker = await openNonReader('observer');
    const attackerSide = serverSide('observer');

    // The attack: ~19 sync step 1 frames (an empty state vector) every 100 ms, within the frame budget.
    const ask = syncStep1Message(new Y.Doc());
    expect(ask.byteLength).toBe(4);
    let maxQueued = 0;
    const latencies: number[] = [];
    let volleys = 0;
    const attack = setInterval(() => {
      volleys++;
      for (let i = 0; i < 19; i++) attacker.send(ask);
      maxQueued = Math.max(maxQueued, attackerSide.queuedBytes);
    }, 100);
    try {
      // Five seconds of it: the old server queued ~190 MB in that time.
      for (let i = 0; i < 10; i++) {
        latencies.push(await editReaches(writer, reader, `durante-${i}`));
        // Spread over the attack: each edit after five more volleys (half a second on an idle host).
        const after = volleys + 5;
        await waitFor(() => expect(volleys).toBeGreaterThanOrEqual(after));
        maxQueued = Math.max(maxQueued, attackerSide.queuedBytes);
      }
    } finally {
      clearInterval(attack);
    }
    // At most one answer waits (its frame a few bytes more than the document), beside the frames the attacker sent
    // and the server has read but not handled; and under the mark past which it would stop reading.
    expect(maxQueued).toBeGreaterThan(0);
    expect(maxQueued).toBeLessThan(SEND_QUEUE_LIMIT.pauseBytes);
    expect(maxQueued).toBeLessThan(2 * docBytes);
    // The room's other clients carry on: every edit arrived (how fast is the attack benchmark's figure, not a test's).
    expect(latencies).toHaveLength(10);
    const newcomer = connect();
    await whenSynced(newcomer);
    expect(newcomer.doc.getText('acta').length).toBe(1_000_000);
    expect(newcomer.doc.getMap('m').get('durante-9')).toBe('durante-9');
  });

  it('a slow reader of the room’s relays is closed past the limit, and reconnects to a full document', async () => {
    const limits = { pauseBytes: 64 * 1024, closeBytes: 256 * 1024, closeAfterMs: 60_000 };
    const room = await roomWithSlowReader(limits);
    const slowClosed = closed(room.slow);
    let maxQueued = 0;
    await room.relayUntil(() => {
      maxQueued = Math.max(maxQueued, room.slowSide.queuedBytes);
      return room.slowSide.isClosed;
    });
    // Never above the mark, but for the close frame queued behind it (at most 127 bytes).
    expect(maxQueued).toBeGreaterThan(limits.pauseBytes);
    expect(maxQueued).toBeLessThanOrEqual(limits.closeBytes + 127);
    // Reading at last, the slow client finds the documented close code after what was queued before it.
    room.slow.resume();
    expect((await slowClosed).code).toBe(CloseCode.tooSlow);
    // The others carried on; a stock client in its place syncs everything.
    const again = connect();
    await whenSynced(again);
    expect(again.doc.getText(`parte${room.relayed() - 1}`).length).toBe(PART_BYTES);
  });

  it('past the pause mark, the socket is not read until what waits for it drains', async () => {
    const limits = { pauseBytes: 64 * 1024, closeBytes: 64 * 1024 * 1024, closeAfterMs: 60_000 };
    const room = await roomWithSlowReader(limits);
    await room.relayUntil(() => room.slowSide.queuedBytes > limits.pauseBytes);
    // Sent while the server does not read the socket: it waits, unhandled, while an edit the writer sends after it
    // goes through.
    room.slow.send(updateMessage(edit('mientras', 'en espera')));
    await room.relayOne();
    expect(room.reader.doc.getMap('m').get('mientras')).toBeUndefined();
    // The client reads; the queue drains below the mark; the server reads the socket again and handles the edit.
    room.slow.resume();
    await waitFor(() => expect(room.reader.doc.getMap('m').get('mientras')).toBe('en espera'), {
      timeout: 30_000,
    });
    expect(room.slowSide.isClosed).toBe(false);
  });

  it('a socket that stays past the pause mark is closed after closeAfterMs', async () => {
    const limits = { pauseBytes: 64 * 1024, closeBytes: 64 * 1024 * 1024, closeAfterMs: 1_000 };
    const room = await roomWithSlowReader(limits);
    const slowClosed = closed(room.slow);
    await room.relayUntil(() => room.slowSide.queuedBytes > limits.pauseBytes);
    // The server paused it on the last relay, after that was sent.
    await waitFor(() => expect(room.slowSide.isClosed).toBe(true), { timeout: 30_000 });
    expect(performance.now() - room.lastSentAt()).toBeGreaterThanOrEqual(limits.closeAfterMs - 1);
    room.slow.resume();
    expect((await slowClosed).code).toBe(CloseCode.tooSlow);
  });
});

const PART_BYTES = 256 * 1024;

/** A one-key update from a client of its own. */
function edit(key: string, value: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('m').set(key, value);
  return Y.encodeStateAsUpdate(doc);
}

/**
 * A room with a writer (raw), a reader (stock) and a participant that does not read, under `limits`; `relayUntil`
 * has the writer send updates of {@link PART_BYTES} (the reader receiving each) until `done` says so.
 */
async function roomWithSlowReader(limits: NonNullable<TestServerOptions['sendQueue']>) {
  await startWithDocument(1_000, { sendQueue: limits });
  const writer = await openRawSocket(`${t.wsUrl}/${mesa.mesa.id}?token=${mesa.tokens.participant}`);
  sockets.push(writer);
  const reader = connect('observer');
  await whenSynced(reader);
  const slow = await openNonReader('participant');
  // The room's peers in the order they joined: the writer, the reader, the slow one.
  await waitFor(() => expect(t.server.rooms.get(mesa.mesa.id)?.peers.size).toBe(3));
  const slowSide = [...t.server.rooms.get(mesa.mesa.id)!.peers].at(-1) as Connection;
  const source = new Y.Doc();
  const updates: Uint8Array[] = [];
  source.on('update', (u: Uint8Array) => updates.push(u));
  let relayed = 0;
  let lastSentAt = 0;
  const relayOne = async () => {
    const part = `parte${relayed}`;
    source.getText(part).insert(0, 'y'.repeat(PART_BYTES));
    lastSentAt = performance.now();
    writer.send(updateMessage(updates.at(-1)!));
    await waitFor(() => expect(reader.doc.getText(part).length).toBe(PART_BYTES), { timeout: 30_000 });
    relayed++;
  };
  return {
    reader,
    slow,
    slowSide,
    relayed: () => relayed,
    lastSentAt: () => lastSentAt,
    /** The writer sends one update, and it reaches the reader. */
    relayOne,
    /** Fills the slow socket's kernel buffers (a few MiB), then what the server queues for it. */
    async relayUntil(done: () => boolean): Promise<void> {
      // Within the writer's byte budget (a burst of 16 MiB).
      while (!done()) {
        if (relayed >= 60) throw new Error(`still not there after ${relayed} updates of ${PART_BYTES} bytes`);
        await relayOne();
      }
    },
  };
}
