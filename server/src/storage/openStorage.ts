import { join } from 'node:path';
import type { Config } from '../config';
import { PostgresStorage } from './postgres/PostgresStorage';
import { SqliteStorage } from './sqlite/SqliteStorage';
import type { Storage } from './Storage';

/**
 * The storage the configuration names: PostgreSQL at `COCREA_DATABASE_URL` when it is set, else the SQLite file in
 * the data folder (what `npm start` uses, with no database server to run). `where` says which, without secrets.
 */
export async function openStorage(
  config: Pick<Config, 'dataDir' | 'databaseUrl' | 'sqliteSynchronous'>,
): Promise<{ storage: Storage; where: string }> {
  if (config.databaseUrl !== undefined) {
    const url = new URL(config.databaseUrl);
    const where = `PostgreSQL ${url.host}${url.pathname}`;
    try {
      return { storage: await PostgresStorage.open(config.databaseUrl), where };
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new Error(`No se pudo abrir ${where} (COCREA_DATABASE_URL): ${why}`, { cause: error });
    }
  }
  const file = join(config.dataDir, 'cocrea.sqlite');
  return { storage: new SqliteStorage(file, { synchronous: config.sqliteSynchronous }), where: config.dataDir };
}
