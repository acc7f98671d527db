import { Router } from 'express';
import { activityProgressSchema, type RecordedProgress } from '@cocrea/shared';
import { publishedVersion } from '../review/publicBoard';
import type { AccountStore, CommitmentStore, FollowUpStore, MesaStore, ReviewStore } from '../storage/Storage';
import { HttpError } from './HttpError';
import { findMesa } from './params';
import { actingMemberId, requireStl, type StlAuthOptions } from './stlAuth';
import { parseBody } from './validate';

export interface FollowUpRouterOptions extends StlAuthOptions {
  store: MesaStore & CommitmentStore & ReviewStore & FollowUpStore & AccountStore;
}

/**
 * `/api/followup`: the STL's follow-up records how far each activity of a published commitment has come, with
 * links to its evidence. Members with the `seguimiento` or `stl` role, and the admin token.
 */
export function followupRouter(options: FollowUpRouterOptions): Router {
  const { store } = options;
  const router = Router();

  router.put('/mesas/:id/activities/:activityId', async (req, res) => {
    const actor = await requireStl(req, options, ['stl', 'seguimiento']);
    const mesa = await findMesa(store, req.params.id);
    const published = await publishedVersion(store, mesa.id);
    const activityId = req.params.activityId;
    const activities = published?.version.commitment.linesOfAction.flatMap((line) => line.activities) ?? [];
    if (!activities.some((activity) => activity.id === activityId)) {
      throw new HttpError(404, 'activity_not_found', 'Esa actividad no es de un compromiso publicado de la mesa.');
    }
    const progress = parseBody(activityProgressSchema, req.body);
    const at = new Date().toISOString();
    await store.recordActivityProgress({
      ...progress,
      mesaId: mesa.id,
      activityId,
      memberId: actingMemberId(actor),
      at,
    });
    const recorded: RecordedProgress = { ...progress, activityId, updatedAt: at };
    res.json(recorded);
  });

  return router;
}
