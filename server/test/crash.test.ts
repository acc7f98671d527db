import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectStockClient, whenSynced } from './support/clients';
import { createTestSchema, type TestSchema } from './support/postgres';

const serverDir = fileURLToPath(new URL('..', import.meta.url));
const ADMIN = 'token-de-prueba-para-el-choque';

interface Child {
  process: ChildProcess;
  port: number;
}

// The bundle `npm start` runs, built from the sources under test.
beforeAll(() => {
  execFileSync(process.execPath, ['build.mjs'], { cwd: serverDir, stdio: 'inherit' });
});

/** Starts the server as its own process, exactly as `npm start` runs it, and waits for its port. */
function startServerProcess(dataDir: string, env: Record<string, string> = {}): Promise<Child> {
  const child = spawn(process.execPath, ['dist/main.mjs'], {
    cwd: serverDir,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', COCREA_DATA_DIR: dataDir, COCREA_ADMIN_TOKEN: ADMIN, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /localhost:(\d+)/.exec(out);
      if (match) resolve({ process: child, port: Number(match[1]) });
    });
    child.once('exit', (code) => reject(new Error(`server exited early with ${code}: ${out}`)));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

const children: ChildProcess[] = [];
let dataDir = '';
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function createMesa(port: number): Promise<{ id: string; token: string }> {
  const res = await fetch(`http://127.0.0.1:${port}/api/mesas`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
    body: JSON.stringify({ title: 'Mesa que se cae', theme: 'seguridad', date: '2026-11-21' }),
  });
  const body = (await res.json()) as { mesa: { id: string }; tokens: { participant: string } };
  return { id: body.mesa.id, token: body.tokens.participant };
}

/**
 * Streams edits, kills the server with SIGKILL, starts it again (with `env`) and looks for every acknowledged one.
 * `maxUnacknowledged` paces the stream as a browser would a slow server: a store across a network commits each
 * update of a room after the one before (tens a second on a busy machine), and a flood would only run the socket
 * out of its rate limit before enough is stored.
 */
async function everyAcknowledgedEditSurvivesSigkill(
  env: Record<string, string> = {},
  maxUnacknowledged = Infinity,
): Promise<void> {
  dataDir = mkdtempSync(join(tmpdir(), 'cocrea-crash-'));
  const first = await startServerProcess(dataDir, env);
  children.push(first.process);
  const mesa = await createMesa(first.port);
  const writer = connectStockClient(`ws://127.0.0.1:${first.port}/sync`, mesa.id, mesa.token);
  await whenSynced(writer);

  // Each push goes out as its own update frame; remember which frame carried which edit.
  const frameOf: number[] = [];
  const list = writer.doc.getArray<number>('edits');
  let i = 0;
  const stream = setInterval(() => {
    for (let k = 0; k < 5 && writer.sent() - writer.stored() < maxUnacknowledged; k++) {
      list.push([i]);
      frameOf[i] = writer.sent();
      i++;
    }
  }, 5);
  // Read when the socket closes: the client's next socket, once it tries to reconnect, counts from zero again.
  const storedAtClose = new Promise<number>((resolve) => {
    writer.provider.once('connection-close', () => {
      clearInterval(stream);
      resolve(writer.stored());
    });
  });
  // The edits whose frame is among the first `stored` frames (the count also includes the sync frames before them).
  const acknowledgedOf = (stored: number) => frameOf.flatMap((frame, edit) => (frame <= stored ? [edit] : []));
  await vi.waitFor(() => expect(acknowledgedOf(writer.stored()).length).toBeGreaterThan(200), { timeout: 20_000 });
  const gone = exited(first.process);
  first.process.kill('SIGKILL');
  await gone;
  const stored = await storedAtClose;
  const acknowledged = acknowledgedOf(stored);
  writer.destroy();
  expect(acknowledged.length).toBeGreaterThan(200);

  const second = await startServerProcess(dataDir, env);
  children.push(second.process);
  const reader = connectStockClient(`ws://127.0.0.1:${second.port}/sync`, mesa.id, mesa.token);
  await whenSynced(reader);
  const kept = new Set(reader.doc.getArray<number>('edits').toArray());
  const lost = acknowledged.filter((edit) => !kept.has(edit));
  expect(lost).toEqual([]);
  reader.destroy();
}

describe('durability', () => {
  it('every edit acknowledged as stored survives a SIGKILL of the server', () =>
    everyAcknowledgedEditSurvivesSigkill());

  it('SIGTERM stores everything and exits cleanly', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cocrea-term-'));
    const first = await startServerProcess(dataDir);
    children.push(first.process);
    const mesa = await createMesa(first.port);
    const writer = connectStockClient(`ws://127.0.0.1:${first.port}/sync`, mesa.id, mesa.token);
    await whenSynced(writer);
    writer.doc.getText('t').insert(0, 'guardado al cerrar');
    await vi.waitFor(() => expect(writer.stored()).toBe(writer.sent()));
    const code = exited(first.process);
    first.process.kill('SIGTERM');
    expect(await code).toBe(0);
    writer.destroy();

    const second = await startServerProcess(dataDir);
    children.push(second.process);
    const reader = connectStockClient(`ws://127.0.0.1:${second.port}/sync`, mesa.id, mesa.token);
    await whenSynced(reader);
    expect(reader.doc.getText('t').toString()).toBe('guardado al cerrar');
    reader.destroy();
  });
});

describe('durability over PostgreSQL', () => {
  let schema: TestSchema | undefined;
  afterEach(async () => {
    // The servers go before their schema does.
    await Promise.all(
      children.splice(0).map((c) => {
        const gone = exited(c);
        c.kill('SIGKILL');
        return c.exitCode === null && c.signalCode === null ? gone : undefined;
      }),
    );
    await schema?.drop();
  });

  it('every edit acknowledged as stored survives a SIGKILL of the server', async () => {
    schema = await createTestSchema();
    await everyAcknowledgedEditSurvivesSigkill({ COCREA_DATABASE_URL: schema.url }, 20);
  });
});
