import pg, { type Pool, type PoolClient } from 'pg';

/**
 * BIGINT columns (epoch ms, sequence numbers, identities) read as numbers rather than node-postgres's strings: all
 * of them stay far below 2^53.
 */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 && format !== 'binary'
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

export interface PoolOptions {
  /** Connections at most (node-postgres's default: 10). */
  max?: number;
}

/**
 * A pool over `url` (`postgres://user:password@host:port/database`; `?options=-c%20search_path%3D…` picks the
 * schema). A connection that breaks while idle is dropped and logged, instead of taking the process down.
 */
export function createPool(url: string, { max = 10 }: PoolOptions = {}): Pool {
  const pool = new pg.Pool({ connectionString: url, max, types, connectionTimeoutMillis: 10_000 });
  pool.on('error', (error) => console.error('PostgreSQL: an idle connection failed', error));
  return pool;
}

/** Runs `work` in one transaction on one connection of the pool: committed if it resolves, rolled back if not. */
export async function transaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    // A connection that could not even roll back is closed rather than handed to the next caller.
    client.release(broken);
  }
}

/** node-postgres sends Buffers as bytea; a view over the same bytes costs no copy. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
