/**
 * The version of the mesa document's schema, and the numbered migrations that bring an older document up to it.
 *
 * Storage, in the mesa's Y.Doc: top-level Y.Map `meta`, key `schemaVersion` (an integer). A document without it was
 * written before versioning, and is version 0 (`fixtures/unversionedMesa.ts` is one).
 *
 * Who migrates: the server, when it loads a room, before it answers anyone (`server/src/sync/Room.ts`); it stores
 * the migration in the room's log like any update, and every browser receives it in its first sync. Browsers never
 * migrate: a browser's IndexedDB copy may be of an older version, and its offline edits merge into the migrated
 * document as any concurrent edit does. One migrator, loading each room once, means no two replicas ever migrate the
 * same document concurrently, so a migration may create shared types like any accessor.
 *
 * Rules for a new migration:
 * - append it to {@link MIGRATIONS} with the next number, and never change or remove one already released: servers
 *   still hold, and browsers still bring back, documents of every earlier version;
 * - keep it idempotent on what it reads (it may meet edits of the old schema that arrive after it ran: write it so
 *   that the accessors of the new version read those too, or bump `MIN_PROTOCOL_VERSION` on the server so that
 *   no client of the old schema can send any, see `docs/api.md`);
 * - write values that converge when two replicas write them concurrently (plain keys with values computed from the
 *   document, or a fixed update under a reserved client id as `commitment.ts` does), so that migrating on two
 *   replicas at once, should it ever happen, still converges: `migrations.test.ts` checks the list does.
 */
import type * as Y from 'yjs';
import { migrationOrigin } from './origins';

const META = 'meta';
const SCHEMA_VERSION_KEY = 'schemaVersion';

/** One step of the schema: what `migrate` does to a document of version `version - 1` to make it `version`. */
export interface Migration {
  readonly version: number;
  /** What changes, for whoever reads the list. */
  readonly description: string;
  /** Called inside the migration's transaction; writes through the document, never with `localOrigin`. */
  migrate(doc: Y.Doc): void;
}

/** Every migration, in order: `MIGRATIONS[i].version === i + 1`. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description:
      'The schema as it was when versioning began (the tree of tree.ts, the draft of commitment.ts): a document ' +
      'written before then needs nothing but its version recorded.',
    migrate() {},
  },
];

/** The schema version this code reads and writes: that of the last migration. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** The document's schema version; 0 for a document written before versioning (or holding no valid number). */
export function schemaVersionOf(doc: Y.Doc): number {
  const value = doc.getMap<unknown>(META).get(SCHEMA_VERSION_KEY);
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;
}

/**
 * Applies, in one transaction with {@link migrationOrigin}, every migration of `migrations` above the document's
 * version, and records the last one's number. Returns the Yjs update the migration made (to store it), or null when
 * the document was already at that version or above: running it again writes nothing.
 */
export function migrateDoc(doc: Y.Doc, migrations: readonly Migration[] = MIGRATIONS): Uint8Array | null {
  const from = schemaVersionOf(doc);
  const pending = migrations.filter((migration) => migration.version > from);
  if (pending.length === 0) return null;
  let update: Uint8Array | null = null;
  const capture = (changes: Uint8Array, origin: unknown) => {
    if (origin === migrationOrigin) update = changes;
  };
  doc.on('update', capture);
  try {
    doc.transact(() => {
      for (const migration of pending) migration.migrate(doc);
      doc.getMap<unknown>(META).set(SCHEMA_VERSION_KEY, pending[pending.length - 1]!.version);
    }, migrationOrigin);
  } finally {
    doc.off('update', capture);
  }
  return update;
}
