import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/auth/tokens';
import { MIGRATIONS as POSTGRES_MIGRATIONS } from '../../src/storage/postgres/migrations';
import { PostgresStorage } from '../../src/storage/postgres/PostgresStorage';
import { MIGRATIONS as SQLITE_MIGRATIONS } from '../../src/storage/sqlite/migrations';
import { SqliteStorage } from '../../src/storage/sqlite/SqliteStorage';
import type { Storage } from '../../src/storage/Storage';
import { createTestSchema, withClient, type TestSchema } from '../support/postgres';

/**
 * Mesas made before plans existed move into one plan, on a database whose schema is the one the code had before
 * plans (SQLite's migrations 1–14, PostgreSQL's 1), filled with the rows that code wrote.
 */

/** Rows as the code before plans wrote them: two mesas of two years, a link each, a join. */
const BEFORE_PLANS = [
  `INSERT INTO mesas (id, title, theme, date, created_at, closed_at) VALUES
     ('mesaMovilidad001', 'Movilidad', 'movilidad', '2025-12-16', '2025-11-01T10:00:00.000Z', NULL),
     ('mesaSeguridad001', 'Seguridad', 'seguridad', '2026-03-02', '2026-02-01T10:00:00.000Z', NULL)`,
  `INSERT INTO participants (id, mesa_id, role, name, sector, organization, color, seat_hash, joined_at) VALUES
     ('p1', 'mesaMovilidad001', 'participant', 'Ana', 'academia', 'UAEMéx', '#1f77b4', $seat, '2025-12-16T10:00:00Z')`,
];

async function expectMovedIntoOnePlan(storage: Storage): Promise<void> {
  const plans = await storage.listPlans();
  expect(plans).toHaveLength(1);
  const [plan] = plans;
  expect(plan).toMatchObject({
    title: 'Plan de Acción Local',
    period: '2025–2026',
    entity: 'Estado de México',
    createdAt: '2025-11-01T10:00:00.000Z',
  });
  expect(plan!.id).toMatch(/^[A-Za-z0-9_-]{16}$/);
  expect(plan!.privacyNotice).toContain('Aviso de privacidad');
  expect((await storage.listPlanMesas(plan!.id)).map((m) => m.title)).toEqual(['Seguridad', 'Movilidad']);
  // What the mesas held still works: their links and the join.
  expect(await storage.findRole('mesaMovilidad001', hashToken('enlace-f'))).toBe('facilitator');
  expect((await storage.findParticipant('mesaMovilidad001', hashToken('asiento')))?.name).toBe('Ana');
  await storage.replaceCapability('mesaMovilidad001', { role: 'facilitator', tokenHash: hashToken('nuevo') });
  expect(await storage.findRole('mesaMovilidad001', hashToken('enlace-f'))).toBeNull();
}

describe('the plan migration', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('SQLite: the mesas of a database made before plans move into one plan spanning their years', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cocrea-plan-migration-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'old.sqlite');
    const old = new Database(file);
    SQLITE_MIGRATIONS.slice(0, 14).forEach((sql, i) => {
      old.exec(sql);
      old.pragma(`user_version = ${i + 1}`);
    });
    old.prepare(BEFORE_PLANS[0]!).run();
    old.prepare(BEFORE_PLANS[1]!.replace('$seat', '?')).run(hashToken('asiento'));
    old.prepare("INSERT INTO capabilities VALUES (?, 'mesaMovilidad001', 'facilitator')").run(hashToken('enlace-f'));
    old.close();
    const storage = new SqliteStorage(file);
    cleanups.push(() => storage.close());
    await expectMovedIntoOnePlan(storage);
  });

  it('SQLite: a database with no mesas gets no plan', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cocrea-plan-migration-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const storage = new SqliteStorage(join(dir, 'new.sqlite'));
    cleanups.push(() => storage.close());
    expect(await storage.listPlans()).toEqual([]);
  });

  it('PostgreSQL: the mesas of a database made before plans move into one plan spanning their years', async () => {
    const schema: TestSchema = await createTestSchema();
    cleanups.push(() => schema.drop());
    await withClient(schema.url, async (client) => {
      await client.query('CREATE TABLE schema_migrations (version integer PRIMARY KEY)');
      await client.query(POSTGRES_MIGRATIONS[0]!);
      await client.query('INSERT INTO schema_migrations VALUES (1)');
      await client.query(BEFORE_PLANS[0]!);
      await client.query(BEFORE_PLANS[1]!.replace('$seat', '$1'), [hashToken('asiento')]);
      await client.query("INSERT INTO capabilities VALUES ($1, 'mesaMovilidad001', 'facilitator')", [
        hashToken('enlace-f'),
      ]);
    });
    const storage = await PostgresStorage.open(schema.url, { max: 2 });
    cleanups.push(() => storage.close());
    await expectMovedIntoOnePlan(storage);
  });
});
