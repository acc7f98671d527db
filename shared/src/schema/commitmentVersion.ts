import { z } from 'zod';
import { commitmentSchema, type Commitment } from './commitment';
import type { ReviewStatus } from './review';
import type { RecordedVote } from './vote';

/**
 * A saved version of a mesa's commitment: what "Guardar compromiso" stores on the server. Versions are immutable
 * and numbered per mesa (1, 2, …); the live draft keeps evolving in the mesa's document.
 */

/**
 * Where the mesa's agenda stood when the version was saved: the stage and whether the agenda had begun or ended. A
 * compromiso proactivo has phases instead of an agenda: `phase`, with the phase's number (1 to 5) and name.
 */
export const versionStageSchema = z
  .object({
    status: z.enum(['not_started', 'running', 'paused', 'finished', 'phase']),
    /** 0-based, the methodology's "Etapa N"; for a `phase`, its number. */
    number: z.int().min(0),
    name: z.string(),
  })
  .strict();
export type VersionStage = z.infer<typeof versionStageSchema>;

/** A version as listed: everything but the content. */
export interface CommitmentVersionSummary {
  number: number;
  /** ISO 8601, server time. */
  savedAt: string;
  stage: VersionStage;
  /** SHA-256 (hex) of the stored commitment's canonical JSON: equal hashes, equal content. */
  contentHash: string;
  /** Where the STL's review of this version stands; every version starts as `borrador`. */
  status: ReviewStatus;
}

export interface CommitmentVersion extends CommitmentVersionSummary {
  mesaId: string;
  commitment: Commitment;
  /** The counts of the mesa's dot votes closed since the version before (none for versions saved before voting). */
  votes: RecordedVote[];
}

/** `POST /api/mesas/:id/commitment/versions`: the whole commitment, which must be complete. */
export const saveCommitmentSchema = z.strictObject({ commitment: commitmentSchema });

/** The JSON body limit of a save: the largest commitment of the seeds is ~12 kB; generous lists fit. */
export const COMMITMENT_BODY_LIMIT_BYTES = 512 * 1024;

/** The Spanish label of the moment a version was saved. */
export function versionStageLabel(stage: VersionStage): string {
  if (stage.status === 'not_started') return 'Antes de iniciar la agenda';
  if (stage.status === 'finished') return 'Agenda concluida';
  // Where a version was saved is also where it came from: the inbox, the save panel and the print say so.
  if (stage.status === 'phase') return `Compromiso proactivo · fase ${stage.number}: ${stage.name}`;
  return `Etapa ${stage.number} · ${stage.name}`;
}

/** A version's number as a path segment (`/mesa/<id>/compromiso/3`): 1 to 999 999 999, written without a leading 0. */
export const versionNumberParamSchema = z
  .string()
  .regex(/^[1-9]\d{0,8}$/)
  .transform(Number);
