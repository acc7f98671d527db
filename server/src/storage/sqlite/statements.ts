import type Database from 'better-sqlite3';

const MESA_COLUMNS = 'id, title, theme, date, created_at AS createdAt, closed_at AS closedAt, kind, phase';
const MEMBER_COLUMNS = 'stl_members.id, email, name, stl_members.role, stl_members.created_at AS createdAt';
/** A member with who took the access away, if anyone did: `FROM` included, `WHERE` to add. */
const SELECT_TEAM_MEMBERS = `SELECT m.id, m.email, m.name, m.role, m.created_at AS createdAt,
  m.disabled_at AS disabledAt, d.name AS disabledBy, m.last_signed_in_at AS lastSignedInAt
  FROM stl_members m LEFT JOIN stl_members d ON d.id = m.disabled_by`;

/** Every statement of SqliteStorage but the review's (SqliteReviewStore's), prepared once on its connection. */
export function prepareStatements(db: Database.Database) {
  return {
    insertMesa: db.prepare(
      `INSERT INTO mesas (id, title, theme, date, created_at, closed_at, kind, phase)
       VALUES (@id, @title, @theme, @date, @createdAt, @closedAt, @kind, @phase)`,
    ),
    insertCapability: db.prepare('INSERT INTO capabilities (token_hash, mesa_id, role) VALUES (?, ?, ?)'),
    getMesa: db.prepare(`SELECT ${MESA_COLUMNS} FROM mesas WHERE id = ?`),
    listMesas: db.prepare(`SELECT ${MESA_COLUMNS} FROM mesas ORDER BY date DESC, created_at DESC`),
    closeMesa: db.prepare('UPDATE mesas SET closed_at = COALESCE(closed_at, ?) WHERE id = ?'),
    movePhase: db.prepare("UPDATE mesas SET phase = @to WHERE id = @id AND kind = 'proactivo' AND phase = @from"),
    deleteCapability: db.prepare('DELETE FROM capabilities WHERE mesa_id = ? AND role = ? AND registration_id IS NULL'),
    findRole: db.prepare('SELECT role FROM capabilities WHERE token_hash = ? AND mesa_id = ?'),
    snapshot: db.prepare('SELECT data, up_to_seq AS upToSeq FROM doc_snapshots WHERE room = ?'),
    updates: db.prepare('SELECT seq, data FROM doc_updates WHERE room = ? AND seq > ? ORDER BY seq'),
    append: db.prepare('INSERT INTO doc_updates (room, seq, data) VALUES (?, ?, ?)'),
    // Above every number the room's log or snapshot holds: compaction deletes numbers the snapshot remembers.
    lastSeq: db
      .prepare(
        `SELECT MAX(COALESCE((SELECT MAX(seq) FROM doc_updates WHERE room = @room), 0),
                    COALESCE((SELECT up_to_seq FROM doc_snapshots WHERE room = @room), 0))`,
      )
      .pluck(),
    putSnapshot: db.prepare(
      `INSERT INTO doc_snapshots (room, data, up_to_seq) VALUES (?, ?, ?)
       ON CONFLICT(room) DO UPDATE SET data = excluded.data, up_to_seq = excluded.up_to_seq
       WHERE excluded.up_to_seq > doc_snapshots.up_to_seq`,
    ),
    dropUpdates: db.prepare('DELETE FROM doc_updates WHERE room = ? AND seq <= ?'),
    insertParticipant: db.prepare(
      `INSERT INTO participants (id, mesa_id, role, name, sector, organization, color, seat_hash, joined_at)
       VALUES (@id, @mesaId, @role, @name, @sector, @organization, @color, @seatHash, @joinedAt)`,
    ),
    findParticipant: db.prepare(
      `SELECT id, role, name, sector, organization, color FROM participants WHERE mesa_id = ? AND seat_hash = ?`,
    ),
    listParticipants: db.prepare(
      `SELECT id, role, name, sector, organization, color FROM participants WHERE mesa_id = ? ORDER BY joined_at, id`,
    ),
    countParticipants: db.prepare(
      `SELECT mesa_id AS mesaId, role, sector, COUNT(*) AS count FROM participants GROUP BY mesa_id, role, sector`,
    ),
    insertMember: db.prepare(
      `INSERT INTO stl_members (id, email, name, role, password_hash, created_at)
       VALUES (@id, @email, @name, @role, @passwordHash, @createdAt) ON CONFLICT (email) DO NOTHING`,
    ),
    findMemberByEmail: db.prepare(
      `SELECT ${MEMBER_COLUMNS}, disabled_at AS disabledAt, password_hash AS passwordHash FROM stl_members WHERE email = ?`,
    ),
    listMembers: db.prepare(`${SELECT_TEAM_MEMBERS} ORDER BY m.created_at, m.id`),
    findMember: db.prepare(`${SELECT_TEAM_MEMBERS} WHERE m.id = ?`),
    setMemberRole: db.prepare('UPDATE stl_members SET role = ? WHERE id = ?'),
    // Taken away again, the first time and author stay. (SET reads the row as it was before the statement.)
    disableMember: db.prepare(
      `UPDATE stl_members SET disabled_at = COALESCE(disabled_at, @at),
         disabled_by = CASE WHEN disabled_at IS NULL THEN @by ELSE disabled_by END
       WHERE id = @id`,
    ),
    enableMember: db.prepare('UPDATE stl_members SET disabled_at = NULL, disabled_by = NULL WHERE id = ?'),
    deleteMemberSessions: db.prepare('DELETE FROM stl_sessions WHERE member_id = ?'),
    retirePasswordResets: db.prepare(
      'UPDATE stl_password_resets SET used_at = ? WHERE member_id = ? AND used_at IS NULL',
    ),
    insertPasswordReset: db.prepare(
      `INSERT INTO stl_password_resets (token_hash, member_id, created_by, created_at, expires_at)
       VALUES (@tokenHash, @memberId, @createdBy, @createdAt, @expiresAt)`,
    ),
    // As `useInvitation`: one statement, so of two racing uses exactly one gets the row.
    usePasswordReset: db.prepare(
      `UPDATE stl_password_resets SET used_at = @now
       WHERE token_hash = @tokenHash AND used_at IS NULL AND expires_at > @now
         AND member_id IN (SELECT id FROM stl_members WHERE disabled_at IS NULL)
       RETURNING member_id AS memberId`,
    ),
    setPasswordHash: db.prepare('UPDATE stl_members SET password_hash = ? WHERE id = ?'),
    insertSession: db.prepare('INSERT INTO stl_sessions (token_hash, member_id, expires_at) VALUES (?, ?, ?)'),
    deleteExpiredSessions: db.prepare('DELETE FROM stl_sessions WHERE expires_at <= ?'),
    recordSignIn: db.prepare('UPDATE stl_members SET last_signed_in_at = ? WHERE id = ?'),
    memberById: db.prepare(`SELECT ${MEMBER_COLUMNS} FROM stl_members WHERE id = ?`),
    findSessionMember: db.prepare(
      `SELECT ${MEMBER_COLUMNS} FROM stl_sessions JOIN stl_members ON stl_members.id = stl_sessions.member_id
       WHERE token_hash = ? AND expires_at > ? AND disabled_at IS NULL`,
    ),
    deleteSession: db.prepare('DELETE FROM stl_sessions WHERE token_hash = ?'),
    insertInvitation: db.prepare(
      `INSERT INTO stl_invitations (id, token_hash, email, role, invited_by, created_at, expires_at)
       VALUES (@id, @tokenHash, @email, @role, @invitedBy, @createdAt, @expiresAt)`,
    ),
    listPendingInvitations: db.prepare(
      `SELECT i.id, i.email, i.role, m.name AS invitedBy, i.created_at AS createdAt, i.expires_at AS expiresAt
       FROM stl_invitations i JOIN stl_members m ON m.id = i.invited_by
       WHERE i.used_at IS NULL AND i.expires_at > ? ORDER BY i.created_at DESC, i.id`,
    ),
    revokeInvitation: db.prepare(
      `UPDATE stl_invitations SET used_at = @now, revoked = 1, revoked_by = @by
       WHERE id = @id AND used_at IS NULL AND expires_at > @now`,
    ),
    // Marks the invitation used only if it still may be, and says whose it was: one statement, so of two racing
    // acceptances exactly one gets a row back.
    useInvitation: db.prepare(
      `UPDATE stl_invitations SET used_at = @now
       WHERE token_hash = @tokenHash AND used_at IS NULL AND expires_at > @now
       RETURNING email, role`,
    ),
    loadAgenda: db.prepare('SELECT agenda, state, tool_overrides AS overrides FROM mesa_agendas WHERE mesa_id = ?'),
    saveAgenda: db.prepare(
      `INSERT INTO mesa_agendas (mesa_id, agenda, state, tool_overrides, updated_at)
       VALUES (@mesaId, @agenda, @state, @overrides, @updatedAt)
       ON CONFLICT(mesa_id) DO UPDATE SET agenda = excluded.agenda, state = excluded.state,
         tool_overrides = excluded.tool_overrides, updated_at = excluded.updated_at`,
    ),
    insertAgenda: db.prepare(
      `INSERT INTO mesa_agendas (mesa_id, agenda, state, tool_overrides, updated_at)
       VALUES (@mesaId, @agenda, @state, @overrides, @updatedAt)
       ON CONFLICT(mesa_id) DO NOTHING`,
    ),
    replaceAgenda: db.prepare(
      `UPDATE mesa_agendas SET agenda = @agenda, state = @state, tool_overrides = @overrides, updated_at = @updatedAt
       WHERE mesa_id = @mesaId AND json_extract(state, '$.revision') = @previousRevision`,
    ),
    // One statement picks the next number and writes it, so racing saves of a mesa cannot share a number.
    insertVersion: db.prepare(
      `INSERT INTO commitment_versions (mesa_id, number, saved_at, stage, content_hash, schema_version, content)
       SELECT @mesaId, COALESCE(MAX(number), 0) + 1, @savedAt, @stage, @contentHash, @schemaVersion, @content
       FROM commitment_versions WHERE mesa_id = @mesaId
       RETURNING number`,
    ),
    recordVotes: db.prepare(
      `UPDATE mesa_votes SET recorded_version = ?
       WHERE mesa_id = ? AND closed_at IS NOT NULL AND recorded_version IS NULL`,
    ),
    listVersions: db.prepare(
      `SELECT number, saved_at AS savedAt, stage, content_hash AS contentHash, review_status AS status
       FROM commitment_versions WHERE mesa_id = ? ORDER BY number DESC`,
    ),
    getVersion: db.prepare(
      `SELECT v.number, v.saved_at AS savedAt, v.stage, v.content_hash AS contentHash, v.review_status AS status,
         v.schema_version AS schemaVersion, v.content, m.title AS mesaTitle
       FROM commitment_versions v JOIN mesas m ON m.id = v.mesa_id WHERE v.mesa_id = ? AND v.number = ?`,
    ),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;
