import {
  BOARD_LICENSE,
  publicCommitment,
  sortBoard,
  type Board,
  type CommitmentVersion,
  type Mesa,
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
  return { license: BOARD_LICENSE, generatedAt: new Date().toISOString(), commitments: sortBoard(commitments.flat()) };
}
