import { Router } from 'express';
import { planCsvRows, toCsv } from '@cocrea/shared';
import { loadPlanOpenData } from '../../plans/planOpenData';
import type { Storage } from '../../storage/Storage';
import { openData } from '../tableroRouter';
import { findPlan } from './find';

export interface PlanDocumentRouterOptions {
  store: Storage;
}

/**
 * `/api/planes/:planId`: a plan's published commitments as open data, no login, the data of the printable Plan's
 * document (`/planes/:planId/documento`). JSON with each mesa's problem tree and the criteria; CSV one row per
 * activity. Same licence, caching and CORS as the board's (docs/open-data.md). A plan id that is not one (the
 * shared `entityIdSchema`) or names no plan is a 404.
 */
export function planDocumentRouter({ store }: PlanDocumentRouterOptions): Router {
  const router = Router();

  router.get('/:planId/datos.json', async (req, res) => {
    const plan = await findPlan(store, req.params.planId);
    openData(res).json(await loadPlanOpenData(store, plan));
  });

  router.get('/:planId/datos.csv', async (req, res) => {
    const plan = await findPlan(store, req.params.planId);
    openData(res)
      .type('text/csv; charset=utf-8')
      .attachment(`plan-${plan.id}.csv`)
      .send(toCsv(planCsvRows(await loadPlanOpenData(store, plan))));
  });

  return router;
}
