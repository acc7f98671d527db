import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  CloseCode,
  PROTOCOL_VERSION,
  SCHEMA_VERSION,
  addCause,
  readCommitmentDraft,
  readTree,
  schemaVersionOf,
  setCommitmentText,
  TREE_ROOT_ID,
} from '@cocrea/shared';
import { unversionedMesaUpdate } from '@cocrea/shared/fixtures/unversionedMesa';
import { RefusedUpgrade, closed, connectStockClient, openRawSocket, whenSynced } from './support/clients';
import { startTestServer, type CreatedMesa, type TestServer } from './support/testServer';

let t: TestServer;
let mesa: CreatedMesa;

beforeEach(async () => {
  t = await startTestServer();
  mesa = await t.createMesa();
});
afterEach(() => t.close());

function urlWith(version: string | null): string {
  const url = `${t.wsUrl}/${mesa.mesa.id}?token=${mesa.tokens.participant}`;
  return version === null ? url : `${url}&v=${version}`;
}

/** Resolves once `condition` holds, checking every 20 ms, or rejects after `ms` (sized for a busy machine). */
async function until(condition: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('the condition did not hold in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the protocol version (?v=)', () => {
  it('a socket of a version the server no longer speaks, or does not yet, is closed with 4426 and told to reload', async () => {
    for (const version of ['0', String(PROTOCOL_VERSION + 1)]) {
      const ws = await openRawSocket(urlWith(version));
      expect(await closed(ws)).toEqual({
        code: CloseCode.outdatedClient,
        reason: 'Hay una versión nueva de Cocrea: recargue la página.',
      });
    }
    // Nothing was loaded for them.
    expect(t.server.rooms.residentCount).toBe(0);
  });

  it('a version that is not a number is refused at the upgrade with 400', async () => {
    for (const version of ['uno', '-1', '1.0', '1234567']) {
      await expect(openRawSocket(urlWith(version))).rejects.toEqual(new RefusedUpgrade(400));
    }
  });

  it('the outdated answer comes after authentication: a bad token still gets 401', async () => {
    const url = `${t.wsUrl}/${mesa.mesa.id}?token=mal&v=0`;
    await expect(openRawSocket(url)).rejects.toEqual(new RefusedUpgrade(401));
  });

  it("the current version, and no version at all (a stock client's), sync", async () => {
    for (const version of [String(PROTOCOL_VERSION), null]) {
      const client = connectStockClient(t.wsUrl, mesa.mesa.id, mesa.tokens.participant);
      if (version !== null) client.provider.params = { ...client.provider.params, v: version };
      await whenSynced(client);
      expect(client.provider.wsconnected).toBe(true);
      client.destroy();
    }
  });

  it('a stock y-websocket client of an unsupported version stops reconnecting', async () => {
    const client = connectStockClient(t.wsUrl, mesa.mesa.id, mesa.tokens.participant);
    client.provider.disconnect();
    client.provider.params = { ...client.provider.params, v: '0' };
    const terminal = new Promise<{ code: number }>((resolve) => client.provider.once('closed', resolve));
    client.provider.connect();
    expect((await terminal).code).toBe(CloseCode.outdatedClient);
    expect(client.provider.shouldConnect).toBe(false);
    client.destroy();
  });
});

describe('the document schema version', () => {
  /** Stores the unversioned fixture as the room's whole log, as a server before versioning left it. */
  function seedUnversionedRoom(): void {
    t.storage.appendUpdate(mesa.mesa.id, unversionedMesaUpdate());
  }

  it('a room is migrated when it loads, once, and the migration is stored', async () => {
    seedUnversionedRoom();
    const client = connectStockClient(t.wsUrl, mesa.mesa.id, mesa.tokens.participant);
    await whenSynced(client);
    expect(schemaVersionOf(client.doc)).toBe(SCHEMA_VERSION);
    expect(readTree(client.doc).nodes.size).toBe(4);
    expect(readCommitmentDraft(client.doc).theme).toBe('movilidad');
    client.destroy();
    await until(() => t.server.rooms.residentCount === 0 && t.server.rooms.get(mesa.mesa.id) === undefined);
    // Unloaded and stored: the next load finds the migrated document and writes nothing.
    const stored = await t.storage.loadDoc(mesa.mesa.id);
    const reloaded = new Y.Doc();
    for (const update of [stored.snapshot, ...stored.updates]) if (update) Y.applyUpdate(reloaded, update);
    expect(schemaVersionOf(reloaded)).toBe(SCHEMA_VERSION);
    const again = connectStockClient(t.wsUrl, mesa.mesa.id, mesa.tokens.participant);
    await whenSynced(again);
    const after = await t.storage.loadDoc(mesa.mesa.id);
    expect(after.lastSeq).toBe(stored.lastSeq);
    again.destroy();
  });

  it('a new mesa starts at the current version', async () => {
    const client = connectStockClient(t.wsUrl, mesa.mesa.id, mesa.tokens.participant);
    await whenSynced(client);
    expect(schemaVersionOf(client.doc)).toBe(SCHEMA_VERSION);
    client.destroy();
  });

  it('a browser whose stored copy is unversioned, with edits made offline, converges with the migrated room', async () => {
    seedUnversionedRoom();
    // The browser's IndexedDB copy: the same old document, plus what was typed offline, never migrated.
    const offline = new Y.Doc();
    Y.applyUpdate(offline, unversionedMesaUpdate());
    const cause = addCause(offline, TREE_ROOT_ID, 'Escrita sin conexión');
    setCommitmentText(offline, 'finalResult', 'Catálogo publicado');
    const browser = connectStockClient(t.wsUrl, mesa.mesa.id, mesa.tokens.participant, offline);
    await whenSynced(browser);
    await until(() => browser.stored() === browser.sent());
    const other = connectStockClient(t.wsUrl, mesa.mesa.id, mesa.tokens.participant);
    await whenSynced(other);
    for (const doc of [browser.doc, other.doc]) {
      expect(schemaVersionOf(doc)).toBe(SCHEMA_VERSION);
      expect(readTree(doc).nodes.get(cause)?.text).toBe('Escrita sin conexión');
      expect(readCommitmentDraft(doc).finalResult).toBe('Catálogo publicado');
    }
    expect(Y.encodeStateVector(other.doc)).toEqual(Y.encodeStateVector(browser.doc));
    browser.destroy();
    other.destroy();
  });
});
