import type { Pool, PoolClient } from 'pg';
import {
  COMMITMENT_VERSION,
  type CocreationEvent,
  type KitItem,
  type OwnRegistration,
  type Plan,
  type UpdatePlan,
  type CommitmentVersion,
  type CommitmentVersionSummary,
  type Mesa,
  type ObservationResponse,
  type Participant,
  type ProactivePhase,
  type PendingInvitation,
  type RecordedProgress,
  type ReviewInboxItem,
  type Role,
  type StlMember,
  type StlRole,
  type TeamMember,
  type VoteResult,
} from '@cocrea/shared';
import type {
  AcceptedInvitation,
  MemberChange,
  NewActivityProgress,
  NewEvidenceFile,
  StoredEvidenceFile,
  NewCapability,
  NewCommitmentVersion,
  NewInvitation,
  NewObservation,
  NewPasswordReset,
  NewSession,
  ParticipantCount,
  PhaseMoveResult,
  Publication,
  ReviewChange,
  ReviewChangeResult,
  ReviewFilter,
  Storage,
  StoredAgenda,
  StoredDoc,
  StoredMember,
  StoredObservation,
  StoredReviewEvent,
  CastResult,
  NewVote,
  SeatBallot,
  StoredVote,
} from '../Storage';
import type {
  AddRegistrationResult,
  MesaEntryRecord,
  NewKitItem,
  NewTableMesa,
  StoredEvent,
  StoredRegistration,
  StoredSeating,
} from '../PlanStore';
import { KeyedQueue } from '../../KeyedQueue';
import { recordedVote, summaryFromRow, versionFromRow, type StoredVersionRow } from '../versionRow';
import { migrate } from './migrations';
import { asBuffer, createPool, transaction, type PoolOptions } from './pool';
import { PostgresPlanStore } from './PostgresPlanStore';
import { PostgresReviewStore } from './PostgresReviewStore';
import { PostgresVoteStore } from './PostgresVoteStore';

const MESA_COLUMNS = 'id, title, theme, date, created_at AS "createdAt", closed_at AS "closedAt", kind, phase';
const MEMBER_COLUMNS = 'm.id, m.email, m.name, m.role, m.created_at AS "createdAt"';
/** A member with who took the access away, if anyone did: `FROM` included, `WHERE` to add. */
const SELECT_TEAM_MEMBERS = `SELECT m.id, m.email, m.name, m.role, m.created_at AS "createdAt",
  m.disabled_at AS "disabledAt", d.name AS "disabledBy", m.last_signed_in_at AS "lastSignedInAt"
  FROM stl_members m LEFT JOIN stl_members d ON d.id = m.disabled_by`;

/**
 * Takes the room's compaction lock for the rest of the transaction, if no other connection holds it; answers
 * `locked`. Advisory locks are the database's, so the key names the schema too. Exported for the test that holds it.
 */
export const TRY_COMPACTION_LOCK = `SELECT pg_try_advisory_xact_lock(
  hashtextextended('cocrea compact ' || current_schema() || ' ' || $1, 0)) AS locked`;

/** Thrown inside a transaction to roll it back. */
class EmailTaken extends Error {}

/** Adds a member unless the e-mail (in any case) has an account already; whether it did. */
async function insertMember(db: Pool | PoolClient, member: StoredMember): Promise<boolean> {
  const { rowCount } = await db.query(
    `INSERT INTO stl_members (id, email, name, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT ((lower(email))) DO NOTHING`,
    [member.id, member.email, member.name, member.role, member.passwordHash, member.createdAt],
  );
  return rowCount === 1;
}

/**
 * The backend for several server processes over one PostgreSQL database, through a pool of connections. Every
 * method is one statement, or one transaction on one connection; nothing is cached in the process, so another
 * process's writes are seen at once.
 */
export class PostgresStorage implements Storage {
  /** Appends of one room go one after another (see `appendUpdates`). */
  private readonly appends = new KeyedQueue();
  private readonly review: PostgresReviewStore;
  private readonly votes: PostgresVoteStore;
  /** Plans, events, registrations, seating and kits: `PlanStore`'s methods, delegated (see the end of the class). */
  private readonly plans: PostgresPlanStore;

  private constructor(private readonly pool: Pool) {
    this.review = new PostgresReviewStore(pool);
    this.votes = new PostgresVoteStore(pool);
    this.plans = new PostgresPlanStore(pool);
  }

  /** Connects to `url` and brings its schema to the newest; fails if the database cannot be reached. */
  static async open(url: string, options: PoolOptions = {}): Promise<PostgresStorage> {
    const pool = createPool(url, options);
    try {
      await migrate(pool);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresStorage(pool);
  }

  async loadDoc(room: string): Promise<StoredDoc> {
    // One statement, so one view of the room: a compaction committing meanwhile cannot leave a gap between the
    // snapshot read and the updates read.
    const { rows } = await this.pool.query<{ isSnapshot: boolean; seq: number; data: Buffer }>(
      `WITH snap AS (SELECT data, up_to_seq FROM doc_snapshots WHERE room = $1)
       SELECT true AS "isSnapshot", up_to_seq AS seq, data FROM snap
       UNION ALL
       SELECT false, seq, data FROM doc_updates
       WHERE room = $1 AND seq > COALESCE((SELECT up_to_seq FROM snap), 0)
       ORDER BY 1 DESC, 2`,
      [room],
    );
    const snapshot = rows[0]?.isSnapshot ? rows[0] : null;
    const updates = snapshot ? rows.slice(1) : rows;
    return {
      snapshot: snapshot ? new Uint8Array(snapshot.data) : null,
      updates: updates.map((row) => new Uint8Array(row.data)),
      lastSeq: updates.at(-1)?.seq ?? snapshot?.seq ?? 0,
    };
  }

  appendUpdate(room: string, update: Uint8Array): Promise<number> {
    return this.appendUpdates(room, [update]).then((seqs) => seqs[0]!);
  }

  /**
   * One statement, committed before the promise resolves: it raises the room's counter by the number of updates
   * and inserts them under the numbers it skipped over, in order. The counter row stays locked until the commit, so
   * appends of other processes to the room wait their turn and numbers grow in commit order. Appends of one room
   * from this process go one after another, so that they commit in the order they were made (on a pool, two at once
   * could commit either way).
   */
  appendUpdates(room: string, updates: readonly Uint8Array[]): Promise<number[]> {
    return this.appends.run(room, () => this.insertUpdates(room, updates));
  }

  private async insertUpdates(room: string, updates: readonly Uint8Array[]): Promise<number[]> {
    if (updates.length === 0) return [];
    const { rows } = await this.pool.query<{ seq: number }>(
      `WITH counter AS (
         INSERT INTO doc_rooms AS r (room, last_seq) VALUES ($1, $3)
         ON CONFLICT (room) DO UPDATE SET last_seq = r.last_seq + $3
         RETURNING last_seq
       )
       INSERT INTO doc_updates (room, seq, data)
       SELECT $1, counter.last_seq - $3 + u.n, u.data
       FROM counter, unnest($2::bytea[]) WITH ORDINALITY AS u(data, n)
       RETURNING seq`,
      [room, updates.map(asBuffer), updates.length],
    );
    return rows.map((row) => row.seq).sort((a, b) => a - b);
  }

  /**
   * One transaction, under the room's compaction lock: if another process holds it (it is compacting the room),
   * this one leaves the log alone rather than wait, and the next compaction folds it. The snapshot replaces the
   * stored one only if it is newer.
   */
  async compact(room: string, snapshot: Uint8Array, upToSeq: number): Promise<void> {
    await transaction(this.pool, async (client) => {
      const { rows } = await client.query<{ locked: boolean }>(TRY_COMPACTION_LOCK, [room]);
      if (!rows[0]!.locked) return;
      await client.query(
        `INSERT INTO doc_snapshots AS s (room, data, up_to_seq) VALUES ($1, $2, $3)
         ON CONFLICT (room) DO UPDATE SET data = excluded.data, up_to_seq = excluded.up_to_seq
         WHERE s.up_to_seq < excluded.up_to_seq`,
        [room, asBuffer(snapshot), upToSeq],
      );
      await client.query('DELETE FROM doc_updates WHERE room = $1 AND seq <= $2', [room, upToSeq]);
    });
  }

  async createMesa(mesa: Mesa, capabilities: NewCapability[]): Promise<void> {
    await transaction(this.pool, async (client) => {
      await client.query(
        `INSERT INTO mesas (id, title, theme, date, created_at, closed_at, kind, phase)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [mesa.id, mesa.title, mesa.theme, mesa.date, mesa.createdAt, mesa.closedAt, mesa.kind, mesa.phase],
      );
      for (const c of capabilities) {
        await client.query('INSERT INTO capabilities (token_hash, mesa_id, role) VALUES ($1, $2, $3)', [
          c.tokenHash,
          mesa.id,
          c.role,
        ]);
      }
    });
  }

  async getMesa(id: string): Promise<Mesa | null> {
    const { rows } = await this.pool.query<Mesa>(`SELECT ${MESA_COLUMNS} FROM mesas WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async listMesas(): Promise<Mesa[]> {
    return (await this.pool.query<Mesa>(`SELECT ${MESA_COLUMNS} FROM mesas ORDER BY date DESC, created_at DESC`)).rows;
  }

  async findRole(mesaId: string, tokenHash: Buffer): Promise<Role | null> {
    const { rows } = await this.pool.query<{ role: Role }>(
      'SELECT role FROM capabilities WHERE token_hash = $1 AND mesa_id = $2',
      [tokenHash, mesaId],
    );
    return rows[0]?.role ?? null;
  }

  async addParticipant(mesaId: string, participant: Participant, seatHash: Buffer, joinedAt: string): Promise<void> {
    const { id, role, name, sector, organization, color } = participant;
    await this.pool.query(
      `INSERT INTO participants (id, mesa_id, role, name, sector, organization, color, seat_hash, joined_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [id, mesaId, role, name, sector, organization, color, seatHash, joinedAt],
    );
  }

  async findParticipant(mesaId: string, seatHash: Buffer): Promise<Participant | null> {
    const { rows } = await this.pool.query<Participant>(
      'SELECT id, role, name, sector, organization, color FROM participants WHERE mesa_id = $1 AND seat_hash = $2',
      [mesaId, seatHash],
    );
    return rows[0] ?? null;
  }

  async listParticipants(mesaId: string): Promise<Participant[]> {
    const { rows } = await this.pool.query<Participant>(
      `SELECT id, role, name, sector, organization, color FROM participants WHERE mesa_id = $1
       ORDER BY joined_at, id`,
      [mesaId],
    );
    return rows;
  }

  async countParticipants(): Promise<ParticipantCount[]> {
    const { rows } = await this.pool.query<ParticipantCount>(
      `SELECT mesa_id AS "mesaId", role, sector, COUNT(*)::integer AS count FROM participants
       GROUP BY mesa_id, role, sector`,
    );
    return rows;
  }

  async moveMesaPhase(id: string, from: ProactivePhase, to: ProactivePhase): Promise<PhaseMoveResult> {
    const { rows } = await this.pool.query<Mesa>(
      `UPDATE mesas SET phase = $1 WHERE id = $2 AND kind = 'proactivo' AND phase = $3 RETURNING ${MESA_COLUMNS}`,
      [to, id, from],
    );
    if (rows[0]) return { ok: true, mesa: rows[0] };
    const mesa = await this.getMesa(id);
    return { ok: false, reason: mesa?.kind === 'proactivo' ? 'stale' : 'not_found' };
  }

  async closeMesa(id: string, closedAt: string): Promise<Mesa | null> {
    const { rows } = await this.pool.query<Mesa>(
      `UPDATE mesas SET closed_at = COALESCE(closed_at, $1) WHERE id = $2 RETURNING ${MESA_COLUMNS}`,
      [closedAt, id],
    );
    return rows[0] ?? null;
  }

  async replaceCapability(mesaId: string, capability: NewCapability): Promise<void> {
    await transaction(this.pool, async (client) => {
      await client.query('DELETE FROM capabilities WHERE mesa_id = $1 AND role = $2 AND registration_id IS NULL', [
        mesaId,
        capability.role,
      ]);
      await client.query('INSERT INTO capabilities (token_hash, mesa_id, role) VALUES ($1, $2, $3)', [
        capability.tokenHash,
        mesaId,
        capability.role,
      ]);
    });
  }

  async addMember(member: StoredMember): Promise<StlMember | null> {
    if (!(await insertMember(this.pool, member))) return null;
    return { id: member.id, email: member.email, name: member.name, role: member.role, createdAt: member.createdAt };
  }

  async findMemberByEmail(email: string): Promise<(StoredMember & Pick<TeamMember, 'disabledAt'>) | null> {
    const { rows } = await this.pool.query<StoredMember & Pick<TeamMember, 'disabledAt'>>(
      `SELECT ${MEMBER_COLUMNS}, m.disabled_at AS "disabledAt", m.password_hash AS "passwordHash"
       FROM stl_members m WHERE lower(m.email) = lower($1)`,
      [email],
    );
    return rows[0] ?? null;
  }

  async listMembers(): Promise<TeamMember[]> {
    return (await this.pool.query<TeamMember>(`${SELECT_TEAM_MEMBERS} ORDER BY m.created_at, m.id`)).rows;
  }

  async getMember(id: string): Promise<TeamMember | null> {
    const { rows } = await this.pool.query<TeamMember>(`${SELECT_TEAM_MEMBERS} WHERE m.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async updateMember(id: string, { role, disabledAt, by }: MemberChange): Promise<TeamMember | null> {
    return transaction(this.pool, async (client) => {
      if (role !== undefined) await client.query('UPDATE stl_members SET role = $1 WHERE id = $2', [role, id]);
      if (disabledAt === null) {
        await client.query('UPDATE stl_members SET disabled_at = NULL, disabled_by = NULL WHERE id = $1', [id]);
      }
      if (typeof disabledAt === 'string') {
        // Taken away again, the first time and author stay. (SET reads the row as it was before the statement.)
        await client.query(
          `UPDATE stl_members SET disabled_at = COALESCE(disabled_at, $1),
             disabled_by = CASE WHEN disabled_at IS NULL THEN $2 ELSE disabled_by END
           WHERE id = $3`,
          [disabledAt, by, id],
        );
        await client.query('DELETE FROM stl_sessions WHERE member_id = $1', [id]);
      }
      const { rows } = await client.query<TeamMember>(`${SELECT_TEAM_MEMBERS} WHERE m.id = $1`, [id]);
      return rows[0] ?? null;
    });
  }

  async addSession(session: NewSession, now: number): Promise<void> {
    await transaction(this.pool, async (client) => {
      await client.query('DELETE FROM stl_sessions WHERE expires_at <= $1', [now]);
      await client.query('INSERT INTO stl_sessions (token_hash, member_id, expires_at) VALUES ($1, $2, $3)', [
        session.tokenHash,
        session.memberId,
        session.expiresAt,
      ]);
      await client.query('UPDATE stl_members SET last_signed_in_at = $1 WHERE id = $2', [
        new Date(now).toISOString(),
        session.memberId,
      ]);
    });
  }

  async findSessionMember(tokenHash: Buffer, now: number): Promise<StlMember | null> {
    const { rows } = await this.pool.query<StlMember>(
      `SELECT ${MEMBER_COLUMNS} FROM stl_sessions s JOIN stl_members m ON m.id = s.member_id
       WHERE s.token_hash = $1 AND s.expires_at > $2 AND m.disabled_at IS NULL`,
      [tokenHash, now],
    );
    return rows[0] ?? null;
  }

  async deleteSession(tokenHash: Buffer): Promise<void> {
    await this.pool.query('DELETE FROM stl_sessions WHERE token_hash = $1', [tokenHash]);
  }

  async addInvitation(invitation: NewInvitation): Promise<void> {
    const { id, tokenHash, email, role, invitedBy, createdAt, expiresAt } = invitation;
    await this.pool.query(
      `INSERT INTO stl_invitations (id, token_hash, email, role, invited_by, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, tokenHash, email, role, invitedBy, createdAt, expiresAt],
    );
  }

  async listPendingInvitations(now: number): Promise<PendingInvitation[]> {
    const { rows } = await this.pool.query<
      Omit<PendingInvitation, 'createdAt' | 'expiresAt'> & { createdAt: number; expiresAt: number }
    >(
      `SELECT i.id, i.email, i.role, m.name AS "invitedBy", i.created_at AS "createdAt", i.expires_at AS "expiresAt"
       FROM stl_invitations i JOIN stl_members m ON m.id = i.invited_by
       WHERE i.used_at IS NULL AND i.expires_at > $1 ORDER BY i.created_at DESC, i.id`,
      [now],
    );
    return rows.map((row) => ({
      ...row,
      createdAt: new Date(row.createdAt).toISOString(),
      expiresAt: new Date(row.expiresAt).toISOString(),
    }));
  }

  async revokeInvitation(id: string, now: number, by: string | null): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE stl_invitations SET used_at = $2, revoked = true, revoked_by = $3
       WHERE id = $1 AND used_at IS NULL AND expires_at > $2`,
      [id, now, by],
    );
    return rowCount === 1;
  }

  async acceptInvitation(
    tokenHash: Buffer,
    now: number,
    member: Omit<StoredMember, 'email' | 'role'>,
  ): Promise<AcceptedInvitation> {
    try {
      return await transaction(this.pool, async (client): Promise<AcceptedInvitation> => {
        // One statement marks it used only if it still may be: of two racing acceptances, the second waits for
        // the first's row lock, then finds it used.
        const used = await client.query<{ email: string; role: StlRole }>(
          `UPDATE stl_invitations SET used_at = $2
           WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2
           RETURNING email, role`,
          [tokenHash, now],
        );
        const invitation = used.rows[0];
        if (!invitation) return { ok: false, reason: 'invalid' };
        const { id, name, createdAt } = member;
        const added = await insertMember(client, { ...member, email: invitation.email, role: invitation.role });
        // Someone took the e-mail meanwhile: the invitation stays unused, for whoever sorts it out.
        if (!added) throw new EmailTaken();
        return { ok: true, member: { id, email: invitation.email, name, role: invitation.role, createdAt } };
      });
    } catch (error) {
      if (error instanceof EmailTaken) return { ok: false, reason: 'email_taken' };
      throw error;
    }
  }

  async addPasswordReset(reset: NewPasswordReset): Promise<void> {
    await transaction(this.pool, async (client) => {
      await client.query('UPDATE stl_password_resets SET used_at = $1 WHERE member_id = $2 AND used_at IS NULL', [
        reset.createdAt,
        reset.memberId,
      ]);
      await client.query(
        `INSERT INTO stl_password_resets (token_hash, member_id, created_by, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5)`,
        [reset.tokenHash, reset.memberId, reset.createdBy, reset.createdAt, reset.expiresAt],
      );
    });
  }

  async resetPassword(tokenHash: Buffer, now: number, passwordHash: string): Promise<StlMember | null> {
    return transaction(this.pool, async (client) => {
      // As `acceptInvitation`: one statement, so of two racing uses exactly one gets the row.
      const used = await client.query<{ memberId: string }>(
        `UPDATE stl_password_resets SET used_at = $2
         WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2
           AND member_id IN (SELECT id FROM stl_members WHERE disabled_at IS NULL)
         RETURNING member_id AS "memberId"`,
        [tokenHash, now],
      );
      const memberId = used.rows[0]?.memberId;
      if (memberId === undefined) return null;
      await client.query('UPDATE stl_members SET password_hash = $1 WHERE id = $2', [passwordHash, memberId]);
      await client.query('DELETE FROM stl_sessions WHERE member_id = $1', [memberId]);
      const { rows } = await client.query<StlMember>(`SELECT ${MEMBER_COLUMNS} FROM stl_members m WHERE m.id = $1`, [
        memberId,
      ]);
      return rows[0]!;
    });
  }

  async loadAgenda(mesaId: string): Promise<StoredAgenda | null> {
    const { rows } = await this.pool.query<{ agenda: string; state: string; overrides: string }>(
      'SELECT agenda, state, tool_overrides AS overrides FROM mesa_agendas WHERE mesa_id = $1',
      [mesaId],
    );
    const row = rows[0];
    if (!row) return null;
    // Written by the agenda service from schema-checked values only, so read back as they went in.
    return {
      agenda: JSON.parse(row.agenda) as StoredAgenda['agenda'],
      state: JSON.parse(row.state) as StoredAgenda['state'],
      overrides: JSON.parse(row.overrides) as StoredAgenda['overrides'],
    };
  }

  /**
   * The compare-and-set is one statement: a concurrent save of the same record waits on the row lock, then sees
   * the revision the first one wrote and matches nothing.
   */
  async saveAgenda(
    mesaId: string,
    record: StoredAgenda,
    updatedAt: string,
    previousRevision?: number | null,
  ): Promise<boolean> {
    const row = [
      mesaId,
      JSON.stringify(record.agenda),
      JSON.stringify(record.state),
      JSON.stringify(record.overrides),
      updatedAt,
    ];
    const insert = `INSERT INTO mesa_agendas (mesa_id, agenda, state, tool_overrides, updated_at)
       VALUES ($1, $2, $3, $4, $5)`;
    if (previousRevision === undefined) {
      const { rowCount } = await this.pool.query(
        `${insert} ON CONFLICT (mesa_id) DO UPDATE SET agenda = excluded.agenda, state = excluded.state,
           tool_overrides = excluded.tool_overrides, updated_at = excluded.updated_at`,
        row,
      );
      return rowCount === 1;
    }
    if (previousRevision === null) {
      const { rowCount } = await this.pool.query(`${insert} ON CONFLICT (mesa_id) DO NOTHING`, row);
      return rowCount === 1;
    }
    const { rowCount } = await this.pool.query(
      `UPDATE mesa_agendas SET agenda = $2, state = $3, tool_overrides = $4, updated_at = $5
       WHERE mesa_id = $1 AND (state::jsonb ->> 'revision')::bigint = $6`,
      [...row, previousRevision],
    );
    return rowCount === 1;
  }

  async addCommitmentVersion(mesaId: string, version: NewCommitmentVersion): Promise<CommitmentVersion> {
    const { savedAt, stage, contentHash, commitment } = version;
    const number = await transaction(this.pool, async (client) => {
      // Racing saves of a mesa (in any process) take turns on the mesa's row, so each reads the number the one
      // before it wrote. NO KEY: joins and other rows referring to the mesa need not wait.
      await client.query('SELECT 1 FROM mesas WHERE id = $1 FOR NO KEY UPDATE', [mesaId]);
      const { rows } = await client.query<{ number: number }>(
        `INSERT INTO commitment_versions (mesa_id, number, saved_at, stage, content_hash, schema_version, content)
         SELECT $1, COALESCE(MAX(number), 0) + 1, $2, $3, $4, $5, $6 FROM commitment_versions WHERE mesa_id = $1
         RETURNING number`,
        [mesaId, savedAt, JSON.stringify(stage), contentHash, COMMITMENT_VERSION, JSON.stringify(commitment)],
      );
      // In the same transaction: a vote closed meanwhile is in this version or the next, never in both or neither.
      await client.query(
        `UPDATE mesa_votes SET recorded_version = $1
         WHERE mesa_id = $2 AND closed_at IS NOT NULL AND recorded_version IS NULL`,
        [rows[0]!.number, mesaId],
      );
      return rows[0]!.number;
    });
    const votes = (await this.votes.listRecordedVotes(mesaId, number)).flatMap(recordedVote);
    return { mesaId, number, savedAt, stage, contentHash, status: 'borrador', commitment, votes };
  }

  async listCommitmentVersions(mesaId: string): Promise<CommitmentVersionSummary[]> {
    const { rows } = await this.pool.query<Omit<CommitmentVersionSummary, 'stage'> & { stage: string }>(
      `SELECT number, saved_at AS "savedAt", stage, content_hash AS "contentHash", review_status AS status
       FROM commitment_versions WHERE mesa_id = $1 ORDER BY number DESC`,
      [mesaId],
    );
    return rows.map(summaryFromRow);
  }

  async getCommitmentVersion(mesaId: string, number: number): Promise<CommitmentVersion | null> {
    const { rows } = await this.pool.query<StoredVersionRow>(
      `SELECT v.number, v.saved_at AS "savedAt", v.stage, v.content_hash AS "contentHash", v.review_status AS status,
         v.schema_version AS "schemaVersion", v.content, m.title AS "mesaTitle"
       FROM commitment_versions v JOIN mesas m ON m.id = v.mesa_id WHERE v.mesa_id = $1 AND v.number = $2`,
      [mesaId, number],
    );
    const row = rows[0];
    if (!row) return null;
    return versionFromRow(mesaId, row, await this.votes.listRecordedVotes(mesaId, number));
  }

  openVote(vote: NewVote): Promise<boolean> {
    return this.votes.openVote(vote);
  }

  currentVote(mesaId: string): Promise<StoredVote | null> {
    return this.votes.currentVote(mesaId);
  }

  castBallot(voteId: string, seat: string, itemId: string, change: 1 | -1): Promise<CastResult> {
    return this.votes.castBallot(voteId, seat, itemId, change);
  }

  seatBallot(voteId: string, seat: string): Promise<SeatBallot> {
    return this.votes.seatBallot(voteId, seat);
  }

  closeVote(
    mesaId: string,
    voteId: string,
    closedAt: string,
    rank: (counts: ReadonlyMap<string, number>) => VoteResult[],
  ): Promise<StoredVote | null> {
    return this.votes.closeVote(mesaId, voteId, closedAt, rank);
  }

  listRecordedVotes(mesaId: string, number: number): Promise<StoredVote[]> {
    return this.votes.listRecordedVotes(mesaId, number);
  }

  listReviewVersions(filter: ReviewFilter): Promise<ReviewInboxItem[]> {
    return this.review.listReviewVersions(filter);
  }

  setReviewStatus(mesaId: string, number: number, change: ReviewChange): Promise<ReviewChangeResult> {
    return this.review.setReviewStatus(mesaId, number, change);
  }

  listReviewEvents(mesaId: string, number: number): Promise<StoredReviewEvent[]> {
    return this.review.listReviewEvents(mesaId, number);
  }

  addObservation(observation: NewObservation): Promise<void> {
    return this.review.addObservation(observation);
  }

  listObservations(mesaId: string, number?: number): Promise<StoredObservation[]> {
    return this.review.listObservations(mesaId, number);
  }

  respondToObservation(mesaId: string, id: string, response: ObservationResponse): Promise<StoredObservation | null> {
    return this.review.respondToObservation(mesaId, id, response);
  }

  listPublications(): Promise<Publication[]> {
    return this.review.listPublications();
  }

  recordActivityProgress(progress: NewActivityProgress): Promise<void> {
    return this.review.recordActivityProgress(progress);
  }

  listActivityProgress(mesaId: string): Promise<RecordedProgress[]> {
    return this.review.listActivityProgress(mesaId);
  }

  addEvidenceFile(file: NewEvidenceFile): Promise<void> {
    return this.review.addEvidenceFile(file);
  }

  getEvidenceFileInfo(id: string): Promise<StoredEvidenceFile | null> {
    return this.review.getEvidenceFileInfo(id);
  }

  getEvidenceFileData(id: string): Promise<Uint8Array | null> {
    return this.review.getEvidenceFileData(id);
  }

  // PlanStore: plans, events, registrations, seating and kits (migration 2).

  createPlan(plan: Plan): Promise<void> {
    return this.plans.createPlan(plan);
  }

  getPlan(id: string): Promise<Plan | null> {
    return this.plans.getPlan(id);
  }

  listPlans(): Promise<Plan[]> {
    return this.plans.listPlans();
  }

  updatePlan(id: string, change: UpdatePlan): Promise<Plan | null> {
    return this.plans.updatePlan(id, change);
  }

  setMesaPlan(mesaId: string, planId: string): Promise<void> {
    return this.plans.setMesaPlan(mesaId, planId);
  }

  getMesaPlanId(mesaId: string): Promise<string | null> {
    return this.plans.getMesaPlanId(mesaId);
  }

  listPlanMesas(planId: string): Promise<Mesa[]> {
    return this.plans.listPlanMesas(planId);
  }

  createEvent(event: CocreationEvent, invitationHash: Buffer | null): Promise<void> {
    return this.plans.createEvent(event, invitationHash);
  }

  getEvent(id: string): Promise<StoredEvent | null> {
    return this.plans.getEvent(id);
  }

  listEvents(planId: string): Promise<StoredEvent[]> {
    return this.plans.listEvents(planId);
  }

  updateEvent(event: CocreationEvent): Promise<void> {
    return this.plans.updateEvent(event);
  }

  setEventInvitation(eventId: string, invitationHash: Buffer): Promise<void> {
    return this.plans.setEventInvitation(eventId, invitationHash);
  }

  checkEventInvitation(eventId: string, invitationHash: Buffer): Promise<boolean> {
    return this.plans.checkEventInvitation(eventId, invitationHash);
  }

  addRegistration(
    registration: OwnRegistration,
    tokenHash: Buffer,
    capacity: number | null,
  ): Promise<AddRegistrationResult> {
    return this.plans.addRegistration(registration, tokenHash, capacity);
  }

  countRegistrations(eventId: string): Promise<number> {
    return this.plans.countRegistrations(eventId);
  }

  listRegistrations(eventId: string): Promise<StoredRegistration[]> {
    return this.plans.listRegistrations(eventId);
  }

  getRegistration(id: string): Promise<StoredRegistration | null> {
    return this.plans.getRegistration(id);
  }

  findRegistrationByToken(tokenHash: Buffer): Promise<StoredRegistration | null> {
    return this.plans.findRegistrationByToken(tokenHash);
  }

  setCheckIn(registrationId: string, at: string | null): Promise<boolean> {
    return this.plans.setCheckIn(registrationId, at);
  }

  getSeating(eventId: string): Promise<StoredSeating> {
    return this.plans.getSeating(eventId);
  }

  findTableOfMesa(mesaId: string): Promise<{ eventId: string; number: number } | null> {
    return this.plans.findTableOfMesa(mesaId);
  }

  saveSeating(
    eventId: string,
    seating: StoredSeating,
    newMesas: NewTableMesa[],
    basis?: StoredSeating,
  ): Promise<boolean> {
    return this.plans.saveSeating(eventId, seating, newMesas, basis);
  }

  enterMesa(entry: MesaEntryRecord): Promise<Participant> {
    return this.plans.enterMesa(entry);
  }

  addKitItem(item: NewKitItem, maxItems: number): Promise<boolean> {
    return this.plans.addKitItem(item, maxItems);
  }

  listKitItems(eventId: string): Promise<KitItem[]> {
    return this.plans.listKitItems(eventId);
  }

  getKitFile(eventId: string, itemId: string): Promise<{ item: KitItem; data: Uint8Array } | null> {
    return this.plans.getKitFile(eventId, itemId);
  }

  deleteKitItem(eventId: string, itemId: string): Promise<boolean> {
    return this.plans.deleteKitItem(eventId, itemId);
  }

  /** Waits for the appends under way, then closes every connection. */
  async close(): Promise<void> {
    await this.appends.drained();
    await this.pool.end();
  }
}
