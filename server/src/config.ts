import { join, resolve } from 'node:path';
import { parseTrustProxy, type TrustProxy } from './http/clientAddress';
import { REPO_ROOT } from './repoRoot';
import { makeDataDirOwnerOnly } from './storage/ownerOnly';

/** Everything the server reads from its environment, read once. */
export interface Config {
  port: number;
  host: string | undefined;
  dataDir: string;
  adminToken: string | undefined;
  publicUrl: string | undefined;
  allowedOrigins: string[];
  clientDir: string;
  sqliteSynchronous: 'NORMAL' | 'FULL';
  /** Redis between several instances (`redis://host:6379`); unset, the server is one process. */
  redisUrl: string | undefined;
  /** Prefix of every Redis key and channel: deployments (or test files) sharing one Redis stay apart. */
  redisPrefix: string;
  /** `COCREA_DATABASE_URL`: PostgreSQL instead of the SQLite file in `dataDir`, for several server processes. */
  databaseUrl: string | undefined;
  /** Which proxies' `X-Forwarded-For` names the client (`COCREA_TRUST_PROXY`); none by default. */
  trustProxy: TrustProxy;
}

/** A `postgres://` or `postgresql://` URL, or undefined when unset; anything else is refused at start. */
function readDatabaseUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!/^postgres(ql)?:\/\//.test(value)) {
    throw new Error(
      'COCREA_DATABASE_URL inválida: debe empezar con postgres:// (p. ej. postgres://usuario@host:5432/cocrea)',
    );
  }
  return value;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT inválido: ${env.PORT}`);
  // The repository's `data/`, wherever the server was started from (`npm start` runs it from `server/`).
  const dataDir = resolve(env.COCREA_DATA_DIR ?? join(REPO_ROOT, 'data'));
  makeDataDirOwnerOnly(dataDir);
  return {
    port,
    host: env.HOST || undefined,
    dataDir,
    adminToken: env.COCREA_ADMIN_TOKEN || undefined,
    publicUrl: env.COCREA_PUBLIC_URL?.replace(/\/+$/, '') || undefined,
    allowedOrigins: (env.COCREA_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    clientDir: resolve(env.COCREA_CLIENT_DIR ?? join(REPO_ROOT, 'client', 'dist')),
    sqliteSynchronous: env.COCREA_SQLITE_SYNC === 'FULL' ? 'FULL' : 'NORMAL',
    redisUrl: env.COCREA_REDIS_URL || undefined,
    redisPrefix: env.COCREA_REDIS_PREFIX || 'cocrea:',
    databaseUrl: readDatabaseUrl(env.COCREA_DATABASE_URL),
    trustProxy: parseTrustProxy(env.COCREA_TRUST_PROXY),
  };
}
