import { join } from 'node:path';
import { Router, type Response } from 'express';
import {
  BOARD_LICENSE,
  boardCsvRows,
  boardQuerySchema,
  boardView,
  entityIdSchema,
  mesaIdSchema,
  toCsv,
} from '@cocrea/shared';
import { loadBoard, loadPublicCommitment, mexicoToday, type BoardStore } from '../review/publicBoard';
import { REPO_ROOT } from '../repoRoot';
import { HttpError } from './HttpError';
import { parseQuery } from './validate';

export interface TableroRouterOptions {
  store: BoardStore;
  now(): number;
}

/** The data dictionary of the board and the plans' documents, served as written in the repository. */
export const DICTIONARY = join(REPO_ROOT, 'docs', 'open-data.md');

/**
 * The public board as open data, no login: `/api/tablero` (JSON), `/api/tablero.csv` (one row per activity) and
 * `/api/tablero/diccionario` (what each field means). Only what `publicCommitment` picks is ever published. For the
 * board's page: `/api/tablero/vista` (a summary and one page of a search), `/api/tablero/compromisos/:mesaId` (one
 * commitment) and `/api/tablero/evidencias/:fileId` (an evidence file).
 */
export function tableroRouter({ store, now }: TableroRouterOptions): Router {
  const router = Router();

  router.get('/tablero/vista', async (req, res) => {
    const query = parseQuery(boardQuerySchema, req.query);
    const board = await loadBoard(store);
    openData(res).json(boardView(board.commitments, query, mexicoToday(now()), board.updatedAt));
  });

  router.get('/tablero/compromisos/:mesaId', async (req, res) => {
    const mesaId = mesaIdSchema.safeParse(req.params.mesaId);
    const commitment = mesaId.success ? await loadPublicCommitment(store, mesaId.data) : null;
    if (!commitment) throw new HttpError(404, 'commitment_not_found', 'Esa mesa no tiene un compromiso publicado.');
    openData(res).json(commitment);
  });

  /**
   * An evidence file, only while the current progress of a published commitment cites it: a file uploaded and
   * never recorded, or replaced by a newer record, is nobody's to download. Its type is the one its bytes showed
   * at upload, never sniffed by the browser, and it is always a download.
   */
  router.get('/tablero/evidencias/:fileId', async (req, res) => {
    const id = entityIdSchema.safeParse(req.params.fileId);
    const info = id.success ? await store.getEvidenceFileInfo(id.data) : null;
    const cited =
      info !== null &&
      (await store.listPublications()).some((p) => p.mesaId === info.mesaId) &&
      (await store.listActivityProgress(info.mesaId)).some(
        (p) =>
          p.activityId === info.activityId && p.evidence.some((e) => e.kind === 'file' && e.fileId === info.file.id),
      );
    const data = cited ? await store.getEvidenceFileData(info.file.id) : null;
    if (!info || !data) throw new HttpError(404, 'evidence_not_found', 'Ese archivo de evidencia no está publicado.');
    openData(res)
      .attachment(info.file.fileName)
      .set({
        'content-type': info.file.mediaType,
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; sandbox",
      })
      .send(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  });

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
