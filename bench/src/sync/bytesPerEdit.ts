import { SqliteStorage } from '@cocrea/server';
import { commitmentText } from '@cocrea/shared';
import { sleep } from '../clock';
import { connectClient } from './client';
import type { CocreaServer } from './cocreaServer';

export interface BytesPerEdit {
  edits: number;
  /** Bytes of Yjs update in the log (`doc_updates.data`) per edit, as stored when each edit is acknowledged. */
  logged: number;
  /** Bytes of the room's snapshot per edit once the room unloaded and its log was compacted. */
  compacted: number;
}

/** A short paragraph: under the two thousand updates at which the server compacts a live room. */
const EDITS = 500;
/** Typing speed: under the per-socket rate limit (200 messages/s), which would otherwise close the socket. */
const EDIT_INTERVAL_MS = 6;
/** How long the acknowledgements and the unload may take before the measurement counts as failed. */
const SETTLE_TIMEOUT_MS = 30_000;

/**
 * One participant types a paragraph of the commitment a character at a time (one insert per key, as an editor
 * bound to the Y.Text sends them) through the running Cocrea server; the bytes are then read back from the
 * server's SQLite file, once while the room is live and once after it unloaded.
 */
export async function measureBytesPerEdit(server: CocreaServer): Promise<BytesPerEdit> {
  const address = await server.createMesa('Mesa de escritura');
  // A second connection to the live file: WAL lets it read while the server writes.
  const storage = new SqliteStorage(server.databaseFile);
  try {
    const client = connectClient(address);
    let logged: number;
    try {
      const sentence = 'Nos comprometemos a revisar las rutas de transporte con los vecinos cada mes. ';
      await client.synced;
      // A new room's log already holds what the server wrote when it loaded it (the schema version's stamp).
      const before = (await storage.loadDoc(address.room)).updates.length;
      const text = commitmentText(client.doc, 'commitment');
      for (let i = 0; i < EDITS; i++) {
        text.insert(text.length, sentence[i % sentence.length]!);
        await sleep(EDIT_INTERVAL_MS);
      }
      await waitFor(() => (client.stored() >= EDITS ? true : null));
      // Read while the client is still there: the last one out unloads the room, which compacts the log.
      const updates = (await storage.loadDoc(address.room)).updates.slice(before);
      if (updates.length !== EDITS) throw new Error(`expected ${EDITS} logged updates, found ${updates.length}`);
      logged = updates.reduce((sum, update) => sum + update.byteLength, 0);
    } finally {
      client.destroy();
    }
    const snapshot = await waitFor(async () => (await storage.loadDoc(address.room)).snapshot);
    return { edits: EDITS, logged: round(logged / EDITS), compacted: round(snapshot.byteLength / EDITS) };
  } finally {
    await storage.close();
  }
}

/** Polls `probe` until it returns something other than null. */
async function waitFor<T>(probe: () => T | null | Promise<T | null>): Promise<T> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`not settled after ${SETTLE_TIMEOUT_MS} ms`);
    await sleep(20);
  }
}

function round(bytes: number): number {
  return Math.round(bytes * 100) / 100;
}
