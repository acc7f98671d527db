import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';
import { connectStockClient, whenSynced } from './support/clients';
import { startTestServer, type TestServer } from './support/testServer';
import { waitFor } from './support/waitFor';

const dirs: string[] = [];
let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function mode(path: string): string {
  return (statSync(path).mode & 0o777).toString(8);
}

/** A data folder as an install made before the rule left it: world-readable folder, database, WAL and token. */
function oldInstall(): { dir: string; db: Database.Database } {
  const dir = mkdtempSync(join(tmpdir(), 'cocrea-old-'));
  dirs.push(dir);
  chmodSync(dir, 0o755);
  const file = join(dir, 'cocrea.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE antes (x)');
  writeFileSync(join(dir, 'admin-token'), 'viejo\n', { mode: 0o644 });
  chmodSync(join(dir, 'admin-token'), 0o644);
  for (const f of [file, `${file}-wal`, `${file}-shm`]) chmodSync(f, 0o644);
  // Left open (closed by the test), as a crash would leave it: the WAL and shared-memory files stay on disk.
  return { dir, db };
}

/** Writes through the whole server: a mesa over REST, an edit over a sync socket, so the WAL has frames. */
async function writeThroughServer(server: TestServer): Promise<void> {
  const mesa = await server.createMesa();
  const client = connectStockClient(server.wsUrl, mesa.mesa.id, mesa.tokens.participant);
  try {
    await whenSynced(client);
    client.doc.getText('t').insert(0, 'datos personales');
    await waitFor(() => expect(client.stored()).toBeGreaterThan(1));
  } finally {
    client.destroy();
  }
}

describe('the data folder and every file in it are the server account’s alone', () => {
  it('a fresh install writes its database, WAL and shared memory 0600', async () => {
    expect(process.umask()).toBe(0o022); // What makes SQLite's own default 0644; a stricter umask proves nothing.
    const dir = mkdtempSync(join(tmpdir(), 'cocrea-fresh-'));
    dirs.push(dir);
    t = await startTestServer(readConfig({ COCREA_DATA_DIR: join(dir, 'datos') }).dataDir);
    await writeThroughServer(t);
    const file = join(t.dataDir, 'cocrea.sqlite');
    expect(existsSync(`${file}-wal`)).toBe(true);
    expect(mode(t.dataDir)).toBe('700');
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect([f, mode(f)]).toEqual([f, '600']);
  });

  it('an older install is narrowed at start-up, before anything is written', async () => {
    const { dir, db } = oldInstall();
    const file = join(dir, 'cocrea.sqlite');
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect([f, mode(f)]).toEqual([f, '644']);
    const config = readConfig({ COCREA_DATA_DIR: dir });
    expect(mode(dir)).toBe('700');
    expect(mode(join(dir, 'admin-token'))).toBe('600');
    t = await startTestServer(config.dataDir);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect([f, mode(f)]).toEqual([f, '600']);
    db.close();
    await writeThroughServer(t);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect([f, mode(f)]).toEqual([f, '600']);
  });
});
