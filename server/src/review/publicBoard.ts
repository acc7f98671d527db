import {
  BOARD_LICENSE,
  publicCommitment,
  sortBoard,
  type Board,
  type CommitmentVersion,
  type Mesa,
  type PublicCommitment,
} from '@cocrea/shared';
import type { CommitmentStore, FollowUpStore, MesaStore, ReviewStore } from '../storage/Storage';

type BoardStore = MesaStore & CommitmentStore & ReviewStore & FollowUpStore;

/** A mesa's published version, or null when it has none. */
export async function publishedVersion(
  store: BoardStore,
  mesaId: string,
): Promise<{ mesa: Mesa; version: CommitmentVersion; publishedAt: string } | null> {
  const publication = (await store.listPublications()).find((p) => p.mesaId === mesaId);
  if (!publication) return null;
  const [mesa, version] = await Promise.all([
    store.getMesa(mesaId),
    store.getCommitmentVersion(mesaId, publication.number),
  ]);
  return mesa && version ? { mesa, version, publishedAt: publication.publishedAt } : null;
}

/** The public board: every mesa's published commitment with its activities' current progress. */
export async function loadBoard(store: BoardStore): Promise<Board> {
  const publications = await store.listPublications();
  const commitments = await Promise.all(
    publications.map(async ({ mesaId, number, publishedAt }) => {
      const [mesa, version, progress] = await Promise.all([
        store.getMesa(mesaId),
        store.getCommitmentVersion(mesaId, number),
        store.listActivityProgress(mesaId),
      ]);
      if (!mesa || !version) return [];
      return [publicCommitment({ mesa, version: number, publishedAt, commitment: version.commitment, progress })];
    }),
  );
  const shown = sortBoard(commitments.flat());
  return { license: BOARD_LICENSE, updatedAt: latestChange(shown), commitments: shown };
}

/**
 * The newest instant among what the board shows: a publication or a recorded progress. Unlike the time of the
 * request, it stays the same until the board changes, and so does the response's ETag: a reader polling the board
 * revalidates it for a 304 with no body.
 */
export function latestChange(commitments: readonly PublicCommitment[]): string | null {
  let latest: string | null = null;
  for (const c of commitments) {
    const progress = c.linesOfAction.flatMap((l) => l.activities.map((a) => a.progress.updatedAt));
    for (const at of [c.publishedAt, ...progress]) if (at !== null && (latest === null || at > latest)) latest = at;
  }
  return latest;
}
