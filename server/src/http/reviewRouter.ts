import { Router } from 'express';
import {
  ADMIN_ACTOR_NAME,
  REVIEW_STATUS_LABELS,
  acceptsObservations,
  canTransition,
  commitmentFields,
  createObservationSchema,
  mesaIdSchema,
  wellFormedJson,
  reviewInboxQuerySchema,
  setReviewStatusSchema,
  type AuthoredObservation,
  type CommitmentVersion,
  type Mesa,
  type ReviewedVersion,
} from '@cocrea/shared';
import { generateId } from '../auth/tokens';
import type { MesaNotices } from '../review/MesaNotices';
import type { AccountStore, CommitmentStore, MesaStore, ReviewStore } from '../storage/Storage';
import { cappedStream } from './cappedStream';
import { HttpError } from './HttpError';
import { findVersion } from './params';
import { actingMemberId, requireStl, type StlActor, type StlAuthOptions } from './stlAuth';
import { parseBody, parseQuery } from './validate';

/** Well under the 60 s after which common proxies close an idle response. */
const EVENTS_KEEPALIVE_MS = 25_000;
/** Hundreds of notices: far more than a page that reads falls behind by, a bounded cost for one that does not. */
const EVENTS_MAX_QUEUED_BYTES = 256 * 1024;

export interface ReviewRouterOptions extends StlAuthOptions {
  store: MesaStore & CommitmentStore & ReviewStore & AccountStore;
  notices: MesaNotices;
}

/**
 * `/api/review`: the STL reviews the versions the mesas saved. An inbox of every version, one version with its
 * history and observations, moving it through the review statuses (`REVIEW_TRANSITIONS`), and observations on
 * its fields. Members with the `stl` role and the admin token only.
 */
export function reviewRouter(options: ReviewRouterOptions): Router {
  const { store, notices } = options;
  const router = Router();

  router.get('/versions', async (req, res) => {
    await requireStl(req, options);
    const { theme, mesa, status } = parseQuery(reviewInboxQuerySchema, req.query);
    const versions = await store.listReviewVersions({ theme, mesaId: mesa, status });
    res.set('cache-control', 'no-store').json({ versions });
  });

  router.get('/mesas/:id/versions/:number', async (req, res) => {
    await requireStl(req, options);
    const { mesa, version } = await findVersion(store, req.params);
    res.set('cache-control', 'no-store').json(await reviewed(store, mesa, version));
  });

  /**
   * What happens to the mesa's versions from now on, as server-sent events (one `data:` line of a `MesaNotice`
   * each): the STL's review page has no socket of the mesa (it is not one of the mesa's links, and has no use for
   * the document), so it listens here, on plain HTTP with its session cookie; `EventSource` reconnects by itself,
   * and the page reads the version again when it does. The same notices as the mesa's message 103, from the same
   * `MesaNotices`, on every instance.
   */
  router.get('/mesas/:id/events', async (req, res) => {
    await requireStl(req, options);
    const mesa = mesaIdSchema.safeParse(req.params.id);
    if (!mesa.success || !(await store.getMesa(mesa.data))) {
      throw new HttpError(404, 'mesa_not_found', 'Esa mesa no existe.');
    }
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      // Proxies that buffer responses (nginx) would hold the notices back.
      'x-accel-buffering': 'no',
    });
    const stream = cappedStream(res, EVENTS_MAX_QUEUED_BYTES);
    const stop = await notices.listen(mesa.data, (notice) => stream.send(`data: ${wellFormedJson(notice)}\n\n`));
    // Said once listening: from here on, nothing that happens to the mesa is missed.
    res.write(': conectado\n\n');
    // A comment now and then keeps proxies and load balancers from closing a quiet stream.
    const keepAlive = setInterval(() => stream.send(': \n\n'), EVENTS_KEEPALIVE_MS).unref();
    const close = () => {
      clearInterval(keepAlive);
      stop();
    };
    if (req.socket.destroyed) close();
    else res.on('close', close);
  });

  router.post('/mesas/:id/versions/:number/status', async (req, res) => {
    const actor = await requireStl(req, options);
    const { mesa, version } = await findVersion(store, req.params);
    const { status, from } = parseBody(setReviewStatusSchema, req.body);
    if (!canTransition(from, status)) {
      const message = `Una versión «${REVIEW_STATUS_LABELS[from]}» no puede pasar a «${REVIEW_STATUS_LABELS[status]}».`;
      throw new HttpError(409, 'transition_not_allowed', message);
    }
    const result = await store.setReviewStatus(mesa.id, version.number, {
      from,
      to: status,
      memberId: actingMemberId(actor),
      at: new Date().toISOString(),
    });
    if (!result.ok && result.reason === 'stale') {
      const message = `Alguien más cambió el estado de esta versión: ahora está «${REVIEW_STATUS_LABELS[version.status]}». Revise y vuelva a intentarlo.`;
      throw new HttpError(409, 'stale_status', message);
    }
    if (!result.ok && result.reason === 'not_newest') {
      const message = 'Solo se publica la versión aprobada más reciente de la mesa.';
      throw new HttpError(409, 'not_newest_approved', message);
    }
    if (!result.ok) throw new HttpError(404, 'version_not_found', 'Esa versión del compromiso no existe.');
    const updated = await findVersion(store, req.params);
    const answer = await reviewed(store, updated.mesa, updated.version);
    const moves = [
      { number: version.number, from, to: status, observations: answer.observations.length },
      // A publication withdrew the mesa's earlier published version: its pages learn that too.
      ...(await Promise.all(
        result.withdrawn.map(async (number) => ({
          number,
          from: 'publicado' as const,
          to: 'aprobado' as const,
          observations: (await store.listObservations(mesa.id, number)).length,
        })),
      )),
    ];
    for (const move of moves) notices.publish(mesa.id, { kind: 'reviewStatus', ...move });
    res.json(answer);
  });

  router.post('/mesas/:id/versions/:number/observations', async (req, res) => {
    const actor = await requireStl(req, options);
    const { mesa, version } = await findVersion(store, req.params);
    const { path, text } = parseBody(createObservationSchema, req.body);
    if (path !== '' && !commitmentFields(version.commitment).some((field) => field.path === path)) {
      const message = 'Ese campo no existe en esta versión del compromiso.';
      throw new HttpError(400, 'invalid_body', message, { path: message });
    }
    if (!acceptsObservations(version.status)) {
      const message = 'Solo se hacen observaciones a una versión en revisión o con observaciones.';
      throw new HttpError(409, 'observations_closed', message);
    }
    const observation = {
      id: generateId(),
      versionNumber: version.number,
      path,
      text,
      createdAt: new Date().toISOString(),
    };
    await store.addObservation({ ...observation, mesaId: mesa.id, memberId: actingMemberId(actor) });
    const observations = (await store.listObservations(mesa.id, version.number)).length;
    notices.publish(mesa.id, { kind: 'observation', number: version.number, observations });
    const created: AuthoredObservation = { ...observation, response: null, author: actorName(actor) };
    res.status(201).json(created);
  });

  return router;
}

function actorName(actor: StlActor): string {
  return actor.kind === 'member' ? actor.member.name : ADMIN_ACTOR_NAME;
}

/** The STL's view of a version: its history from its creation, and its observations with their authors. */
async function reviewed(store: ReviewStore, mesa: Mesa, version: CommitmentVersion): Promise<ReviewedVersion> {
  const [events, observations] = await Promise.all([
    store.listReviewEvents(mesa.id, version.number),
    store.listObservations(mesa.id, version.number),
  ]);
  return {
    ...version,
    mesaTitle: mesa.title,
    history: [
      { from: null, to: 'borrador', by: null, at: version.savedAt },
      ...events.map((e) => ({ from: e.from, to: e.to, by: e.memberName ?? ADMIN_ACTOR_NAME, at: e.at })),
    ],
    observations: observations.map(({ id, versionNumber, path, text, createdAt, response, authorName }) => ({
      id,
      versionNumber,
      path,
      text,
      createdAt,
      response,
      author: authorName ?? ADMIN_ACTOR_NAME,
    })),
  };
}
