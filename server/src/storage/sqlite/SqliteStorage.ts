import Database from 'better-sqlite3';
import {
  COMMITMENT_VERSION,
  commitmentSchema,
  migrateCommitment,
  versionStageSchema,
  type CommitmentVersion,
  type CommitmentVersionSummary,
  type Mesa,
  type Participant,
  type Role,
} from '@cocrea/shared';
import type { NewCapability, NewCommitmentVersion, Storage, StoredAgenda, StoredDoc } from '../Storage';
import { MIGRATIONS } from './migrations';

export interface SqliteOptions {
  /**
   * `NORMAL` (default) survives a crash of the server process, which is what WAL guarantees once a commit
   * returns; `FULL` also survives power loss at the cost of an fsync per commit.
   */
  synchronous?: 'NORMAL' | 'FULL';
}

interface PendingAppend {
  room: string;
  data: Buffer;
  resolve(seq: number): void;
  reject(error: unknown): void;
}

/** better-sqlite3 binds Buffers as BLOBs; a view over the same bytes costs no copy. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Brings a database to the newest schema. Exported for the migration test. */
export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current + 1; version <= MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version - 1]!);
      db.pragma(`user_version = ${version}`);
    })();
  }
}

/** The embedded default: one SQLite file in WAL mode, driven synchronously by better-sqlite3. */
export class SqliteStorage implements Storage {
  private readonly db: Database.Database;
  private readonly stmt;

  constructor(filename: string, options: SqliteOptions = {}) {
    this.db = new Database(filename);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
    // Two processes (the app and a backup or admin script) may briefly contend for the write lock.
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
    migrate(this.db);
    this.stmt = {
      insertMesa: this.db.prepare(
        'INSERT INTO mesas (id, title, theme, date, created_at) VALUES (@id, @title, @theme, @date, @createdAt)',
      ),
      insertCapability: this.db.prepare('INSERT INTO capabilities (token_hash, mesa_id, role) VALUES (?, ?, ?)'),
      getMesa: this.db.prepare('SELECT id, title, theme, date, created_at AS createdAt FROM mesas WHERE id = ?'),
      listMesas: this.db.prepare(
        'SELECT id, title, theme, date, created_at AS createdAt FROM mesas ORDER BY date DESC, created_at DESC',
      ),
      findRole: this.db.prepare('SELECT role FROM capabilities WHERE token_hash = ? AND mesa_id = ?'),
      snapshot: this.db.prepare('SELECT data, up_to_seq AS upToSeq FROM doc_snapshots WHERE room = ?'),
      updates: this.db.prepare('SELECT seq, data FROM doc_updates WHERE room = ? AND seq > ? ORDER BY seq'),
      append: this.db.prepare('INSERT INTO doc_updates (room, data) VALUES (?, ?)'),
      putSnapshot: this.db.prepare(
        `INSERT INTO doc_snapshots (room, data, up_to_seq) VALUES (?, ?, ?)
         ON CONFLICT(room) DO UPDATE SET data = excluded.data, up_to_seq = excluded.up_to_seq`,
      ),
      dropUpdates: this.db.prepare('DELETE FROM doc_updates WHERE room = ? AND seq <= ?'),
      insertParticipant: this.db.prepare(
        `INSERT INTO participants (id, mesa_id, role, name, sector, organization, color, seat_hash, joined_at)
         VALUES (@id, @mesaId, @role, @name, @sector, @organization, @color, @seatHash, @joinedAt)`,
      ),
      findParticipant: this.db.prepare(
        `SELECT id, role, name, sector, organization, color FROM participants WHERE mesa_id = ? AND seat_hash = ?`,
      ),
      listParticipants: this.db.prepare(
        `SELECT id, role, name, sector, organization, color FROM participants WHERE mesa_id = ? ORDER BY joined_at, id`,
      ),
      loadAgenda: this.db.prepare(
        'SELECT agenda, state, tool_overrides AS overrides FROM mesa_agendas WHERE mesa_id = ?',
      ),
      saveAgenda: this.db.prepare(
        `INSERT INTO mesa_agendas (mesa_id, agenda, state, tool_overrides, updated_at)
         VALUES (@mesaId, @agenda, @state, @overrides, @updatedAt)
         ON CONFLICT(mesa_id) DO UPDATE SET agenda = excluded.agenda, state = excluded.state,
           tool_overrides = excluded.tool_overrides, updated_at = excluded.updated_at`,
      ),
      // One statement picks the next number and writes it, so racing saves of a mesa cannot share a number.
      insertVersion: this.db.prepare(
        `INSERT INTO commitment_versions (mesa_id, number, saved_at, stage, content_hash, schema_version, content)
         SELECT @mesaId, COALESCE(MAX(number), 0) + 1, @savedAt, @stage, @contentHash, @schemaVersion, @content
         FROM commitment_versions WHERE mesa_id = @mesaId
         RETURNING number`,
      ),
      listVersions: this.db.prepare(
        `SELECT number, saved_at AS savedAt, stage, content_hash AS contentHash
         FROM commitment_versions WHERE mesa_id = ? ORDER BY number DESC`,
      ),
      getVersion: this.db.prepare(
        `SELECT number, saved_at AS savedAt, stage, content_hash AS contentHash, schema_version AS schemaVersion,
           content
         FROM commitment_versions WHERE mesa_id = ? AND number = ?`,
      ),
    };
  }

  async createMesa(mesa: Mesa, capabilities: NewCapability[]): Promise<void> {
    this.db.transaction(() => {
      this.stmt.insertMesa.run(mesa);
      for (const c of capabilities) this.stmt.insertCapability.run(c.tokenHash, mesa.id, c.role);
    })();
  }

  async getMesa(id: string): Promise<Mesa | null> {
    return (this.stmt.getMesa.get(id) as Mesa | undefined) ?? null;
  }

  async listMesas(): Promise<Mesa[]> {
    return this.stmt.listMesas.all() as Mesa[];
  }

  async findRole(mesaId: string, tokenHash: Buffer): Promise<Role | null> {
    const row = this.stmt.findRole.get(tokenHash, mesaId) as { role: Role } | undefined;
    return row?.role ?? null;
  }

  async addParticipant(mesaId: string, participant: Participant, seatHash: Buffer): Promise<void> {
    this.stmt.insertParticipant.run({ ...participant, mesaId, seatHash, joinedAt: new Date().toISOString() });
  }

  async findParticipant(mesaId: string, seatHash: Buffer): Promise<Participant | null> {
    return (this.stmt.findParticipant.get(mesaId, seatHash) as Participant | undefined) ?? null;
  }

  async listParticipants(mesaId: string): Promise<Participant[]> {
    return this.stmt.listParticipants.all(mesaId) as Participant[];
  }

  async loadAgenda(mesaId: string): Promise<StoredAgenda | null> {
    const row = this.stmt.loadAgenda.get(mesaId) as { agenda: string; state: string; overrides: string } | undefined;
    if (!row) return null;
    // Written by the agenda service from schema-checked values only, so read back as they went in.
    return {
      agenda: JSON.parse(row.agenda) as StoredAgenda['agenda'],
      state: JSON.parse(row.state) as StoredAgenda['state'],
      overrides: JSON.parse(row.overrides) as StoredAgenda['overrides'],
    };
  }

  async saveAgenda(mesaId: string, record: StoredAgenda): Promise<void> {
    this.stmt.saveAgenda.run({
      mesaId,
      agenda: JSON.stringify(record.agenda),
      state: JSON.stringify(record.state),
      overrides: JSON.stringify(record.overrides),
      updatedAt: new Date().toISOString(),
    });
  }

  async addCommitmentVersion(mesaId: string, version: NewCommitmentVersion): Promise<CommitmentVersion> {
    const savedAt = new Date().toISOString();
    const row = this.stmt.insertVersion.get({
      mesaId,
      savedAt,
      stage: JSON.stringify(version.stage),
      contentHash: version.contentHash,
      schemaVersion: COMMITMENT_VERSION,
      content: JSON.stringify(version.commitment),
    }) as { number: number };
    return { mesaId, number: row.number, savedAt, ...version };
  }

  async listCommitmentVersions(mesaId: string): Promise<CommitmentVersionSummary[]> {
    const rows = this.stmt.listVersions.all(mesaId) as (Omit<CommitmentVersionSummary, 'stage'> & { stage: string })[];
    return rows.map((row) => ({ ...row, stage: versionStageSchema.parse(JSON.parse(row.stage)) }));
  }

  async getCommitmentVersion(mesaId: string, number: number): Promise<CommitmentVersion | null> {
    const row = this.stmt.getVersion.get(mesaId, number) as
      (Omit<CommitmentVersionSummary, 'stage'> & { stage: string; schemaVersion: number; content: string }) | undefined;
    if (!row) return null;
    // A record written by an older schema is brought up to date on the way out; the stored row never changes.
    const content = migrateCommitment(JSON.parse(row.content) as Record<string, unknown>, row.schemaVersion);
    return {
      mesaId,
      number: row.number,
      savedAt: row.savedAt,
      stage: versionStageSchema.parse(JSON.parse(row.stage)),
      contentHash: row.contentHash,
      commitment: commitmentSchema.parse(content),
    };
  }

  async loadDoc(room: string): Promise<StoredDoc> {
    const snap = this.stmt.snapshot.get(room) as { data: Buffer; upToSeq: number } | undefined;
    const rows = this.stmt.updates.all(room, snap?.upToSeq ?? 0) as { seq: number; data: Buffer }[];
    return {
      snapshot: snap ? new Uint8Array(snap.data) : null,
      updates: rows.map((r) => new Uint8Array(r.data)),
      lastSeq: rows.at(-1)?.seq ?? snap?.upToSeq ?? 0,
    };
  }

  /**
   * Appends are committed together, one transaction per event-loop turn: a commit per update wrote ~13 KB of WAL
   * for a ~20-byte update and made every room wait on checkpoints (see bench/). Each promise still resolves
   * only after its row is committed, so an acknowledged update is durable.
   */
  appendUpdate(room: string, update: Uint8Array): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pendingAppends.push({ room, data: asBuffer(update), resolve, reject });
      if (this.pendingAppends.length === 1) setImmediate(this.commitAppends);
    });
  }

  private readonly pendingAppends: PendingAppend[] = [];

  private readonly commitAppends = (): void => {
    const batch = this.pendingAppends.splice(0);
    let seqs: number[];
    try {
      seqs = this.db.transaction(() =>
        batch.map((a) => Number(this.stmt.append.run(a.room, a.data).lastInsertRowid)),
      )();
    } catch (error) {
      for (const a of batch) a.reject(error);
      return;
    }
    batch.forEach((a, i) => a.resolve(seqs[i]!));
  };

  async compact(room: string, snapshot: Uint8Array, upToSeq: number): Promise<void> {
    this.db.transaction(() => {
      this.stmt.putSnapshot.run(room, asBuffer(snapshot), upToSeq);
      this.stmt.dropUpdates.run(room, upToSeq);
    })();
  }

  async close(): Promise<void> {
    if (this.pendingAppends.length > 0) this.commitAppends();
    if (this.db.open) this.db.close();
  }
}
