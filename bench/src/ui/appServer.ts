import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCocreaProcess } from '../cocreaProcess';

const root = fileURLToPath(new URL('../../../', import.meta.url));
export const clientDist = join(root, 'client', 'dist');

export interface UiMesa {
  id: string;
  /** The participant link, as the STL hands it out; opening it asks for name, sector and organisation. */
  participantLink: string;
  /** Sync address for a Node-side client with the participant's capability (no seat: anonymous, like a script). */
  syncUrl: string;
  participantToken: string;
  /** The facilitator's capability, for saving versions of the commitment as "Guardar compromiso" does. */
  facilitatorToken: string;
}

export interface AppServer {
  baseUrl: string;
  /** The STL's admin token (see `cocreaProcess.ts`). */
  adminToken: string;
  createMesa(title: string): Promise<UiMesa>;
  stop(): Promise<void>;
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

/** The app as a browser meets it after `npm start`: the server, serving the client built in `clientDir`. */
export async function startAppServer(clientDir = clientDist): Promise<AppServer> {
  if (!existsSync(join(clientDir, 'index.html'))) {
    throw new Error(
      `ui bench: no built client at ${clientDir}; run \`npx pnpm@10.34.8 run build\` (or \`npx vite build\` in client/) first`,
    );
  }
  const server = await startCocreaProcess({ clientDir });
  return {
    baseUrl: server.baseUrl,
    adminToken: server.adminToken,
    async createMesa(title) {
      const { mesa, links, tokens } = await server.createMesa(title);
      return {
        id: mesa.id,
        participantLink: links.participant,
        syncUrl: `ws://127.0.0.1:${server.port}/sync`,
        participantToken: tokens.participant,
        facilitatorToken: tokens.facilitator,
      };
    },
    stop: () => server.stop(),
  };
}
