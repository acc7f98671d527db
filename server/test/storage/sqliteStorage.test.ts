import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/storage/sqlite/migrations';
import { SqliteStorage, migrate } from '../../src/storage/sqlite/SqliteStorage';
import { storageContract } from './storageContract';

let dir = '';
storageContract('SQLite', {
  async create() {
    dir = mkdtempSync(join(tmpdir(), 'cocrea-sqlite-'));
    return new SqliteStorage(join(dir, 'db.sqlite'));
  },
  async reopen(storage) {
    await storage.close();
    return new SqliteStorage(join(dir, 'db.sqlite'));
  },
  async dispose() {
    rmSync(dir, { recursive: true, force: true });
  },
});

describe('SQLite migrations', () => {
  it('bring a database written by the first schema to the newest, keeping its rows', () => {
    const d = mkdtempSync(join(tmpdir(), 'cocrea-migrate-'));
    const file = join(d, 'old.sqlite');
    // The fixture: a database as version 1 of the schema left it.
    const old = new Database(file);
    old.exec(MIGRATIONS[0]!);
    old.pragma('user_version = 1');
    old.prepare("INSERT INTO mesas VALUES ('m1', 'Antigua', 'seguridad', '2025-01-01', '2025-01-01T00:00:00Z')").run();
    old.close();
    const db = new Database(file);
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.prepare('SELECT title FROM mesas').pluck().get()).toBe('Antigua');
    db.close();
    rmSync(d, { recursive: true, force: true });
  });

  it('runs in WAL mode with a busy timeout', async () => {
    const d = mkdtempSync(join(tmpdir(), 'cocrea-wal-'));
    const storage = new SqliteStorage(join(d, 'db.sqlite'));
    await storage.close();
    const db = new Database(join(d, 'db.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    rmSync(d, { recursive: true, force: true });
  });
});
