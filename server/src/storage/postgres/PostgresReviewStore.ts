import type { Pool } from 'pg';
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
  NewEvidenceFile,
  StoredEvidenceFile,
  FollowUpStore,
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
import { transaction } from './pool';

const OBSERVATION_COLUMNS = `o.id, o.version_number AS "versionNumber", o.path, o.text, o.created_at AS "createdAt",
  m.name AS "authorName", o.response_text AS "responseText", o.response_attended AS "responseAttended",
  o.response_at AS "responseAt"`;

interface ObservationRow extends Omit<StoredObservation, 'response'> {
  responseText: string | null;
  responseAttended: boolean | null;
  responseAt: string | null;
}

function observationOf({ responseText, responseAttended, responseAt, ...rest }: ObservationRow): StoredObservation {
  const response =
    responseAt === null ? null : { text: responseText ?? '', attended: responseAttended === true, at: responseAt };
  return { ...rest, response };
}

/** The review and follow-up tables over PostgresStorage's pool. */
export class PostgresReviewStore implements ReviewStore, FollowUpStore {
  constructor(private readonly pool: Pool) {}

  async listReviewVersions(filter: ReviewFilter): Promise<ReviewInboxItem[]> {
    const { rows } = await this.pool.query<Omit<ReviewInboxItem, 'stage'> & { stage: string }>(
      `SELECT v.mesa_id AS "mesaId", mesas.title AS "mesaTitle", mesas.theme, v.number, v.saved_at AS "savedAt",
         v.stage, v.content_hash AS "contentHash", v.review_status AS status,
         (SELECT COUNT(*)::integer FROM review_observations o
          WHERE o.mesa_id = v.mesa_id AND o.version_number = v.number) AS "observationCount"
       FROM commitment_versions v JOIN mesas ON mesas.id = v.mesa_id
       WHERE ($1::text IS NULL OR mesas.theme = $1) AND ($2::text IS NULL OR v.mesa_id = $2)
         AND ($3::text IS NULL OR v.review_status = $3)
       ORDER BY v.saved_at DESC, v.mesa_id, v.number DESC`,
      [filter.theme ?? null, filter.mesaId ?? null, filter.status ?? null],
    );
    return rows.map((row) => ({ ...row, stage: versionStageSchema.parse(JSON.parse(row.stage)) }));
  }

  /**
   * One transaction, which first takes the mesa's row: moves of one mesa's versions (in any process) take turns,
   * so of two reviewers moving the same version the second finds it moved and gets `stale`, and two publications
   * of one mesa cannot both stand.
   */
  async setReviewStatus(mesaId: string, number: number, change: ReviewChange): Promise<ReviewChangeResult> {
    return transaction(this.pool, async (client): Promise<ReviewChangeResult> => {
      await client.query('SELECT 1 FROM mesas WHERE id = $1 FOR NO KEY UPDATE', [mesaId]);
      const current = await client.query<{ status: ReviewStatus }>(
        'SELECT review_status AS status FROM commitment_versions WHERE mesa_id = $1 AND number = $2',
        [mesaId, number],
      );
      const status = current.rows[0]?.status;
      if (status === undefined) return { ok: false, reason: 'not_found' };
      if (status !== change.from) return { ok: false, reason: 'stale' };
      const record = async (n: number, from: ReviewStatus, to: ReviewStatus) => {
        await client.query('UPDATE commitment_versions SET review_status = $1 WHERE mesa_id = $2 AND number = $3', [
          to,
          mesaId,
          n,
        ]);
        await client.query(
          `INSERT INTO review_events (mesa_id, version_number, from_status, to_status, member_id, at)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [mesaId, n, from, to, change.memberId, change.at],
        );
      };
      let withdrawn: number[] = [];
      if (change.to === 'publicado') {
        const newer = await client.query(
          `SELECT 1 FROM commitment_versions
           WHERE mesa_id = $1 AND number > $2 AND review_status IN ('aprobado', 'publicado')`,
          [mesaId, number],
        );
        if (newer.rowCount !== 0) return { ok: false, reason: 'not_newest' };
        const others = await client.query<{ number: number }>(
          `SELECT number FROM commitment_versions WHERE mesa_id = $1 AND number <> $2 AND review_status = 'publicado'`,
          [mesaId, number],
        );
        withdrawn = others.rows.map((row) => row.number);
        for (const other of withdrawn) await record(other, 'publicado', 'aprobado');
      }
      await record(number, change.from, change.to);
      return { ok: true, withdrawn };
    });
  }

  async listReviewEvents(mesaId: string, number: number): Promise<StoredReviewEvent[]> {
    const { rows } = await this.pool.query<StoredReviewEvent>(
      `SELECT e.from_status AS "from", e.to_status AS "to", m.name AS "memberName", e.at
       FROM review_events e LEFT JOIN stl_members m ON m.id = e.member_id
       WHERE e.mesa_id = $1 AND e.version_number = $2 ORDER BY e.id`,
      [mesaId, number],
    );
    return rows;
  }

  async addObservation(observation: NewObservation): Promise<void> {
    const { id, mesaId, versionNumber, path, text, memberId, createdAt } = observation;
    await this.pool.query(
      `INSERT INTO review_observations (id, mesa_id, version_number, path, text, member_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, mesaId, versionNumber, path, text, memberId, createdAt],
    );
  }

  async listObservations(mesaId: string, number?: number): Promise<StoredObservation[]> {
    const { rows } = await this.pool.query<ObservationRow>(
      `SELECT ${OBSERVATION_COLUMNS}
       FROM review_observations o LEFT JOIN stl_members m ON m.id = o.member_id
       WHERE o.mesa_id = $1 AND ($2::integer IS NULL OR o.version_number = $2)
       ORDER BY o.created_at, o.ord`,
      [mesaId, number ?? null],
    );
    return rows.map(observationOf);
  }

  async respondToObservation(
    mesaId: string,
    id: string,
    { text, attended, at }: ObservationResponse,
  ): Promise<StoredObservation | null> {
    const { rows } = await this.pool.query<ObservationRow>(
      `WITH answered AS (
         UPDATE review_observations SET response_text = $3, response_attended = $4, response_at = $5
         WHERE mesa_id = $1 AND id = $2 RETURNING *
       )
       SELECT ${OBSERVATION_COLUMNS} FROM answered o LEFT JOIN stl_members m ON m.id = o.member_id`,
      [mesaId, id, text, attended, at],
    );
    return rows[0] ? observationOf(rows[0]) : null;
  }

  async listPublications(): Promise<Publication[]> {
    const { rows } = await this.pool.query<Publication>(
      `SELECT v.mesa_id AS "mesaId", v.number,
         (SELECT MAX(e.at) FROM review_events e
          WHERE e.mesa_id = v.mesa_id AND e.version_number = v.number AND e.to_status = 'publicado') AS "publishedAt"
       FROM commitment_versions v WHERE v.review_status = 'publicado'`,
    );
    return rows;
  }

  async recordActivityProgress(progress: NewActivityProgress): Promise<void> {
    const { mesaId, activityId, level, evidence, note, memberId, at } = progress;
    await this.pool.query(
      `INSERT INTO activity_progress (mesa_id, activity_id, level, evidence, note, member_id, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [mesaId, activityId, level, JSON.stringify(evidence), note, memberId, at],
    );
  }

  async listActivityProgress(mesaId: string): Promise<RecordedProgress[]> {
    const { rows } = await this.pool.query<Omit<RecordedProgress, 'evidence'> & { evidence: string }>(
      `SELECT activity_id AS "activityId", level, evidence, note, recorded_at AS "updatedAt" FROM activity_progress p
       WHERE mesa_id = $1 AND id = (SELECT MAX(id) FROM activity_progress q
                                    WHERE q.mesa_id = p.mesa_id AND q.activity_id = p.activity_id)
       ORDER BY id`,
      [mesaId],
    );
    return rows.map((row) => ({ ...row, evidence: evidenceOf(row.evidence) }));
  }

  async addEvidenceFile({ file, data, mesaId, activityId, memberId, createdAt }: NewEvidenceFile): Promise<void> {
    await this.pool.query(
      `INSERT INTO evidence_files (id, mesa_id, activity_id, file_name, media_type, size, data, member_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [file.id, mesaId, activityId, file.fileName, file.mediaType, file.size, Buffer.from(data), memberId, createdAt],
    );
  }

  async getEvidenceFileInfo(id: string): Promise<StoredEvidenceFile | null> {
    const { rows } = await this.pool.query<EvidenceFile & Omit<StoredEvidenceFile, 'file'>>(
      `SELECT id, mesa_id AS "mesaId", activity_id AS "activityId", file_name AS "fileName", media_type AS "mediaType",
         size, created_at AS "createdAt"
       FROM evidence_files WHERE id = $1`,
      [id],
    );
    return rows[0] ? storedEvidenceFile(rows[0]) : null;
  }

  async getEvidenceFileData(id: string): Promise<Uint8Array | null> {
    const { rows } = await this.pool.query<{ data: Buffer }>('SELECT data FROM evidence_files WHERE id = $1', [id]);
    return rows[0]?.data ?? null;
  }
}
