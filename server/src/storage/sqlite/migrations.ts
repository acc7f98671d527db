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
  // 5: STL accounts. Passwords as scrypt hashes with their parameters; session and invitation tokens only as
  // their SHA-256. Times in epoch ms, compared in SQL. An e-mail has one account, whatever its case.
  `
  CREATE TABLE stl_members (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE stl_sessions (
    token_hash BLOB PRIMARY KEY,
    member_id TEXT NOT NULL REFERENCES stl_members(id),
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX stl_sessions_expiry ON stl_sessions(expires_at);
  CREATE TABLE stl_invitations (
    token_hash BLOB PRIMARY KEY,
    email TEXT NOT NULL,
    invited_by TEXT NOT NULL REFERENCES stl_members(id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
  );
  `,
  // 6: a mesa closed by the STL is read-only for everyone from closed_at on (null: open).
  `
  ALTER TABLE mesas ADD COLUMN closed_at TEXT;
  `,
  // 7: the STL's review of saved versions. Every version has a status, `borrador` until the STL moves it (so the
  // versions saved before this migration read as drafts); every move is a row of the audit log (member_id null:
  // the admin token); observations name a field path of the version ('' for the whole commitment).
  `
  ALTER TABLE commitment_versions ADD COLUMN review_status TEXT NOT NULL DEFAULT 'borrador';
  CREATE TABLE review_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    mesa_id TEXT NOT NULL,
    version_number INTEGER NOT NULL,
    from_status TEXT NOT NULL,
    to_status TEXT NOT NULL,
    member_id TEXT REFERENCES stl_members(id),
    at TEXT NOT NULL,
    FOREIGN KEY (mesa_id, version_number) REFERENCES commitment_versions(mesa_id, number)
  );
  CREATE INDEX review_events_version ON review_events(mesa_id, version_number, id);
  CREATE TABLE review_observations (
    id TEXT PRIMARY KEY,
    mesa_id TEXT NOT NULL,
    version_number INTEGER NOT NULL,
    path TEXT NOT NULL,
    text TEXT NOT NULL,
    member_id TEXT REFERENCES stl_members(id),
    created_at TEXT NOT NULL,
    FOREIGN KEY (mesa_id, version_number) REFERENCES commitment_versions(mesa_id, number)
  );
  CREATE INDEX review_observations_version ON review_observations(mesa_id, version_number);
  `,
  // 8: STL roles: 'stl' (everything) or 'seguimiento' (follow-up only). Existing accounts and invitations are 'stl'.
  `
  ALTER TABLE stl_members ADD COLUMN role TEXT NOT NULL DEFAULT 'stl';
  ALTER TABLE stl_invitations ADD COLUMN role TEXT NOT NULL DEFAULT 'stl';
  `,
  // 9: follow-up of published commitments: every recorded progress of an activity, kept as history and audit
  // (member_id null: the admin token); the newest row per activity is its current progress. `evidence` is a JSON
  // array of http(s) links.
  `
  CREATE TABLE activity_progress (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    mesa_id TEXT NOT NULL REFERENCES mesas(id),
    activity_id TEXT NOT NULL,
    level TEXT NOT NULL,
    evidence TEXT NOT NULL,
    note TEXT NOT NULL,
    member_id TEXT REFERENCES stl_members(id),
    recorded_at TEXT NOT NULL
  );
  CREATE INDEX activity_progress_activity ON activity_progress(mesa_id, activity_id, id);
  `,
  // 10: the update log keyed by (room, seq) in one b-tree. Every edit is a commit of its own, and an append used to
  // change three pages (the table, its index on (room, seq) and sqlite_sequence for AUTOINCREMENT); now it changes
  // one. The storage hands out sequence numbers itself, above every one in the log or in a snapshot's
  // `up_to_seq`, so numbers are still never reused after compaction deletes the newest rows.
  `
  CREATE TABLE doc_log (
    room TEXT NOT NULL,
    seq INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (room, seq)
  ) WITHOUT ROWID;
  INSERT INTO doc_log (room, seq, data) SELECT room, seq, data FROM doc_updates;
  DROP TABLE doc_updates;
  ALTER TABLE doc_log RENAME TO doc_updates;
  `,
  // 11: an STL member's access can be taken away by another member (and given back): `disabled_at` is when and
  // `disabled_by` who (null: the admin token); both null while the account may sign in. The account stays, for the
  // names in the review and follow-up history.
  `
  ALTER TABLE stl_members ADD COLUMN disabled_at TEXT;
  ALTER TABLE stl_members ADD COLUMN disabled_by TEXT REFERENCES stl_members(id);
  `,
  // 12: one-time links to set a new password, made by another member for one who forgot theirs; token hashes only.
  `
  CREATE TABLE stl_password_resets (
    token_hash BLOB PRIMARY KEY,
    member_id TEXT NOT NULL REFERENCES stl_members(id),
    created_by TEXT REFERENCES stl_members(id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
  );
  CREATE INDEX stl_password_resets_member ON stl_password_resets(member_id);
  `,
  // 13: invitations get an id, to be listed and revoked by (the token hash stays their key). A revoked one is marked
  // used at the revocation, with `revoked` set and who revoked it in `revoked_by` (null: the admin token).
  `
  ALTER TABLE stl_invitations ADD COLUMN id TEXT;
  UPDATE stl_invitations SET id = lower(hex(randomblob(12)));
  CREATE UNIQUE INDEX stl_invitations_id ON stl_invitations(id);
  ALTER TABLE stl_invitations ADD COLUMN revoked INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE stl_invitations ADD COLUMN revoked_by TEXT REFERENCES stl_members(id);
  `,
  // 14: when each STL account last signed in (login, a new password, an accepted invitation), so the team page shows
  // accounts nobody uses. Null until the next sign-in: sessions made before this migration recorded no time.
  `
  ALTER TABLE stl_members ADD COLUMN last_signed_in_at TEXT;
  `,
  // 15: Planes de Acción Local. Every mesa is filed in a plan (plan_id; null for a mesa made later without one);
  // the mesas made before plans existed go into one plan made here, "Plan de Acción Local", its period the years of
  // their dates. Co-creation events belong to a plan; people register to an event (the token of their own page and
  // the invitation secret only as SHA-256; an e-mail at most once per event); each table of an event is a mesa;
  // seats put registrants at tables. A capability or participant with a registration_id is a registrant's own
  // entry into their table's mesa: replacing a role's link leaves those alone.
  `
  CREATE TABLE plans (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    period TEXT NOT NULL,
    entity TEXT NOT NULL,
    privacy_notice TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  INSERT INTO plans (id, title, period, entity, privacy_notice, created_at)
    SELECT lower(hex(randomblob(8))), 'Plan de Acción Local',
      substr(lo, 1, 4) || '–' || substr(hi, 1, 4), 'Estado de México',
      'Aviso de privacidad simplificado. El Secretariado Técnico Local recaba su nombre, sector, organización y, si lo '
      || 'proporciona, su correo electrónico, con la única finalidad de organizar el evento de cocreación, integrar las '
      || 'mesas de trabajo y llevar el registro de asistencia. Sus datos no se publican ni se transfieren, salvo las '
      || 'excepciones previstas en la ley. Puede ejercer sus derechos de acceso, rectificación, cancelación y oposición '
      || '(ARCO) ante el Secretariado Técnico Local.',
      first_created
    FROM (SELECT MIN(date) AS lo, MAX(date) AS hi, MIN(created_at) AS first_created, COUNT(*) AS n FROM mesas)
    WHERE n > 0;
  ALTER TABLE mesas ADD COLUMN plan_id TEXT REFERENCES plans(id);
  UPDATE mesas SET plan_id = (SELECT id FROM plans);
  CREATE INDEX mesas_plan ON mesas(plan_id);
  CREATE TABLE events (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES plans(id),
    title TEXT NOT NULL,
    theme TEXT NOT NULL,
    date TEXT NOT NULL,
    start_time TEXT NOT NULL,
    modality TEXT NOT NULL,
    place TEXT,
    video_link TEXT,
    min_table_size INTEGER NOT NULL,
    max_table_size INTEGER NOT NULL,
    agenda TEXT,
    registration_opens_at TEXT NOT NULL,
    registration_closes_at TEXT NOT NULL,
    capacity INTEGER,
    access TEXT NOT NULL,
    invitation_hash BLOB,
    created_at TEXT NOT NULL,
    tables_formed_at TEXT
  );
  CREATE INDEX events_plan ON events(plan_id);
  CREATE TABLE registrations (
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events(id),
    name TEXT NOT NULL,
    sector TEXT NOT NULL,
    organization TEXT NOT NULL,
    email TEXT,
    token_hash BLOB NOT NULL UNIQUE,
    registered_at TEXT NOT NULL,
    checked_in_at TEXT,
    entered_at TEXT
  );
  CREATE INDEX registrations_event ON registrations(event_id, registered_at);
  CREATE UNIQUE INDEX registrations_email ON registrations(event_id, email) WHERE email IS NOT NULL;
  CREATE TABLE event_tables (
    event_id TEXT NOT NULL REFERENCES events(id),
    number INTEGER NOT NULL,
    mesa_id TEXT NOT NULL UNIQUE REFERENCES mesas(id),
    facilitator_id TEXT REFERENCES registrations(id),
    PRIMARY KEY (event_id, number)
  );
  CREATE TABLE seats (
    registration_id TEXT PRIMARY KEY REFERENCES registrations(id),
    event_id TEXT NOT NULL,
    table_number INTEGER NOT NULL,
    ord INTEGER NOT NULL,
    locked INTEGER NOT NULL DEFAULT 0,
    FOREIGN KEY (event_id, table_number) REFERENCES event_tables(event_id, number)
  );
  CREATE INDEX seats_event ON seats(event_id, table_number, ord);
  ALTER TABLE capabilities ADD COLUMN registration_id TEXT REFERENCES registrations(id);
  CREATE INDEX capabilities_registration ON capabilities(registration_id);
  ALTER TABLE participants ADD COLUMN registration_id TEXT REFERENCES registrations(id);
  `,
  // 16: each event's participant kit: links, and files (at most 20 MB, their type decided from their bytes) stored
  // here so that they follow the database wherever it goes.
  `
  CREATE TABLE kit_items (
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events(id),
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    url TEXT,
    file_name TEXT,
    media_type TEXT,
    size INTEGER,
    data BLOB,
    created_at TEXT NOT NULL
  );
  CREATE INDEX kit_items_event ON kit_items(event_id, created_at);
  `,
  // 17: the mesa's response to an observation (what it did, whether it is attended, when), as the mesa: no author.
  // All three null until the facilitator first answers or marks it.
  `
  ALTER TABLE review_observations ADD COLUMN response_text TEXT;
  ALTER TABLE review_observations ADD COLUMN response_attended INTEGER;
  ALTER TABLE review_observations ADD COLUMN response_at TEXT;
  `,
  // 18: dot votes. A ballot row (who put how many dots on what) lives only while its vote is open, to enforce each
  // person's count; closing the vote stores the counts as its results and deletes its ballots. At most one open vote
  // per mesa (the partial unique index). `recorded_version`: the saved version whose record holds the counts.
  `
  CREATE TABLE mesa_votes (
    id TEXT PRIMARY KEY,
    mesa_id TEXT NOT NULL REFERENCES mesas(id),
    target TEXT NOT NULL,
    votes_per_person INTEGER NOT NULL,
    allow_several INTEGER NOT NULL,
    opened_at TEXT NOT NULL,
    closed_at TEXT,
    revision INTEGER NOT NULL DEFAULT 0,
    voters INTEGER NOT NULL DEFAULT 0,
    dots INTEGER NOT NULL DEFAULT 0,
    results TEXT,
    recorded_version INTEGER
  );
  CREATE INDEX mesa_votes_mesa ON mesa_votes(mesa_id, opened_at);
  CREATE UNIQUE INDEX mesa_votes_open ON mesa_votes(mesa_id) WHERE closed_at IS NULL;
  CREATE TABLE vote_ballots (
    vote_id TEXT NOT NULL REFERENCES mesa_votes(id),
    participant_id TEXT NOT NULL REFERENCES participants(id),
    item_id TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (vote_id, participant_id, item_id)
  );
  `,
  // 19: compromisos proactivos (methodology §5): a mesa of kind 'proactivo', which an STL member starts inside a
  // plan, is at one of its five phases; a mesa de cocreación has none (it follows its agenda).
  `
  ALTER TABLE mesas ADD COLUMN kind TEXT NOT NULL DEFAULT 'mesa';
  ALTER TABLE mesas ADD COLUMN phase INTEGER
    CHECK (kind = 'mesa' AND phase IS NULL OR kind = 'proactivo' AND phase IS NOT NULL AND phase BETWEEN 1 AND 5);
  `,
  // 20: evidence files of activities' progress (PDF or image, at most 20 MB, their type decided from their bytes),
  // each uploaded for one activity of one mesa; a progress record's evidence cites them by id. `member_id` (null:
  // the admin token) says who uploaded one, for the STL's own audit: it is never published.
  `
  CREATE TABLE evidence_files (
    id TEXT PRIMARY KEY,
    mesa_id TEXT NOT NULL REFERENCES mesas(id),
    activity_id TEXT NOT NULL,
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    data BLOB NOT NULL,
    member_id TEXT REFERENCES stl_members(id),
    created_at TEXT NOT NULL
  );
  CREATE INDEX evidence_files_activity ON evidence_files(mesa_id, activity_id);
  `,
];
