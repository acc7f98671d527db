import * as decoding from 'lib0/decoding';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, MessageType } from '@cocrea/shared';
import { SqliteStorage } from '../src/storage/sqlite/SqliteStorage';
import { updateMessage } from '../src/sync/messages';
import { closed, connectStockClient, openRawSocket, whenSynced, type StockClient } from './support/clients';
import { startTestServer, type CreatedMesa, type TestServer } from './support/testServer';

let t: TestServer;
let mesa: CreatedMesa;
const clients: StockClient[] = [];

/**
 * Every test runs twice: over SQLite, which commits an update before its append returns, and over the same storage
 * answering later, as PostgreSQL would, which sends updates through each room's queue.
 */
describe.each(['in-process', 'later'] as const)('appends answered %s', (appends) => {
  beforeEach(async () => {
    t = await startTestServer(undefined, { appends });
    mesa = await t.createMesa();
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    for (const c of clients.splice(0)) c.destroy();
    await t.close();
  });

  function connect(role: 'facilitator' | 'participant' | 'observer' = 'participant'): StockClient {
    const client = connectStockClient(t.wsUrl, mesa.mesa.id, mesa.tokens[role]);
    clients.push(client);
    return client;
  }

  describe('stock y-websocket clients converge', () => {
    it.each([2, 10])('%i clients editing at once end with the same document', async (n) => {
      const group = Array.from({ length: n }, () => connect());
      await Promise.all(group.map(whenSynced));
      group.forEach((c, i) => {
        c.doc.transact(() => {
          c.doc.getMap('m').set(`k${i}`, i);
          c.doc.getArray<number>('a').push([i]);
          c.doc.getText('t').insert(0, `c${i};`);
        });
      });
      await vi.waitFor(
        () => {
          for (const c of group) {
            expect(c.doc.getArray('a').length).toBe(n);
            expect(c.doc.getMap('m').size).toBe(n);
          }
        },
        { timeout: 10_000 },
      );
      const texts = new Set(group.map((c) => c.doc.getText('t').toString()));
      expect(texts.size).toBe(1);
      expect([...texts][0]!.split(';').filter(Boolean)).toHaveLength(n);
    });

    it('a newcomer receives an edit stored a moment before it joined', async () => {
      const first = connect();
      await whenSynced(first);
      first.doc.getText('t').insert(0, 'recién guardado');
      await vi.waitFor(() => expect(first.stored()).toBe(first.sent()));
      const late = connect();
      await whenSynced(late);
      expect(late.doc.getText('t').toString()).toBe('recién guardado');
    });

    it('a late joiner receives everything stored before it came', async () => {
      const first = connect();
      await whenSynced(first);
      first.doc.getText('t').insert(0, 'hola mesa');
      await vi.waitFor(() => expect(first.stored()).toBeGreaterThanOrEqual(first.sent()));
      first.destroy();
      await vi.waitFor(() => expect(t.server.rooms.residentCount).toBe(0));
      const late = connect();
      await whenSynced(late);
      expect(late.doc.getText('t').toString()).toBe('hola mesa');
    });
  });

  describe('stored acknowledgements', () => {
    it('counts every update frame the client sent, after it is stored', async () => {
      const c = connect();
      await whenSynced(c);
      for (let i = 0; i < 20; i++) c.doc.getArray('a').push([i]);
      await vi.waitFor(() => {
        expect(c.sent()).toBeGreaterThanOrEqual(20);
        expect(c.stored()).toBe(c.sent());
      });
    });
  });

  /** The sync update frames a client would send for `count` separate edits. */
  function updateFrames(count: number): Uint8Array[] {
    const doc = new Y.Doc();
    const frames: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => frames.push(updateMessage(update)));
    for (let i = 0; i < count; i++) doc.getArray<number>('a').push([i]);
    return frames;
  }

  describe('a burst of updates', () => {
    it('sent in one go is stored, relayed and acknowledged one by one, in order', async () => {
      const reader = connect();
      await whenSynced(reader);
      const ws = await openRawSocket(`${t.wsUrl}/${mesa.mesa.id}?token=${mesa.tokens.participant}`);
      const acks: number[] = [];
      ws.on('message', (data: Buffer) => {
        const d = decoding.createDecoder(new Uint8Array(data));
        if (decoding.readVarUint(d) === MessageType.stored) acks.push(decoding.readVarUint(d));
      });
      for (const frame of updateFrames(50)) ws.send(frame);
      await vi.waitFor(() => expect(acks.at(-1)).toBe(50));
      expect(acks).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      await vi.waitFor(() => expect(reader.doc.getArray('a').toArray()).toEqual([...Array(50).keys()]));
      ws.close();
    });
  });

  describe('an update that cannot be stored', () => {
    it('closes its socket with 1011, reaches nobody, and is stored when the client sends it again', async () => {
      const writer = connect();
      const reader = connect();
      await Promise.all([whenSynced(writer), whenSynced(reader)]);
      const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
      const failing = vi.spyOn(SqliteStorage.prototype, 'appendUpdate').mockImplementation(() => {
        throw new Error('disco lleno');
      });
      const ws = await openRawSocket(`${t.wsUrl}/${mesa.mesa.id}?token=${mesa.tokens.participant}`);
      const done = closed(ws);
      const [frame] = updateFrames(1);
      ws.send(frame!);
      expect((await done).code).toBe(CloseCode.internalError);
      expect(errors).toHaveBeenCalled();
      // A stock client's update fails the same way; its provider reconnects and sends its state again, and again.
      writer.doc.getText('t').insert(0, 'tarde');
      await vi.waitFor(() => expect(failing.mock.calls.length).toBeGreaterThanOrEqual(3));
      expect(reader.doc.getArray('a').length).toBe(0);
      expect(reader.doc.getText('t').toString()).toBe('');
      // Once storage works again, the next attempt goes through.
      failing.mockRestore();
      await vi.waitFor(() => expect(reader.doc.getText('t').toString()).toBe('tarde'), { timeout: 10_000 });
      await vi.waitFor(() => expect(writer.stored()).toBe(writer.sent()));
    });
  });

  describe('roles', () => {
    it('an observer reads the document but cannot change it', async () => {
      const writer = connect('participant');
      const observer = connect('observer');
      await Promise.all([whenSynced(writer), whenSynced(observer)]);
      writer.doc.getText('t').insert(0, 'del participante');
      await vi.waitFor(() => expect(observer.doc.getText('t').toString()).toBe('del participante'));
      observer.doc.getText('t').insert(0, 'INTRUSO ');
      writer.doc.getText('t').insert(0, '¡');
      await vi.waitFor(() => expect(writer.stored()).toBe(writer.sent()));
      // A fresh reader sees what the server kept: the participant's edits, none of the observer's.
      const reader = connect('participant');
      await whenSynced(reader);
      expect(reader.doc.getText('t').toString()).toBe('¡del participante');
      expect(writer.doc.getText('t').toString()).toBe('¡del participante');
    });
  });

  describe('rooms', () => {
    it('unload when the last client leaves, after storing, and come back intact', async () => {
      const other = await t.createMesa({ title: 'Otra mesa' });
      const a = connect();
      const b = connectStockClient(t.wsUrl, other.mesa.id, other.tokens.participant);
      clients.push(b);
      await Promise.all([whenSynced(a), whenSynced(b)]);
      expect(t.server.rooms.residentCount).toBe(2);
      a.doc.getMap('m').set('x', 1);
      await vi.waitFor(() => expect(a.stored()).toBe(a.sent()));
      a.destroy();
      await vi.waitFor(() => expect(t.server.rooms.residentCount).toBe(1));
      b.destroy();
      await vi.waitFor(() => expect(t.server.rooms.residentCount).toBe(0));
      const again = connect();
      await whenSynced(again);
      expect(again.doc.getMap('m').get('x')).toBe(1);
      expect(t.server.rooms.residentCount).toBe(1);
    });
  });
});

/**
 * The same round trip over PostgreSQL: the server's real network store, whose appends answer later. Only these:
 * the storage contract covers the rest of the backend, and CPU is scarce.
 */
describe('over PostgreSQL', () => {
  beforeEach(async () => {
    t = await startTestServer(undefined, { backend: 'postgres' });
    mesa = await t.createMesa();
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await t.close();
  });

  it('clients editing at once end with the same document, every update acknowledged once stored', async () => {
    const group = Array.from({ length: 5 }, () => connectStockClient(t.wsUrl, mesa.mesa.id, mesa.tokens.participant));
    clients.push(...group);
    await Promise.all(group.map(whenSynced));
    group.forEach((c, i) => {
      for (let k = 0; k < 10; k++) c.doc.getArray<string>('a').push([`${i}-${k}`]);
    });
    await vi.waitFor(
      () => {
        for (const c of group) {
          expect(c.doc.getArray('a').length).toBe(50);
          expect(c.stored()).toBe(c.sent());
        }
      },
      { timeout: 20_000 },
    );
    const orders = new Set(group.map((c) => c.doc.getArray('a').toArray().join()));
    expect(orders.size).toBe(1);
  });

  it('a room unloaded after storing comes back intact from the database', async () => {
    const a = connectStockClient(t.wsUrl, mesa.mesa.id, mesa.tokens.participant);
    clients.push(a);
    await whenSynced(a);
    a.doc.getText('t').insert(0, 'guardado en PostgreSQL');
    await vi.waitFor(() => expect(a.stored()).toBe(a.sent()));
    a.destroy();
    await vi.waitFor(() => expect(t.server.rooms.residentCount).toBe(0));
    // Unloading folds the log into the snapshot (the room leaves the registry first, then stores).
    await vi.waitFor(async () =>
      expect(await t.storage.loadDoc(mesa.mesa.id)).toMatchObject({ updates: [], snapshot: expect.any(Uint8Array) }),
    );
    const again = connectStockClient(t.wsUrl, mesa.mesa.id, mesa.tokens.participant);
    clients.push(again);
    await whenSynced(again);
    expect(again.doc.getText('t').toString()).toBe('guardado en PostgreSQL');
  });
});
