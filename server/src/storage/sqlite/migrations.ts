/**
 * Numbered, append-only schema migrations. Never edit one that has shipped: add the next number.
 * Each runs in its own transaction together with the bump of `user_version`.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: mesas, their capability tokens (hashed), and the Yjs update log with its snapshots.
  `
  CREATE TABLE mesas (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    theme TEXT NOT NULL,
    date TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE capabilities (
    token_hash BLOB PRIMARY KEY,
    mesa_id TEXT NOT NULL REFERENCES mesas(id),
    role TEXT NOT NULL
  );
  CREATE INDEX capabilities_mesa ON capabilities(mesa_id);
  -- AUTOINCREMENT: sequence numbers are never reused after compaction deletes the newest rows.
  CREATE TABLE doc_updates (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    room TEXT NOT NULL,
    data BLOB NOT NULL
  );
  CREATE INDEX doc_updates_room_seq ON doc_updates(room, seq);
  CREATE TABLE doc_snapshots (
    room TEXT PRIMARY KEY,
    data BLOB NOT NULL,
    up_to_seq INTEGER NOT NULL
  );
  `,
  // 2: who joined each mesa, with the seat token (hashed) their browser keeps to come back.
  `
  CREATE TABLE participants (
    id TEXT PRIMARY KEY,
    mesa_id TEXT NOT NULL REFERENCES mesas(id),
    role TEXT NOT NULL,
    name TEXT NOT NULL,
    sector TEXT NOT NULL,
    organization TEXT NOT NULL,
    color TEXT NOT NULL,
    seat_hash BLOB NOT NULL UNIQUE,
    joined_at TEXT NOT NULL
  );
  CREATE INDEX participants_mesa ON participants(mesa_id);
  `,
  // 3: each mesa's agenda record, as JSON written whole: its own copy of the plan, the shared timer's state with
  // the stage log, and the facilitator's tool locks. Created on first use from the template.
  `
  CREATE TABLE mesa_agendas (
    mesa_id TEXT PRIMARY KEY REFERENCES mesas(id),
    agenda TEXT NOT NULL,
    state TEXT NOT NULL,
    tool_overrides TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  `,
  // 4: saved versions of each mesa's commitment, immutable, numbered per mesa. `content` is the commitment as
  // JSON at `schema_version` of the shared commitment schema; `stage` is where the agenda stood, as JSON.
  `
  CREATE TABLE commitment_versions (
    mesa_id TEXT NOT NULL REFERENCES mesas(id),
    number INTEGER NOT NULL,
    saved_at TEXT NOT NULL,
    stage TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    schema_version INTEGER NOT NULL,
    content TEXT NOT NULL,
    PRIMARY KEY (mesa_id, number)
  );
  `,
];
