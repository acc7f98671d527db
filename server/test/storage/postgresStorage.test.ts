import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MIGRATIONS } from '../../src/storage/postgres/migrations';
import { PostgresStorage, TRY_COMPACTION_LOCK } from '../../src/storage/postgres/PostgresStorage';
import { createTestSchema, withClient, type TestSchema } from '../support/postgres';
import { planStorageContract } from './planStorageContract';
import { storageContract, type StorageFactory } from './storageContract';

// One schema for the contract's tests, migrated once and emptied after each.
let shared: TestSchema;
beforeAll(async () => {
  shared = await createTestSchema();
  await (await PostgresStorage.open(shared.url, { max: 1 })).close();
});
afterAll(() => shared?.drop());

const postgres: StorageFactory = {
  create: () => PostgresStorage.open(shared.url, { max: 4 }),
  async reopen(storage) {
    await storage.close();
    return PostgresStorage.open(shared.url, { max: 4 });
  },
  another: () => PostgresStorage.open(shared.url, { max: 4 }),
  dispose: () => shared.empty(),
};
storageContract('PostgreSQL', postgres);
planStorageContract('PostgreSQL', postgres);

describe('PostgreSQL storage', () => {
  let schema: TestSchema;
  const opened: PostgresStorage[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
    await schema.drop();
  });

  it('processes that start at once on an empty database migrate it once', async () => {
    schema = await createTestSchema();
    opened.push(...(await Promise.all([1, 2, 3].map(() => PostgresStorage.open(schema.url, { max: 2 })))));
    const versions = await withClient(schema.url, (client) => client.query('SELECT version FROM schema_migrations'));
    expect(versions.rows.map((row: { version: number }) => row.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('a compaction leaves the log alone while another process compacts the same room', async () => {
    schema = await createTestSchema();
    const storage = await PostgresStorage.open(schema.url, { max: 2 });
    opened.push(storage);
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'hola');
    const seq = await storage.appendUpdate('r', Y.encodeStateAsUpdate(doc));
    await withClient(schema.url, async (other) => {
      // Another process, midway through compacting room r.
      await other.query('BEGIN');
      expect((await other.query(TRY_COMPACTION_LOCK, ['r'])).rows[0]).toEqual({ locked: true });
      await storage.compact('r', Y.encodeStateAsUpdate(doc), seq);
      expect(await storage.loadDoc('r')).toMatchObject({ snapshot: null, updates: [expect.any(Uint8Array)] });
      // Other rooms compact meanwhile.
      const s = await storage.appendUpdate('otra', Y.encodeStateAsUpdate(doc));
      await storage.compact('otra', Y.encodeStateAsUpdate(doc), s);
      expect((await storage.loadDoc('otra')).updates).toEqual([]);
      await other.query('COMMIT');
    });
    await storage.compact('r', Y.encodeStateAsUpdate(doc), seq);
    expect(await storage.loadDoc('r')).toMatchObject({ updates: [], lastSeq: seq });
  });
});
