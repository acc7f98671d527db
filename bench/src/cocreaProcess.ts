import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnNode, stopChild } from './childProcesses';
import { readyLine } from './readyLine';

const serverDir = fileURLToPath(new URL('../../server/', import.meta.url));

/** What `POST /api/mesas` answers, as far as the benchmarks read it. */
export interface CreatedMesa {
  mesa: { id: string };
  links: { participant: string };
  tokens: { participant: string; facilitator: string };
}

/** A Cocrea server in a process of its own, over a fresh data folder. */
export interface CocreaProcess {
  pid: number | undefined;
  port: number;
  baseUrl: string;
  /** The SQLite file the server writes. */
  databaseFile: string;
  /** The STL's admin token, for calls the STL's scripts make (the review of versions, say). */
  adminToken: string;
  /** Creates a mesa through the REST API with the admin token, as the STL would. */
  createMesa(title: string): Promise<CreatedMesa>;
  stop(): Promise<void>;
}

/** Bundles the server once per run, as `npm start` does, so that no benchmark measures a stale bundle. */
let bundled = false;
function bundleServer(): void {
  if (bundled) return;
  execFileSync(process.execPath, ['build.mjs'], { cwd: serverDir, stdio: 'inherit' });
  bundled = true;
}

export interface CocreaProcessOptions {
  /** Serve this build of the client. */
  clientDir?: string;
  /** `COCREA_DATABASE_URL`: PostgreSQL instead of the data folder's SQLite file. */
  databaseUrl?: string;
  /** `COCREA_REDIS_URL` and `COCREA_REDIS_PREFIX`: one of several instances serving the same mesas. */
  redis?: { url: string; prefix: string };
  /** Instances of one deployment share their admin token; a fresh one otherwise. */
  adminToken?: string;
}

/**
 * Starts the server exactly as `npm start` runs it (`node dist/main.mjs`), over a fresh data folder that `stop()`
 * removes; with `clientDir`, serving that build of the client. Every benchmark measures the server through this one
 * door.
 */
export async function startCocreaProcess(options: CocreaProcessOptions = {}): Promise<CocreaProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cocrea-bench-'));
  const adminToken = options.adminToken ?? randomBytes(24).toString('base64url');
  bundleServer();
  const child = spawnNode(['dist/main.mjs'], {
    cwd: serverDir,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      COCREA_DATA_DIR: dataDir,
      COCREA_ADMIN_TOKEN: adminToken,
      ...(options.clientDir === undefined ? {} : { COCREA_CLIENT_DIR: options.clientDir }),
      COCREA_DATABASE_URL: options.databaseUrl ?? '',
      COCREA_REDIS_URL: options.redis?.url ?? '',
      COCREA_REDIS_PREFIX: options.redis?.prefix ?? '',
      // The default: the benchmark measures what ships, whatever the caller's environment says.
      COCREA_SQLITE_SYNC: 'NORMAL',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let port: number;
  try {
    port = Number((await readyLine(child, /escuchando en http:\/\/localhost:(\d+)/))[1]);
  } catch (error) {
    await stopChild(child);
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    pid: child.pid,
    port,
    baseUrl,
    databaseFile: join(dataDir, 'cocrea.sqlite'),
    adminToken,
    async createMesa(title) {
      const res = await fetch(`${baseUrl}/api/mesas`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
        body: JSON.stringify({ title, theme: 'movilidad', date: '2026-11-21' }),
      });
      if (res.status !== 201) throw new Error(`POST /api/mesas: ${res.status} ${await res.text()}`);
      return (await res.json()) as CreatedMesa;
    },
    async stop() {
      await stopChild(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
