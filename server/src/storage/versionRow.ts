import {
  commitmentSchema,
  migrateCommitment,
  versionStageSchema,
  type CommitmentVersion,
  type CommitmentVersionSummary,
  type RecordedVote,
} from '@cocrea/shared';
import type { StoredVote } from './Storage';

/**
 * A saved version as both backends store it: the stage and the commitment as JSON text, with its schema version;
 * read with its mesa's title, which migrating an older record may need.
 */
export type StoredVersionRow = Omit<CommitmentVersionSummary, 'stage'> & {
  stage: string;
  schemaVersion: number;
  content: string;
  mesaTitle: string;
};

/** A stored summary row with its stage parsed. */
export function summaryFromRow(
  row: Omit<CommitmentVersionSummary, 'stage'> & { stage: string },
): CommitmentVersionSummary {
  return { ...row, stage: versionStageSchema.parse(JSON.parse(row.stage)) };
}

/**
 * A stored version as the rest of the server reads it. A record written by an older schema is brought up to date on
 * the way out; the stored row never changes.
 */
export function versionFromRow(mesaId: string, row: StoredVersionRow, votes: StoredVote[]): CommitmentVersion {
  const content = migrateCommitment(JSON.parse(row.content) as Record<string, unknown>, row.schemaVersion, {
    mesaTitle: row.mesaTitle,
  });
  return {
    mesaId,
    number: row.number,
    savedAt: row.savedAt,
    stage: versionStageSchema.parse(JSON.parse(row.stage)),
    contentHash: row.contentHash,
    status: row.status,
    commitment: commitmentSchema.parse(content),
    votes: votes.flatMap(recordedVote),
  };
}

/** A closed vote as a version records it: its settings and counts, never its ballots. */
export function recordedVote(vote: StoredVote): RecordedVote[] {
  if (vote.closedAt === null || vote.results === null) return [];
  const { target, votesPerPerson, allowSeveral, closedAt, voters, results } = vote;
  return [{ target, votesPerPerson, allowSeveral, closedAt, voters, results }];
}
