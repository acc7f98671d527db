import {
  BOARD_LICENSE,
  planCommitment,
  publicCommitment,
  publicPlan,
  sortBoard,
  type Plan,
  type PlanCommitment,
  type PlanOpenData,
} from '@cocrea/shared';
import { latestChange } from '../review/publicBoard';
import type { Storage } from '../storage/Storage';
import { storedTree } from './storedTree';

/**
 * The plan's document as open data: every commitment published from one of the plan's mesas, as the board shows
 * it, with its mesa's problem tree and its criteria (`planCommitment` picks each field by name).
 */
export async function loadPlanOpenData(store: Storage, plan: Plan): Promise<PlanOpenData> {
  const [mesas, publications] = await Promise.all([store.listPlanMesas(plan.id), store.listPublications()]);
  const mesaById = new Map(mesas.map((mesa) => [mesa.id, mesa]));
  const commitments = await Promise.all(
    publications.map(async ({ mesaId, number, publishedAt }): Promise<PlanCommitment[]> => {
      const mesa = mesaById.get(mesaId);
      if (!mesa) return [];
      const [version, progress, tree] = await Promise.all([
        store.getCommitmentVersion(mesaId, number),
        store.listActivityProgress(mesaId),
        storedTree(store, mesaId),
      ]);
      if (!version) return [];
      const board = publicCommitment({
        mesa,
        plan: { id: plan.id, title: plan.title },
        version: number,
        publishedAt,
        commitment: version.commitment,
        progress,
      });
      return [planCommitment(board, version.commitment, tree)];
    }),
  );
  const shown = sortBoard(commitments.flat());
  return { license: BOARD_LICENSE, plan: publicPlan(plan), updatedAt: latestChange(shown), commitments: shown };
}
