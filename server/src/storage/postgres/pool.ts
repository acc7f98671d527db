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
  /** How long a statement may go unanswered before it fails and its connection is dropped. */
  queryTimeoutMs?: number;
}

/**
 * How long a statement may go unanswered by default. A database that stops answering without closing the connection
 * (a partition that drops packets) would otherwise hold the statement, and every update queued behind it in its room,
 * until the operating system gives the connection up, hours later; and the connection stays dead after the database
 * is back. Failing instead closes the sockets whose updates waited, and their clients resend them once it answers.
 * Far above what any of Cocrea's statements takes on a healthy database, even on a starved host.
 */
const QUERY_TIMEOUT_MS = 15_000;

/**
 * A pool over `url` (`postgres://user:password@host:port/database`; `?options=-c%20search_path%3D…` picks the
 * schema). A connection that breaks while idle is dropped and logged, instead of taking the process down.
 */
export function createPool(url: string, { max = 10, queryTimeoutMs = QUERY_TIMEOUT_MS }: PoolOptions = {}): Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types,
    connectionTimeoutMillis: 10_000,
    query_timeout: queryTimeoutMs,
    keepAlive: true,
  });
  pool.on('error', (error) => console.error('PostgreSQL: an idle connection failed', error));
  return pool;
}

/**
 * Runs `work` in one transaction on one connection of the pool: committed if it resolves, rolled back if not.
 *
 * A connection the pool has handed out has no listener for its `error` event (the pool's own is for idle ones): one
 * that breaks between two statements of the transaction would throw from the socket and end the process. It gets
 * one here for as long as it is out; the statement that comes next fails, and the transaction with it.
 */
export async function transaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let lost = false;
  const onLost = () => (lost = true);
  client.on('error', onLost);
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // A broken connection is not asked to roll back: dropping it does.
    if (!lost) await client.query('ROLLBACK').catch(onLost);
    throw error;
  } finally {
    client.off('error', onLost);
    // A broken connection, or one that could not even roll back, is closed rather than handed to the next caller.
    client.release(lost);
  }
}

/** node-postgres sends Buffers as bytea; a view over the same bytes costs no copy. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
