import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/storage/sqlite/migrations';
import { SqliteStorage } from '../../src/storage/sqlite/SqliteStorage';

it('progress recorded before evidence had titles and files reads as links with an empty title', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cocrea-evidence-migration-'));
  const file = join(dir, 'old.sqlite');
  // The fixture: a database as version 17 of the schema left it, with progress whose evidence is bare URLs.
  const old = new Database(file);
  for (const migration of MIGRATIONS.slice(0, 17)) old.exec(migration);
  old.pragma('user_version = 17');
  const mesaId = 'mesaAntigua00001';
  old
    .prepare(
      "INSERT INTO mesas (id, title, theme, date, created_at) VALUES (?, 'Antigua', 'seguridad', '2025-01-01', '2025')",
    )
    .run(mesaId);
  old
    .prepare(
      `INSERT INTO activity_progress (mesa_id, activity_id, level, evidence, note, member_id, recorded_at)
       VALUES (?, 'la1-a1', 'limitado', '["https://infoem.org.mx/minuta.pdf"]', '', NULL, '2025-02-01T00:00:00Z')`,
    )
    .run(mesaId);
  old.close();

  const storage = new SqliteStorage(file);
  expect((await storage.listActivityProgress(mesaId))[0]?.evidence).toEqual([
    { kind: 'link', title: '', url: 'https://infoem.org.mx/minuta.pdf' },
  ]);
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
});
