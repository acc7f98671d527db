import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnTs, stopChild } from '../childProcesses';

const root = fileURLToPath(new URL('../../../', import.meta.url));
export const clientDist = join(root, 'client', 'dist');

export interface UiMesa {
  id: string;
  /** The participant link, as the STL hands it out; opening it asks for name, sector and organisation. */
  participantLink: string;
  /** Sync address for a Node-side client with the participant's capability (no seat: anonymous, like a script). */
  syncUrl: string;
  participantToken: string;
}

export interface AppServer {
  baseUrl: string;
  createMesa(title: string): Promise<UiMesa>;
  stop(): Promise<void>;
}

interface CreatedMesa {
  mesa: { id: string };
  links: { participant: string };
  tokens: { participant: string };
}

/** Builds the client (`vite build` in client/) when client/dist has no index.html; the benchmark measures what ships. */
export function ensureBuiltClient(): void {
  if (existsSync(join(clientDist, 'index.html'))) return;
  console.log('ui: client/dist is missing; building the client…');
  const vite = join(root, 'client', 'node_modules', 'vite', 'bin', 'vite.js');
  const build = spawnSync(process.execPath, [vite, 'build'], { cwd: join(root, 'client'), stdio: 'inherit' });
  if (build.status !== 0 || !existsSync(join(clientDist, 'index.html'))) {
    throw new Error('ui bench: building the client failed; run `npx pnpm@10.34.8 run build` and look at its output');
  }
}

/**
 * Starts `server/src/main.ts` as its own process, serving the built client, over a fresh data folder: the same
 * server a browser meets after `npm start`. Throws with the command to run when the client is not built.
 */
export async function startAppServer(clientDir = clientDist): Promise<AppServer> {
  if (!existsSync(join(clientDir, 'index.html'))) {
    throw new Error(
      `ui bench: no built client at ${clientDir}; run \`npx pnpm@10.34.8 run build\` (or \`npx vite build\` in client/) first`,
    );
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'cocrea-ui-bench-'));
  const adminToken = randomBytes(24).toString('base64url');
  const child = spawnTs('src/main.ts', {
    cwd: join(root, 'server'),
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      COCREA_DATA_DIR: dataDir,
      COCREA_ADMIN_TOKEN: adminToken,
      COCREA_CLIENT_DIR: clientDir,
      COCREA_SQLITE_SYNC: 'NORMAL',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let port: number;
  try {
    port = await announcedPort(child.stdout!);
  } catch (error) {
    await stopChild(child);
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    async createMesa(title) {
      const res = await fetch(`${baseUrl}/api/mesas`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
        body: JSON.stringify({ title, theme: 'movilidad', date: '2026-11-21' }),
      });
      if (res.status !== 201) throw new Error(`POST /api/mesas: ${res.status} ${await res.text()}`);
      const { mesa, links, tokens } = (await res.json()) as CreatedMesa;
      return {
        id: mesa.id,
        participantLink: links.participant,
        syncUrl: `ws://127.0.0.1:${port}/sync`,
        participantToken: tokens.participant,
      };
    },
    async stop() {
      await stopChild(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The port from the server's "escuchando en http://localhost:<port>" line; keeps draining stdout afterwards. */
function announcedPort(stdout: NodeJS.ReadableStream, timeoutMs = 30_000): Promise<number> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`ui bench: the server announced no port: ${seen}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /localhost:(\d+)/.exec(seen);
      if (!match) return;
      clearTimeout(timer);
      stdout.off('data', onData);
      stdout.resume();
      resolve(Number(match[1]));
    };
    stdout.on('data', onData);
    stdout.once('end', () => reject(new Error(`ui bench: the server exited before listening: ${seen}`)));
  });
}
