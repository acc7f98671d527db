import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { seed004Commitment } from '@cocrea/shared/fixtures/seed004';
import { MIGRATIONS } from '../../src/storage/sqlite/migrations';
import { SqliteStorage } from '../../src/storage/sqlite/SqliteStorage';

it('versions and members stored before the review migrations read as drafts and as STL members', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cocrea-review-migration-'));
  const file = join(dir, 'old.sqlite');
  // The fixture: a database as version 6 of the schema left it, with a saved version and a member.
  const old = new Database(file);
  for (const migration of MIGRATIONS.slice(0, 6)) old.exec(migration);
  old.pragma('user_version = 6');
  const mesaId = 'mesaAntigua00001';
  old
    .prepare("INSERT INTO mesas VALUES (?, 'Antigua', 'seguridad', '2025-01-01', '2025-01-01T00:00:00Z', NULL)")
    .run(mesaId);
  old
    .prepare(
      `INSERT INTO commitment_versions VALUES (?, 1, '2025-01-01T15:00:00Z',
         '{"status":"finished","number":7,"name":"Formulación definitiva del compromiso"}', ?, 1, ?)`,
    )
    .run(mesaId, 'a'.repeat(64), JSON.stringify({ ...seed004Commitment, mesaId }));
  old
    .prepare("INSERT INTO stl_members VALUES ('m1', 'ana@infoem.org.mx', 'Ana', 'scrypt$h', '2025-01-01T00:00:00Z')")
    .run();
  old.close();

  const storage = new SqliteStorage(file);
  expect((await storage.getCommitmentVersion(mesaId, 1))?.status).toBe('borrador');
  expect((await storage.listReviewVersions({})).map((v) => [v.mesaTitle, v.status])).toEqual([['Antigua', 'borrador']]);
  expect((await storage.findMemberByEmail('ana@infoem.org.mx'))?.role).toBe('stl');
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
});
