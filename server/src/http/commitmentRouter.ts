import { createHash } from 'node:crypto';
import express, { Router } from 'express';
import {
  COMMITMENT_BODY_LIMIT_BYTES,
  PROACTIVE_PHASES,
  observationIdSchema,
  observationResponseSchema,
  saveCommitmentSchema,
  type Commitment,
  type CommitmentType,
  type MesaObservation,
  type ProactivePhase,
  type ReviewStatus,
  type VersionStage,
} from '@cocrea/shared';
import type { AgendaService } from '../agenda/AgendaService';
import type { MesaNotices } from '../review/MesaNotices';
import type { CommitmentStore, MesaStore, ReviewStore, StoredObservation } from '../storage/Storage';
import { authorizeMesa } from './auth';
import { HttpError } from './HttpError';
import { parseBody } from './validate';

/** Saving is the facilitator's. */
const FACILITATOR = { role: 'facilitator', refusal: 'Solo la facilitación puede guardar el compromiso.' } as const;
/** So is answering the STL: the facilitator speaks for the mesa. */
const RESPONDER = { role: 'facilitator', refusal: 'Solo la facilitación responde las observaciones del STL.' } as const;

/** Why a saved commitment of the wrong type is refused, by the type the mesa drafts. */
const TYPE_REFUSAL: Record<CommitmentType, string> = {
  mesa: 'El compromiso de una mesa es de tipo «de mesa».',
  proactivo: 'El compromiso de un compromiso proactivo es de tipo «proactivo».',
};

/** An observation as the mesa sees it: without who of the STL wrote it. */
function asMesaSeesIt(
  { id, versionNumber, path, text, createdAt, response }: StoredObservation,
  versionStatus: ReviewStatus,
): MesaObservation {
  return { id, versionNumber, path, text, createdAt, response, versionStatus };
}

export interface CommitmentRouterOptions {
  store: MesaStore & CommitmentStore & ReviewStore;
  agenda: AgendaService;
  notices: MesaNotices;
}

/**
 * `/api/mesas/:id/commitment/versions`: the facilitator saves the draft as a new immutable version; everyone with a
 * link of the mesa reads the versions (the printable view, JSON and CSV) and the STL's observations on them. It parses its own, larger JSON bodies:
 * a complete commitment with its lines of action outgrows the API's 64 kB.
 */
export function commitmentRouter({ store, agenda, notices }: CommitmentRouterOptions): Router {
  const router = Router({ mergeParams: true });
  router.use(express.json({ limit: COMMITMENT_BODY_LIMIT_BYTES }));

  router.post('/versions', async (req, res) => {
    const mesaId = await authorizeMesa(req, store, FACILITATOR);
    const { commitment } = parseBody(saveCommitmentSchema, req.body);
    if (commitment.mesaId !== mesaId) {
      const message = 'El compromiso pertenece a otra mesa.';
      throw new HttpError(400, 'invalid_body', message, { 'commitment.mesaId': message });
    }
    // The type is where the commitment comes from, not a choice: a mesa de cocreación drafts a commitment «de mesa»,
    // a compromiso proactivo (a mesa of kind `proactivo`, which an STL member starts inside a plan) a proactive one.
    const mesa = await store.getMesa(mesaId);
    const kind = mesa?.kind ?? 'mesa';
    if (commitment.type !== kind) {
      const message = TYPE_REFUSAL[kind];
      throw new HttpError(400, 'invalid_body', message, { 'commitment.type': message });
    }
    const version = await store.addCommitmentVersion(mesaId, {
      savedAt: new Date().toISOString(),
      stage: mesa?.phase ? phaseStage(mesa.phase) : await currentStage(agenda, mesaId),
      contentHash: contentHash(commitment),
      commitment,
    });
    notices.publish(mesaId, { kind: 'versionSaved', number: version.number });
    res.status(201).location(`versions/${version.number}`).json(version);
  });

  router.get('/versions', async (req, res) => {
    const mesaId = await authorizeMesa(req, store, null);
    res.json({ versions: await store.listCommitmentVersions(mesaId) });
  });

  router.get('/versions/:number', async (req, res) => {
    const mesaId = await authorizeMesa(req, store, null);
    const number = /^[1-9]\d{0,8}$/.test(String(req.params.number)) ? Number(req.params.number) : null;
    const version = number === null ? null : await store.getCommitmentVersion(mesaId, number);
    if (!version) throw new HttpError(404, 'version_not_found', 'Esa versión del compromiso no existe.');
    res.json(version);
  });

  /** The STL's observations on the mesa's versions, as the institution's: never who of the STL wrote them. */
  router.get('/observations', async (req, res) => {
    const mesaId = await authorizeMesa(req, store, null);
    const [observations, versions] = await Promise.all([
      store.listObservations(mesaId),
      store.listCommitmentVersions(mesaId),
    ]);
    const statusOf = new Map(versions.map((v) => [v.number, v.status]));
    const answer = observations.map((o) => asMesaSeesIt(o, statusOf.get(o.versionNumber) ?? 'borrador'));
    res.json({ observations: answer });
  });

  /** The mesa answers an observation, or marks it attended: as the mesa, never who of it (Chatham House). */
  router.post('/observations/:observationId/response', async (req, res) => {
    const mesaId = await authorizeMesa(req, store, RESPONDER);
    const id = observationIdSchema.safeParse(req.params.observationId);
    if (!id.success) throw new HttpError(404, 'observation_not_found', 'Esa observación no existe.');
    const { text, attended } = parseBody(observationResponseSchema, req.body);
    const observation = await store.respondToObservation(mesaId, id.data, {
      text,
      attended,
      at: new Date().toISOString(),
    });
    if (!observation) throw new HttpError(404, 'observation_not_found', 'Esa observación no existe.');
    const version = await store.getCommitmentVersion(mesaId, observation.versionNumber);
    const notice = {
      kind: 'observationAnswer',
      number: observation.versionNumber,
      observationId: id.data,
      attended,
    } as const;
    notices.publish(mesaId, notice);
    res.json(asMesaSeesIt(observation, version?.status ?? 'borrador'));
  });

  return router;
}

/**
 * SHA-256 of the commitment as the schema outputs it. The schema fixes the key order and trims the texts, so the
 * same content always hashes the same, whatever order or spacing the request came in.
 */
export function contentHash(commitment: Commitment): string {
  return createHash('sha256').update(JSON.stringify(commitment)).digest('hex');
}

/** A compromiso proactivo has no agenda: a version of it is saved at one of its phases. */
function phaseStage(phase: ProactivePhase): VersionStage {
  return { status: 'phase', number: phase, name: PROACTIVE_PHASES[phase] };
}

async function currentStage(agenda: AgendaService, mesaId: string): Promise<VersionStage> {
  const { agenda: plan, state } = await agenda.snapshot(mesaId);
  return { status: state.status, number: state.stageIndex, name: plan.stages[state.stageIndex]?.name ?? '' };
}
