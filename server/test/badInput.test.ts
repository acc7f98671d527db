import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CloseCode, FANOUT_LIMIT, MAX_MESSAGE_BYTES, MessageType, SyncType } from '@cocrea/shared';
import { MAX_STATES_PER_UPDATE } from '../src/sync/awarenessFilter';
import { syncStep1Message, updateMessage } from '../src/sync/messages';
import { closed, connectStockClient, openRawSocket, whenSynced, type StockClient } from './support/clients';
import { startTestServer, type CreatedMesa, type TestServer } from './support/testServer';
import { WAIT_TIMEOUT_MS, waitFor } from './support/waitFor';

let t: TestServer;
let mesa: CreatedMesa;
let bystander: StockClient;

beforeEach(async () => {
  t = await startTestServer();
  mesa = await t.createMesa();
  bystander = connectStockClient(t.wsUrl, mesa.mesa.id, mesa.tokens.participant);
  await whenSynced(bystander);
  bystander.doc.getText('t').insert(0, 'antes');
});
afterEach(async () => {
  bystander.destroy();
  await t.close();
});

function rawUrl(): string {
  return `${t.wsUrl}/${mesa.mesa.id}?token=${mesa.tokens.participant}`;
}

/** The room carries on: the bystander still edits, and a newcomer gets everything. */
async function expectRoomHealthy(): Promise<void> {
  bystander.doc.getText('t').insert(5, ' y después');
  await waitFor(() => expect(bystander.stored()).toBe(bystander.sent()));
  const newcomer = connectStockClient(t.wsUrl, mesa.mesa.id, mesa.tokens.participant);
  await whenSynced(newcomer);
  expect(newcomer.doc.getText('t').toString()).toBe('antes y después');
  newcomer.destroy();
}

describe('a bad frame closes only its own socket', () => {
  it('garbage bytes close with 1007', async () => {
    const ws = await openRawSocket(rawUrl());
    const done = closed(ws);
    ws.send(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]));
    expect((await done).code).toBe(CloseCode.invalidPayload);
    await expectRoomHealthy();
  });

  it('a well-framed but corrupt Yjs update closes with 1007 and is not stored', async () => {
    const ws = await openRawSocket(rawUrl());
    const done = closed(ws);
    ws.send(updateMessage(new Uint8Array([0x05, 0xff, 0x03, 0x01, 0x09, 0x09, 0x09])));
    expect((await done).code).toBe(CloseCode.invalidPayload);
    await expectRoomHealthy();
  });

  it('an update that decodes but would throw in Yjs closes with 1007, unstored and unrelayed', async () => {
    const forger = new Y.Doc();
    forger.clientID = 7;
    const updates: Uint8Array[] = [];
    forger.on('update', (update: Uint8Array) => updates.push(update));
    forger.getText('forja').insert(0, 'ab');
    forger.getText('forja').insert(2, 'c');
    const [first, second] = updates as [Uint8Array, Uint8Array];
    // `second` is [1 client, 1 struct, client 7, clock 2, info, origin client 7, origin clock 1, 'c', no deletes]:
    // its left origin becomes the client's own clock 9, which it has not made yet.
    const forged = Uint8Array.from(second);
    expect([...forged.subarray(0, 7)]).toEqual([1, 1, 7, 2, forged[4], 7, 1]);
    forged[6] = 9;
    expect(Y.decodeUpdate(forged).structs[0]).toMatchObject({ origin: { client: 7, clock: 9 } });
    const replica = new Y.Doc();
    Y.applyUpdate(replica, first);
    expect(() => Y.applyUpdate(replica, forged)).toThrow();

    const ws = await openRawSocket(rawUrl());
    const done = closed(ws);
    ws.send(updateMessage(first));
    await waitFor(() => expect(bystander.doc.getText('forja').toString()).toBe('ab'));
    ws.send(updateMessage(forged));
    expect((await done).code).toBe(CloseCode.invalidPayload);
    await expectRoomHealthy();
    expect(bystander.doc.getText('forja').toString()).toBe('ab');
    expect(bystander.doc.store.pendingStructs).toBeNull();
  });

  it('a truncated frame closes with 1007', async () => {
    const ws = await openRawSocket(rawUrl());
    const done = closed(ws);
    const frame = updateMessage(Y.encodeStateAsUpdate(bystander.doc));
    ws.send(frame.subarray(0, frame.length - 3));
    expect((await done).code).toBe(CloseCode.invalidPayload);
    await expectRoomHealthy();
  });

  it('an unknown message type closes with 1007', async () => {
    const ws = await openRawSocket(rawUrl());
    const done = closed(ws);
    ws.send(Buffer.from([42, 1, 2, 3]));
    expect((await done).code).toBe(CloseCode.invalidPayload);
    await expectRoomHealthy();
  });

  it('a text frame closes with 1003', async () => {
    const ws = await openRawSocket(rawUrl());
    const done = closed(ws);
    ws.send('hola');
    expect((await done).code).toBe(CloseCode.unsupportedData);
    await expectRoomHealthy();
  });

  it('an oversized frame closes with 1009', async () => {
    const ws = await openRawSocket(rawUrl());
    const done = closed(ws);
    ws.send(Buffer.alloc(MAX_MESSAGE_BYTES + 1024, 7));
    expect((await done).code).toBe(CloseCode.messageTooBig);
    await expectRoomHealthy();
  });

  it('a flood closes with 1008', async () => {
    const ws = await openRawSocket(rawUrl());
    const done = closed(ws);
    const query = Buffer.from([MessageType.queryAwareness]);
    for (let i = 0; i < 2000; i++) ws.send(query);
    expect((await done).code).toBe(CloseCode.policyViolation);
    await expectRoomHealthy();
  });

  it('a flood of bytes closes with 1008, after letting two of the largest frames through', async () => {
    const ws = await openRawSocket(rawUrl());
    const done = closed(ws);
    // Cheap for the server to answer, so the test measures the byte budget and not the server's work.
    const big = Buffer.alloc(MAX_MESSAGE_BYTES - 1024);
    big[0] = MessageType.queryAwareness;
    const answered = new Promise<void>((resolve) =>
      ws.on('message', (data: Buffer) => {
        if (data[0] === MessageType.sync && data[1] === SyncType.step2) resolve();
      }),
    );
    ws.send(big);
    ws.send(big);
    // Frames are handled in order: the answer to this one says both large frames were taken.
    ws.send(syncStep1Message(new Y.Doc()));
    await answered;
    ws.send(big);
    expect(await done).toEqual({ code: CloseCode.policyViolation, reason: 'Demasiados datos.' });
    await expectRoomHealthy();
  });
});

describe('awareness', () => {
  function awarenessFrame(clientId: number, clock: number, state: unknown): Uint8Array {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.awareness);
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, clientId);
    encoding.writeVarUint(inner, clock);
    encoding.writeVarString(inner, JSON.stringify(state));
    encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
    return encoding.toUint8Array(e);
  }

  it('an update speaking for too many states closes with 1007', async () => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.awareness);
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, MAX_STATES_PER_UPDATE + 1);
    for (let clock = 1; clock <= MAX_STATES_PER_UPDATE + 1; clock++) {
      encoding.writeVarUint(inner, 424242);
      encoding.writeVarUint(inner, clock);
      encoding.writeVarString(inner, 'null');
    }
    encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
    const ws = await openRawSocket(rawUrl());
    const done = closed(ws);
    ws.send(encoding.toUint8Array(e));
    expect((await done).code).toBe(CloseCode.invalidPayload);
    await expectRoomHealthy();
  });

  it('a plenary of 70 stock clients, each sending back the presence it receives, all see each other', async () => {
    // The stock provider sends every awareness change it applies back to the server, others' included: a newcomer
    // to a room of 70 answers the room's presence with a message of 70 states.
    const crowd = Array.from({ length: 70 }, () => connectStockClient(t.wsUrl, mesa.mesa.id, mesa.tokens.participant));
    const closes: number[] = [];
    for (const client of crowd) {
      client.provider.on('connection-close', (event: { code: number } | null) => closes.push(event?.code ?? 0));
    }
    try {
      await Promise.all(crowd.map((client) => whenSynced(client)));
      crowd.forEach((client, i) => client.provider.awareness.setLocalStateField('cursor', { x: i, y: i }));
      const ids = crowd.map((client) => client.doc.clientID);
      await waitFor(() => {
        for (const client of crowd)
          expect(ids.filter((id) => !client.provider.awareness.getStates().has(id))).toEqual([]);
      });
      expect(closes).toEqual([]);
    } finally {
      for (const client of crowd) client.destroy();
    }
  });

  it('a connection cannot speak for another connection’s client id', async () => {
    bystander.provider.awareness.setLocalStateField('cursor', { x: 1, y: 1 });
    const watcher = connectStockClient(t.wsUrl, mesa.mesa.id, mesa.tokens.participant);
    await whenSynced(watcher);
    const victim = bystander.doc.clientID;
    await waitFor(() => expect(watcher.provider.awareness.getStates().get(victim)?.cursor).toEqual({ x: 1, y: 1 }));
    const ws = await openRawSocket(rawUrl());
    ws.send(awarenessFrame(victim, 10_000, { cursor: { x: 666, y: 666 } }));
    // A marker through the same socket, for its own id, shows the spoof was processed (and dropped) by now.
    ws.send(awarenessFrame(123456, 1, { cursor: { x: 2, y: 2 } }));
    await waitFor(() => expect(watcher.provider.awareness.getStates().get(123456)).toBeDefined());
    expect(watcher.provider.awareness.getStates().get(victim)?.cursor).toEqual({ x: 1, y: 1 });
    ws.close();
    watcher.destroy();
  });

  it('the user shown is the server’s record of the join, not the client’s claim', async () => {
    const watcher = connectStockClient(t.wsUrl, mesa.mesa.id, mesa.tokens.participant);
    await whenSynced(watcher);
    const ws = await openRawSocket(`${t.wsUrl}/${mesa.mesa.id}?token=${mesa.tokens.observer}`);
    ws.send(awarenessFrame(777, 1, { user: { role: 'facilitator', name: 'Impostor' } }));
    await waitFor(() => expect(watcher.provider.awareness.getStates().get(777)).toBeDefined());
    const user = watcher.provider.awareness.getStates().get(777)?.user as { role: string; name: string | null };
    expect(user.role).toBe('observer');
    expect(user.name).toBeNull();
    ws.close();
    await waitFor(() => expect(watcher.provider.awareness.getStates().get(777)).toBeUndefined());
    watcher.destroy();
  });

  it('a burst of presence changes reaches the others as a few messages, ending with the latest state', async () => {
    const watcher = await openRawSocket(rawUrl());
    const cursors: unknown[] = [];
    watcher.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(data);
      if (decoding.readVarUint(decoder) !== MessageType.awareness) return;
      const probe = new awarenessProtocol.Awareness(new Y.Doc());
      awarenessProtocol.applyAwarenessUpdate(probe, decoding.readVarUint8Array(decoder), 'server');
      const state = probe.getStates().get(4242) as { cursor?: unknown } | undefined;
      if (state) cursors.push(state.cursor);
    });
    const ws = await openRawSocket(rawUrl());
    // As fast as a client may send (under the rate limit): each change alone would be one send to every peer.
    for (let clock = 1; clock <= 150; clock++) ws.send(awarenessFrame(4242, clock, { cursor: { x: clock, y: 0 } }));
    await waitFor(() => expect(cursors.at(-1)).toEqual({ x: 150, y: 0 }));
    expect(cursors.length).toBeLessThan(30);
    ws.close();
    watcher.close();
  });

  it('removeAwarenessStates from a stock client is relayed', async () => {
    const watcher = connectStockClient(t.wsUrl, mesa.mesa.id, mesa.tokens.participant);
    await whenSynced(watcher);
    bystander.provider.awareness.setLocalStateField('cursor', { x: 5, y: 5 });
    await waitFor(() => expect(watcher.provider.awareness.getStates().get(bystander.doc.clientID)).toBeDefined());
    awarenessProtocol.removeAwarenessStates(bystander.provider.awareness, [bystander.doc.clientID], 'test');
    await waitFor(() => expect(watcher.provider.awareness.getStates().get(bystander.doc.clientID)).toBeUndefined());
    watcher.destroy();
  });
});

describe('a socket whose updates cost its room too many sends', () => {
  it('is paced, not closed: its updates arrive whole and late, and the others’ go through meanwhile', async () => {
    // A plenary: 100 listeners, the bystander and a watcher, so that each of the flooder's updates costs 102 sends.
    const listeners = await Promise.all(Array.from({ length: 100 }, () => openRawSocket(rawUrl())));
    const watcher = connectStockClient(t.wsUrl, mesa.mesa.id, mesa.tokens.participant);
    await whenSynced(watcher);
    const flooder = await openRawSocket(rawUrl());
    let flooderClosed = false;
    flooder.on('close', () => (flooderClosed = true));

    // Within the frame budget (a burst of 400), but 380 × 102 sends is far beyond the delivery budget's burst.
    // Each update a frame of its own, as an editor sends them.
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (update: Uint8Array) => updates.push(update));
    for (let i = 0; i < 380; i++) source.getMap('crecida').set(`k${i}`, i);
    const sendsPerUpdate = listeners.length + 2;
    // The last update goes out as soon as the debt before it is repaid; its own cost is repaid after.
    const pacedMs = (((updates.length - 1) * sendsPerUpdate - FANOUT_LIMIT.burst) / FANOUT_LIMIT.perSecond) * 1000;
    expect(pacedMs).toBeGreaterThan(1000);

    const startedAt = performance.now();
    for (const update of updates) flooder.send(updateMessage(update));
    const flood = watcher.doc.getMap('crecida');
    await waitFor(() => expect(flood.size).toBeGreaterThan(0));
    // Someone else edits during the flood: the room relays it at once, ahead of the flood's paced remainder.
    bystander.doc.getText('durante').insert(0, 'Mientras tanto');
    await waitFor(() => expect(watcher.doc.getText('durante').toString()).toBe('Mientras tanto'));
    expect(flood.size).toBeLessThan(updates.length);

    await waitFor(() => expect(flood.size).toBe(updates.length), { timeout: pacedMs + WAIT_TIMEOUT_MS });
    // No faster than the budget refills (a millisecond's slack for the timers' rounding).
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(pacedMs - 1);
    expect(flooderClosed).toBe(false);
    expect(bystander.doc.getMap('crecida').size).toBe(updates.length);

    watcher.destroy();
    for (const ws of [...listeners, flooder]) ws.close();
    await expectRoomHealthy();
  });
});
