import { closeSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/storage/sqlite/migrations';
import { SqliteStorage, migrate } from '../../src/storage/sqlite/SqliteStorage';
import { planStorageContract } from './planStorageContract';
import { storageContract, type StorageFactory } from './storageContract';

let dir = '';
const sqlite: StorageFactory = {
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
};
storageContract('SQLite', sqlite);
planStorageContract('SQLite', sqlite);

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

  it('carries the update log into migration 10 and never reuses a number that compaction deleted', async () => {
    const d = mkdtempSync(join(tmpdir(), 'cocrea-migrate-log-'));
    const file = join(d, 'db.sqlite');
    const old = new Database(file);
    MIGRATIONS.slice(0, 9).forEach((sql, i) => {
      old.exec(sql);
      old.pragma(`user_version = ${i + 1}`);
    });
    const append = old.prepare('INSERT INTO doc_updates (room, data) VALUES (?, ?)');
    for (const [room, byte] of [
      ['a', 1],
      ['b', 2],
      ['a', 3],
      ['b', 4],
      ['b', 5],
    ] as const) {
      append.run(room, Buffer.from([byte]));
    }
    // Room b compacted up to its newest update, the log's newest: only AUTOINCREMENT remembered number 5.
    old.prepare("INSERT INTO doc_snapshots VALUES ('b', ?, 5)").run(Buffer.from([9]));
    old.prepare("DELETE FROM doc_updates WHERE room = 'b'").run();
    old.close();

    const storage = new SqliteStorage(file);
    expect(await storage.loadDoc('a')).toEqual({
      snapshot: null,
      updates: [new Uint8Array([1]), new Uint8Array([3])],
      lastSeq: 3,
    });
    expect(await storage.appendUpdate('b', new Uint8Array([6]))).toBe(6);
    expect(await storage.loadDoc('b')).toEqual({
      snapshot: new Uint8Array([9]),
      updates: [new Uint8Array([6])],
      lastSeq: 6,
    });
    await storage.close();
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

  /** The WAL header's checkpoint sequence number (bytes 12–15), which changes each time the WAL is rewound. */
  function walSequence(file: string): number {
    const header = Buffer.alloc(32);
    const fd = openSync(`${file}-wal`, 'r');
    readSync(fd, header, 0, header.length, 0);
    closeSync(fd);
    return header.readUInt32BE(12);
  }

  it('keeps rewinding the WAL to its start while commits never pause', async () => {
    const d = mkdtempSync(join(tmpdir(), 'cocrea-wal-'));
    const file = join(d, 'db.sqlite');
    const storage = new SqliteStorage(file);
    const update = new Uint8Array(100).fill(7);
    const sequences = new Set<number>();
    // 12 000 commits, ~13 000 frames: below the 16 384 pages at which SQLite would checkpoint inside a commit, so
    // only the storage's own checkpoints can rewind the WAL. A pause each ten lets the checkpointer answer.
    for (let n = 0; n < 1200; n++) {
      for (let i = 0; i < 10; i++) storage.appendUpdate(`sala-${(n * 10 + i) % 50}`, update);
      sequences.add(walSequence(file));
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await storage.close();
    rmSync(d, { recursive: true, force: true });
    expect(sequences.size).toBeGreaterThanOrEqual(3);
  });

  it('leaves a short WAL alone, so that no commit of a quiet room waits to rewind it', async () => {
    const d = mkdtempSync(join(tmpdir(), 'cocrea-wal-'));
    const file = join(d, 'db.sqlite');
    const storage = new SqliteStorage(file);
    const update = new Uint8Array(100).fill(7);
    // A pair editing for a while: a few commits a second.
    storage.appendUpdate('sala', update);
    const before = walSequence(file);
    for (let i = 0; i < 8; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      storage.appendUpdate('sala', update);
    }
    const after = walSequence(file);
    await storage.close();
    rmSync(d, { recursive: true, force: true });
    expect(after).toBe(before);
  });
});
