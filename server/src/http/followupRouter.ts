import type { RequestHandler } from 'express';
import express, { Router } from 'express';
import {
  EVIDENCE_LIMITS,
  activityProgressSchema,
  addEvidenceFileQuerySchema,
  fileEvidence,
  isEvidenceMediaType,
  type EvidenceFile,
  type PublicEvidence,
  type RecordedProgress,
} from '@cocrea/shared';
import { generateId } from '../auth/tokens';
import { detectKitType, downloadName, typeLabel, typeOfName } from '../plans/kitFileType';
import { publishedVersion, type BoardStore } from '../review/publicBoard';
import type { AccountStore } from '../storage/Storage';
import { HttpError } from './HttpError';
import { findMesa } from './params';
import { actingMemberId, requireStl, type StlActor, type StlAuthOptions } from './stlAuth';
import { parseBody, parseQuery } from './validate';

export interface FollowUpRouterOptions extends StlAuthOptions {
  store: BoardStore & AccountStore;
  now(): number;
}

/** Who records follow-up: members with the `seguimiento` or `stl` role, and the admin token. */
const FOLLOW_UP_ROLES = ['stl', 'seguimiento'] as const;

/** The mesa and the activity of its published commitment a request names; 404 when either is not one. */
async function findPublishedActivity(store: BoardStore, mesaId: unknown, activityId: string) {
  const mesa = await findMesa(store, mesaId);
  const published = await publishedVersion(store, mesa.id);
  const activities = published?.version.commitment.linesOfAction.flatMap((line) => line.activities) ?? [];
  if (!activities.some((activity) => activity.id === activityId)) {
    throw new HttpError(404, 'activity_not_found', 'Esa actividad no es de un compromiso publicado de la mesa.');
  }
  return mesa;
}

/**
 * An evidence file's upload: its raw bytes, a PDF or an image of up to 20 MB, its type decided from its content by
 * the kit's own check. Mounted before the API's JSON-only rule, and checks the caller before it reads the body,
 * so nobody else makes the server read 20 MB.
 */
export function followupUploadRouter(options: FollowUpRouterOptions): Router {
  const { store, now } = options;
  const router = Router();
  const followUpFirst: RequestHandler = (req, res, next) => {
    requireStl(req, options, FOLLOW_UP_ROLES).then((actor) => {
      res.locals.actor = actor;
      next();
    }, next);
  };
  // Any Content-Type: what the file is comes from its bytes, never from what the sender says.
  const raw = express.raw({ type: () => true, limit: EVIDENCE_LIMITS.maxFileBytes });

  router.post('/mesas/:id/activities/:activityId/files', followUpFirst, raw, async (req, res) => {
    const actor = res.locals.actor as StlActor;
    const activityId = String(req.params.activityId);
    const mesa = await findPublishedActivity(store, req.params.id, activityId);
    const { name } = parseQuery(addEvidenceFileQuerySchema, req.query);
    const bytes: unknown = req.body;
    if (!(bytes instanceof Buffer) || bytes.length === 0) {
      throw new HttpError(400, 'empty_file', 'El archivo está vacío.');
    }
    const type = detectKitType(bytes);
    if (type === null || !isEvidenceMediaType(type)) {
      throw new HttpError(
        415,
        'unsupported_file_type',
        'El contenido del archivo no es de un tipo admitido como evidencia: PDF o imagen (PNG, JPEG, GIF, WebP).',
      );
    }
    const claimed = typeOfName(name);
    if (claimed !== undefined && claimed !== type) {
      throw new HttpError(
        415,
        'file_type_mismatch',
        `El nombre del archivo no corresponde a su contenido: el contenido es ${typeLabel(type)}.`,
      );
    }
    const file: EvidenceFile = {
      id: generateId(),
      fileName: downloadName(name, type),
      mediaType: type,
      size: bytes.length,
    };
    await store.addEvidenceFile({
      file,
      data: bytes,
      mesaId: mesa.id,
      activityId,
      memberId: actingMemberId(actor),
      createdAt: new Date(now()).toISOString(),
    });
    res.status(201).json(file);
  });

  return router;
}

/**
 * `/api/followup`: the STL's follow-up records how far each activity of a published commitment has come, with its
 * evidence: links, and files uploaded for the activity before.
 */
export function followupRouter(options: FollowUpRouterOptions): Router {
  const { store, now } = options;
  const router = Router();

  router.put('/mesas/:id/activities/:activityId', async (req, res) => {
    const actor = await requireStl(req, options, FOLLOW_UP_ROLES);
    const activityId = req.params.activityId;
    const mesa = await findPublishedActivity(store, req.params.id, activityId);
    const progress = parseBody(activityProgressSchema, req.body);
    const evidence: PublicEvidence[] = [];
    for (const input of progress.evidence) {
      if (input.kind === 'link') {
        evidence.push(input);
        continue;
      }
      const stored = await store.getEvidenceFileInfo(input.fileId);
      if (!stored || stored.mesaId !== mesa.id || stored.activityId !== activityId) {
        throw new HttpError(
          400,
          'evidence_file_not_found',
          `El archivo de la evidencia «${input.title}» no se subió para esta actividad.`,
        );
      }
      evidence.push(fileEvidence(input.title, stored.file));
    }
    const at = new Date(now()).toISOString();
    await store.recordActivityProgress({
      ...progress,
      evidence,
      mesaId: mesa.id,
      activityId,
      memberId: actingMemberId(actor),
      at,
    });
    const recorded: RecordedProgress = { ...progress, evidence, activityId, updatedAt: at };
    res.json(recorded);
  });

  return router;
}
