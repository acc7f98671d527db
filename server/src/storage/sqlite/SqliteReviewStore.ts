import type Database from 'better-sqlite3';
import {
  versionStageSchema,
  type EvidenceFile,
  type ObservationResponse,
  type RecordedProgress,
  type ReviewInboxItem,
  type ReviewStatus,
} from '@cocrea/shared';
import { evidenceOf, storedEvidenceFile } from '../evidenceRow';
import type {
  FollowUpStore,
  NewEvidenceFile,
  StoredEvidenceFile,
  NewActivityProgress,
  NewObservation,
  Publication,
  ReviewChange,
  ReviewChangeResult,
  ReviewFilter,
  ReviewStore,
  StoredObservation,
  StoredReviewEvent,
} from '../Storage';

const OBSERVATION_COLUMNS = `o.id, o.version_number AS versionNumber, o.path, o.text, o.created_at AS createdAt,
  m.name AS authorName, o.response_text AS responseText, o.response_attended AS responseAttended,
  o.response_at AS responseAt`;

interface ObservationRow extends Omit<StoredObservation, 'response'> {
  responseText: string | null;
  responseAttended: number | null;
  responseAt: string | null;
}

function observationOf({ responseText, responseAttended, responseAt, ...rest }: ObservationRow): StoredObservation {
  const response =
    responseAt === null ? null : { text: responseText ?? '', attended: responseAttended === 1, at: responseAt };
  return { ...rest, response };
}

/** The review and follow-up tables (migrations 7 and 9) over SqliteStorage's connection. */
export class SqliteReviewStore implements ReviewStore, FollowUpStore {
  private readonly stmt;
  private readonly move: (mesaId: string, number: number, change: ReviewChange) => ReviewChangeResult;

  constructor(db: Database.Database) {
    this.stmt = {
      inbox: db.prepare(
        `SELECT v.mesa_id AS mesaId, mesas.title AS mesaTitle, mesas.theme, v.number, v.saved_at AS savedAt, v.stage,
           v.content_hash AS contentHash, v.review_status AS status,
           (SELECT COUNT(*) FROM review_observations o WHERE o.mesa_id = v.mesa_id AND o.version_number = v.number)
             AS observationCount
         FROM commitment_versions v JOIN mesas ON mesas.id = v.mesa_id
         WHERE (@theme IS NULL OR mesas.theme = @theme) AND (@mesaId IS NULL OR v.mesa_id = @mesaId)
           AND (@status IS NULL OR v.review_status = @status)
         ORDER BY v.saved_at DESC, v.mesa_id, v.number DESC`,
      ),
      status: db.prepare('SELECT review_status FROM commitment_versions WHERE mesa_id = ? AND number = ?').pluck(),
      newerApproved: db
        .prepare(
          `SELECT COUNT(*) FROM commitment_versions
           WHERE mesa_id = ? AND number > ? AND review_status IN ('aprobado', 'publicado')`,
        )
        .pluck(),
      otherPublished: db
        .prepare(
          `SELECT number FROM commitment_versions WHERE mesa_id = ? AND number <> ? AND review_status = 'publicado'`,
        )
        .pluck(),
      setStatus: db.prepare('UPDATE commitment_versions SET review_status = ? WHERE mesa_id = ? AND number = ?'),
      insertEvent: db.prepare(
        `INSERT INTO review_events (mesa_id, version_number, from_status, to_status, member_id, at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      events: db.prepare(
        `SELECT e.from_status AS "from", e.to_status AS "to", m.name AS memberName, e.at
         FROM review_events e LEFT JOIN stl_members m ON m.id = e.member_id
         WHERE e.mesa_id = ? AND e.version_number = ? ORDER BY e.id`,
      ),
      insertObservation: db.prepare(
        `INSERT INTO review_observations (id, mesa_id, version_number, path, text, member_id, created_at)
         VALUES (@id, @mesaId, @versionNumber, @path, @text, @memberId, @createdAt)`,
      ),
      observations: db.prepare(
        `SELECT ${OBSERVATION_COLUMNS} FROM review_observations o LEFT JOIN stl_members m ON m.id = o.member_id
         WHERE o.mesa_id = @mesaId AND (@number IS NULL OR o.version_number = @number)
         ORDER BY o.created_at, o.rowid`,
      ),
      respond: db.prepare(
        `UPDATE review_observations SET response_text = @text, response_attended = @attended, response_at = @at
         WHERE mesa_id = @mesaId AND id = @id`,
      ),
      observation: db.prepare(
        `SELECT ${OBSERVATION_COLUMNS} FROM review_observations o LEFT JOIN stl_members m ON m.id = o.member_id
         WHERE o.mesa_id = ? AND o.id = ?`,
      ),
      publications: db.prepare(
        `SELECT v.mesa_id AS mesaId, v.number,
           (SELECT MAX(e.at) FROM review_events e
            WHERE e.mesa_id = v.mesa_id AND e.version_number = v.number AND e.to_status = 'publicado') AS publishedAt
         FROM commitment_versions v WHERE v.review_status = 'publicado'`,
      ),
      insertProgress: db.prepare(
        `INSERT INTO activity_progress (mesa_id, activity_id, level, evidence, note, member_id, recorded_at)
         VALUES (@mesaId, @activityId, @level, @evidence, @note, @memberId, @at)`,
      ),
      insertEvidenceFile: db.prepare(
        `INSERT INTO evidence_files (id, mesa_id, activity_id, file_name, media_type, size, data, member_id, created_at)
         VALUES (@id, @mesaId, @activityId, @fileName, @mediaType, @size, @data, @memberId, @createdAt)`,
      ),
      evidenceFileInfo: db.prepare(
        `SELECT id, mesa_id AS mesaId, activity_id AS activityId, file_name AS fileName, media_type AS mediaType, size,
           created_at AS createdAt
         FROM evidence_files WHERE id = ?`,
      ),
      evidenceFileData: db.prepare('SELECT data FROM evidence_files WHERE id = ?').pluck(),
      progress: db.prepare(
        `SELECT activity_id AS activityId, level, evidence, note, recorded_at AS updatedAt FROM activity_progress p
         WHERE mesa_id = ? AND id = (SELECT MAX(id) FROM activity_progress q
                                     WHERE q.mesa_id = p.mesa_id AND q.activity_id = p.activity_id)
         ORDER BY id`,
      ),
    };

    // One transaction: of two reviewers moving the same version, the second finds it moved and gets `stale`.
    this.move = db.transaction((mesaId: string, number: number, change: ReviewChange): ReviewChangeResult => {
      const current = this.stmt.status.get(mesaId, number) as ReviewStatus | undefined;
      if (current === undefined) return { ok: false, reason: 'not_found' };
      if (current !== change.from) return { ok: false, reason: 'stale' };
      const record = (n: number, from: ReviewStatus, to: ReviewStatus) => {
        this.stmt.setStatus.run(to, mesaId, n);
        this.stmt.insertEvent.run(mesaId, n, from, to, change.memberId, change.at);
      };
      let withdrawn: number[] = [];
      if (change.to === 'publicado') {
        if ((this.stmt.newerApproved.get(mesaId, number) as number) > 0) return { ok: false, reason: 'not_newest' };
        withdrawn = this.stmt.otherPublished.all(mesaId, number) as number[];
        for (const other of withdrawn) record(other, 'publicado', 'aprobado');
      }
      record(number, change.from, change.to);
      return { ok: true, withdrawn };
    });
  }

  async listReviewVersions(filter: ReviewFilter): Promise<ReviewInboxItem[]> {
    const rows = this.stmt.inbox.all({
      theme: filter.theme ?? null,
      mesaId: filter.mesaId ?? null,
      status: filter.status ?? null,
    }) as (Omit<ReviewInboxItem, 'stage'> & { stage: string })[];
    return rows.map((row) => ({ ...row, stage: versionStageSchema.parse(JSON.parse(row.stage)) }));
  }

  async setReviewStatus(mesaId: string, number: number, change: ReviewChange): Promise<ReviewChangeResult> {
    return this.move(mesaId, number, change);
  }

  async listReviewEvents(mesaId: string, number: number): Promise<StoredReviewEvent[]> {
    return this.stmt.events.all(mesaId, number) as StoredReviewEvent[];
  }

  async addObservation(observation: NewObservation): Promise<void> {
    this.stmt.insertObservation.run(observation);
  }

  async listObservations(mesaId: string, number?: number): Promise<StoredObservation[]> {
    return (this.stmt.observations.all({ mesaId, number: number ?? null }) as ObservationRow[]).map(observationOf);
  }

  async respondToObservation(
    mesaId: string,
    id: string,
    { text, attended, at }: ObservationResponse,
  ): Promise<StoredObservation | null> {
    const { changes } = this.stmt.respond.run({ mesaId, id, text, attended: attended ? 1 : 0, at });
    if (changes === 0) return null;
    return observationOf(this.stmt.observation.get(mesaId, id) as ObservationRow);
  }

  async listPublications(): Promise<Publication[]> {
    return this.stmt.publications.all() as Publication[];
  }

  async recordActivityProgress(progress: NewActivityProgress): Promise<void> {
    this.stmt.insertProgress.run({ ...progress, evidence: JSON.stringify(progress.evidence) });
  }

  async listActivityProgress(mesaId: string): Promise<RecordedProgress[]> {
    const rows = this.stmt.progress.all(mesaId) as (Omit<RecordedProgress, 'evidence'> & { evidence: string })[];
    return rows.map((row) => ({ ...row, evidence: evidenceOf(row.evidence) }));
  }

  async addEvidenceFile({ file, data, ...rest }: NewEvidenceFile): Promise<void> {
    this.stmt.insertEvidenceFile.run({
      ...rest,
      ...file,
      data: Buffer.from(data.buffer, data.byteOffset, data.byteLength),
    });
  }

  async getEvidenceFileInfo(id: string): Promise<StoredEvidenceFile | null> {
    const row = this.stmt.evidenceFileInfo.get(id) as (EvidenceFile & Omit<StoredEvidenceFile, 'file'>) | undefined;
    return row ? storedEvidenceFile(row) : null;
  }

  async getEvidenceFileData(id: string): Promise<Uint8Array | null> {
    return (this.stmt.evidenceFileData.get(id) as Buffer | undefined) ?? null;
  }
}
