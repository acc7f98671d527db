import Database from 'better-sqlite3';
import type { PoolClient } from 'pg';
import { migrate as migratePostgres } from './postgres/migrations';
import { createPool, transaction } from './postgres/pool';
import { migrate as migrateSqlite } from './sqlite/SqliteStorage';

/** One table to copy: its columns (the same names on both sides), in an order that keeps references valid. */
interface TableCopy {
  table: string;
  columns: string[];
  /** SQLite's order of the rows: the order identities and `ord` are given in. */
  orderBy: string;
  /** A SQLite value that PostgreSQL types differently. */
  convert?: Record<string, (value: unknown) => unknown>;
  /** Rows per INSERT, if fewer than {@link BATCH_ROWS}: for rows that may be large. */
  batchRows?: number;
}

/** Parents before the rows that refer to them. */
const TABLES: TableCopy[] = [
  {
    table: 'plans',
    columns: ['id', 'title', 'period', 'entity', 'privacy_notice', 'created_at'],
    orderBy: 'rowid',
  },
  {
    table: 'mesas',
    columns: ['id', 'title', 'theme', 'date', 'created_at', 'closed_at', 'plan_id', 'kind', 'phase'],
    orderBy: 'rowid',
  },
  {
    table: 'events',
    columns: [
      'id',
      'plan_id',
      'title',
      'theme',
      'date',
      'start_time',
      'modality',
      'place',
      'video_link',
      'min_table_size',
      'max_table_size',
      'agenda',
      'registration_opens_at',
      'registration_closes_at',
      'capacity',
      'access',
      'invitation_hash',
      'created_at',
      'tables_formed_at',
    ],
    orderBy: 'rowid',
  },
  {
    table: 'registrations',
    columns: [
      'id',
      'event_id',
      'name',
      'sector',
      'organization',
      'email',
      'token_hash',
      'registered_at',
      'checked_in_at',
      'entered_at',
    ],
    orderBy: 'rowid',
  },
  { table: 'capabilities', columns: ['token_hash', 'mesa_id', 'role', 'registration_id'], orderBy: 'rowid' },
  {
    table: 'participants',
    columns: [
      'id',
      'mesa_id',
      'role',
      'name',
      'sector',
      'organization',
      'color',
      'seat_hash',
      'joined_at',
      'registration_id',
    ],
    orderBy: 'rowid',
  },
  { table: 'event_tables', columns: ['event_id', 'number', 'mesa_id', 'facilitator_id'], orderBy: 'rowid' },
  {
    table: 'seats',
    columns: ['registration_id', 'event_id', 'table_number', 'ord', 'locked'],
    orderBy: 'rowid',
    convert: { locked: (value) => value === 1 },
  },
  {
    table: 'kit_items',
    columns: ['id', 'event_id', 'kind', 'title', 'url', 'file_name', 'media_type', 'size', 'data', 'created_at'],
    orderBy: 'rowid',
    // A kit file may be 20 MB: one per INSERT.
    batchRows: 1,
  },
  { table: 'mesa_agendas', columns: ['mesa_id', 'agenda', 'state', 'tool_overrides', 'updated_at'], orderBy: 'rowid' },
  {
    table: 'commitment_versions',
    columns: ['mesa_id', 'number', 'saved_at', 'stage', 'content_hash', 'schema_version', 'content', 'review_status'],
    orderBy: 'mesa_id, number',
  },
  // Who took an account's access away is set once every account is in (see `copySqliteToPostgres`).
  {
    table: 'stl_members',
    columns: ['id', 'email', 'name', 'role', 'password_hash', 'created_at', 'disabled_at', 'last_signed_in_at'],
    orderBy: 'rowid',
  },
  { table: 'stl_sessions', columns: ['token_hash', 'member_id', 'expires_at'], orderBy: 'rowid' },
  {
    table: 'stl_invitations',
    columns: [
      'token_hash',
      'id',
      'email',
      'role',
      'invited_by',
      'created_at',
      'expires_at',
      'used_at',
      'revoked',
      'revoked_by',
    ],
    orderBy: 'rowid',
    convert: { revoked: (value) => value === 1 },
  },
  {
    table: 'stl_password_resets',
    columns: ['token_hash', 'member_id', 'created_by', 'created_at', 'expires_at', 'used_at'],
    orderBy: 'rowid',
  },
  {
    table: 'review_events',
    columns: ['id', 'mesa_id', 'version_number', 'from_status', 'to_status', 'member_id', 'at'],
    orderBy: 'id',
  },
  {
    table: 'review_observations',
    columns: [
      'id',
      'mesa_id',
      'version_number',
      'path',
      'text',
      'member_id',
      'created_at',
      'response_text',
      'response_attended',
      'response_at',
    ],
    convert: { response_attended: (value) => (value === null ? null : value === 1) },
    orderBy: 'rowid',
  },
  {
    table: 'activity_progress',
    columns: ['id', 'mesa_id', 'activity_id', 'level', 'evidence', 'note', 'member_id', 'recorded_at'],
    orderBy: 'id',
  },
  {
    table: 'mesa_votes',
    columns: [
      'id',
      'mesa_id',
      'target',
      'votes_per_person',
      'allow_several',
      'opened_at',
      'closed_at',
      'revision',
      'voters',
      'dots',
      'results',
      'recorded_version',
    ],
    orderBy: 'rowid',
    convert: { allow_several: (value) => value === 1 },
  },
  { table: 'vote_ballots', columns: ['vote_id', 'participant_id', 'item_id', 'count'], orderBy: 'rowid' },
  {
    table: 'evidence_files',
    columns: ['id', 'mesa_id', 'activity_id', 'file_name', 'media_type', 'size', 'data', 'member_id', 'created_at'],
    orderBy: 'rowid',
    // Up to 20 MB each.
    batchRows: 4,
  },
  { table: 'doc_snapshots', columns: ['room', 'data', 'up_to_seq'], orderBy: 'room' },
  { table: 'doc_updates', columns: ['room', 'seq', 'data'], orderBy: 'room, seq' },
];

/** Rows per INSERT: well under PostgreSQL's 65 535 parameters, and a few MB of updates at most. */
const BATCH_ROWS = 500;

async function copyTable(source: Database.Database, target: PoolClient, copy: TableCopy): Promise<number> {
  const { table, columns, orderBy, convert = {}, batchRows = BATCH_ROWS } = copy;
  const rows = source
    .prepare(`SELECT ${columns.join(', ')} FROM ${table} ORDER BY ${orderBy}`)
    .raw()
    .iterate();
  let batch: unknown[][] = [];
  let count = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const values = batch.map((_, r) => `(${columns.map((_column, c) => `$${r * columns.length + c + 1}`).join(', ')})`);
    await target.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')}`, batch.flat());
    count += batch.length;
    batch = [];
  };
  for (const row of rows as Iterable<unknown[]>) {
    batch.push(row.map((value, c) => convert[columns[c]!]?.(value) ?? value));
    if (batch.length === batchRows) await flush();
  }
  await flush();
  return count;
}

/** How many rows of each table were copied. */
export type CopyReport = Record<string, number>;

/**
 * Copies everything a SQLite installation stores into the PostgreSQL database at `url`, in one transaction: either
 * all of it lands or none. The SQLite file is first brought to its newest schema, as a server start would; the
 * server must not be running on it meanwhile. The target must hold no Cocrea data yet (its schema is created if
 * missing): a copy never merges into, or overwrites, a database in use.
 */
export async function copySqliteToPostgres(sqliteFile: string, url: string): Promise<CopyReport> {
  const source = new Database(sqliteFile, { fileMustExist: true });
  const pool = createPool(url, { max: 1 });
  try {
    migrateSqlite(source);
    await migratePostgres(pool);
    return await transaction(pool, async (target) => {
      const used = await target.query(
        'SELECT (SELECT COUNT(*) FROM mesas) + (SELECT COUNT(*) FROM stl_members) + (SELECT COUNT(*) FROM doc_rooms) AS n',
      );
      if ((used.rows[0] as { n: number }).n > 0) {
        throw new Error('La base de datos de destino ya tiene datos de Cocrea: la copia solo se hace a una vacía.');
      }
      const report: CopyReport = {};
      for (const copy of TABLES) report[copy.table] = await copyTable(source, target, copy);
      const disabled = source
        .prepare('SELECT id, disabled_by FROM stl_members WHERE disabled_by IS NOT NULL')
        .raw()
        .all() as [string, string][];
      for (const [id, by] of disabled) {
        await target.query('UPDATE stl_members SET disabled_by = $1 WHERE id = $2', [by, id]);
      }
      // Each room's counter starts above every number its log or snapshot holds, as SQLite's storage counts.
      await target.query(
        `INSERT INTO doc_rooms (room, last_seq)
         SELECT room, MAX(seq) FROM (
           SELECT room, seq FROM doc_updates UNION ALL SELECT room, up_to_seq FROM doc_snapshots
         ) numbers GROUP BY room`,
      );
      // Identities go on after the copied ones.
      for (const [table, column] of [
        ['review_events', 'id'],
        ['activity_progress', 'id'],
        ['review_observations', 'ord'],
      ] as const) {
        await target.query(
          `SELECT setval(pg_get_serial_sequence('${table}', '${column}'), COALESCE(MAX(${column}), 0) + 1, false)
           FROM ${table}`,
        );
      }
      return report;
    });
  } finally {
    source.close();
    await pool.end();
  }
}
