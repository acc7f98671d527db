import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import commitmentV1 from '@cocrea/shared/fixtures/commitmentV1';
import type { Mesa } from '@cocrea/shared';
import { PostgresStorage } from '../../src/storage/postgres/PostgresStorage';
import { SqliteStorage } from '../../src/storage/sqlite/SqliteStorage';
import type { Storage } from '../../src/storage/Storage';
import { createTestSchema, withClient, type TestSchema } from '../support/postgres';

const mesa: Mesa = {
  id: 'mesaInfoem000001',
  title: 'Mesa de cultura de gobierno abierto',
  theme: 'cultura-de-gobierno-abierto',
  date: '2025-01-01',
  createdAt: '2025-01-01T00:00:00.000Z',
  closedAt: null,
  kind: 'mesa',
  phase: null,
};

/** The columns of a saved version row, as the code before commitment identities wrote one (schema version 1). */
const V1_ROW = [
  mesa.id,
  1,
  '2025-01-01T15:00:00.000Z',
  '{"status":"finished","number":7,"name":"Formulación definitiva del compromiso"}',
  'a'.repeat(64),
  1,
  JSON.stringify({ ...commitmentV1, mesaId: mesa.id }),
] as const;

/** What every backend must answer for that row: titled after its mesa, a mesa's, led by its first servant's institution. */
async function expectMigrated(storage: Storage): Promise<void> {
  const version = await storage.getCommitmentVersion(mesa.id, 1);
  expect(version?.commitment).toMatchObject({
    title: mesa.title,
    type: 'mesa',
    leadInstitution: 'Infoem',
    commitment: commitmentV1.commitment,
  });
  // The stored row is read, not rewritten: its hash is still the one it was saved with.
  expect(version?.contentHash).toBe('a'.repeat(64));
}

describe('a version saved before commitments had an identity', () => {
  let cleanup: () => Promise<void> = async () => {};
  afterEach(() => cleanup());

  it('reads from SQLite titled after its mesa', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cocrea-commitment-v1-'));
    const file = join(dir, 'db.sqlite');
    await new SqliteStorage(file).close();
    const db = new Database(file);
    db.prepare('INSERT INTO mesas (id, title, theme, date, created_at) VALUES (?, ?, ?, ?, ?)').run(
      mesa.id,
      mesa.title,
      mesa.theme,
      mesa.date,
      mesa.createdAt,
    );
    db.prepare(
      `INSERT INTO commitment_versions (mesa_id, number, saved_at, stage, content_hash, schema_version, content)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(...V1_ROW);
    db.close();
    const storage = new SqliteStorage(file);
    cleanup = async () => {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    };
    await expectMigrated(storage);
  });

  it('reads from PostgreSQL titled after its mesa', async () => {
    const schema: TestSchema = await createTestSchema();
    const storage = await PostgresStorage.open(schema.url, { max: 1 });
    cleanup = async () => {
      await storage.close();
      await schema.drop();
    };
    await storage.createMesa(mesa, []);
    await withClient(schema.url, (client) =>
      client.query(
        `INSERT INTO commitment_versions (mesa_id, number, saved_at, stage, content_hash, schema_version, content)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [...V1_ROW],
      ),
    );
    await expectMigrated(storage);
  });
});
