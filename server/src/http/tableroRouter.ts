import { join } from 'node:path';
import { Router, type Response } from 'express';
import { BOARD_LICENSE, boardCsvRows, toCsv } from '@cocrea/shared';
import { loadBoard } from '../review/publicBoard';
import { REPO_ROOT } from '../repoRoot';
import type { CommitmentStore, FollowUpStore, MesaStore, ReviewStore } from '../storage/Storage';

export interface TableroRouterOptions {
  store: MesaStore & CommitmentStore & ReviewStore & FollowUpStore;
}

/** The data dictionary of the board and the plans' documents, served as written in the repository. */
export const DICTIONARY = join(REPO_ROOT, 'docs', 'open-data.md');

/**
 * The public board as open data, no login: `/api/tablero` (JSON), `/api/tablero.csv` (one row per activity) and
 * `/api/tablero/diccionario` (what each field means). Only what `publicCommitment` picks is ever published.
 */
export function tableroRouter({ store }: TableroRouterOptions): Router {
  const router = Router();

  router.get('/tablero', async (_req, res) => {
    openData(res).json(await loadBoard(store));
  });

  router.get('/tablero.csv', async (_req, res) => {
    openData(res)
      .type('text/csv; charset=utf-8')
      .attachment('tablero-cocrea.csv')
      .send(toCsv(boardCsvRows(await loadBoard(store))));
  });

  router.get('/tablero/diccionario', (_req, res) => {
    openData(res).type('text/markdown; charset=utf-8').sendFile(DICTIONARY, { maxAge: 60_000 });
  });

  return router;
}

/**
 * Open data: anyone may read it, from any site (no credentials ride along), under CC BY 4.0. A minute of caching
 * keeps a busy board cheap and progress still shows within the minute.
 */
export function openData(res: Response): Response {
  return res.set({
    'cache-control': 'public, max-age=60',
    link: `<${BOARD_LICENSE.url}>; rel="license"`,
    'access-control-allow-origin': '*',
    'cross-origin-resource-policy': 'cross-origin',
  });
}
