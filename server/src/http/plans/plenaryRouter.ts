import { Router } from 'express';
import { plenaryNoticeRequestSchema, type PlenaryStartResult } from '@cocrea/shared';
import { AgendaRefusal, type AgendaService } from '../../agenda/AgendaService';
import type { PlenaryService } from '../../plans/PlenaryService';
import type { MesaNotices } from '../../review/MesaNotices';
import { HttpError } from '../HttpError';
import { latestOnly } from '../latestOnly';
import { requireStl } from '../stlAuth';
import { parseBody } from '../validate';
import { findEvent } from './find';
import type { PlanRouterOptions } from './plansRouter';

/** Well under the 60 s after which common proxies close an idle response (as the review stream). */
const EVENTS_KEEPALIVE_MS = 25_000;

export interface PlenaryRouterOptions extends PlanRouterOptions {
  plenary: PlenaryService;
  agenda: Pick<AgendaService, 'command'>;
  notices: Pick<MesaNotices, 'publish'>;
}

/**
 * `/api/events/:eventId/plenary`: the plenary view of an event for whoever leads it. The lead is a member of the
 * STL with the `stl` role (a lead facilitator is invited to the STL's team for the event): the view counts who is
 * present, and its commands act on every table at once, which no table's own link may.
 */
export function plenaryRouter(options: PlenaryRouterOptions): Router {
  const { store, plenary, agenda, notices } = options;
  const router = Router();

  router.get('/:eventId/plenary', async (req, res) => {
    await requireStl(req, options);
    const event = await findEvent(store, req.params.eventId);
    const snapshot = await plenary.snapshot(event.id);
    if (!snapshot) throw new HttpError(404, 'event_not_found', 'El evento no existe.');
    res.set('cache-control', 'no-store').json(snapshot);
  });

  /**
   * The plenary live, as server-sent events: one `data:` line of a whole `PlenarySnapshot` now and at each change.
   * Each replaces the last, so a reader that does not keep up is sent only the newest once it has taken what it
   * was sent (at most one snapshot waits for it here, whatever happens meanwhile).
   */
  router.get('/:eventId/plenary/events', async (req, res) => {
    await requireStl(req, options);
    const event = await findEvent(store, req.params.eventId);
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      // Proxies that buffer responses (nginx) would hold the snapshots back.
      'x-accel-buffering': 'no',
    });
    const stream = latestOnly(res);
    const stop = await plenary.watch(event.id, (json) => stream.send(`data: ${json}\n\n`));
    if (!stop) {
      res.end();
      return;
    }
    // A comment now and then keeps proxies and load balancers from closing a quiet stream.
    const keepAlive = setInterval(() => {
      if (!stream.isBlocked()) res.write(': \n\n');
    }, EVENTS_KEEPALIVE_MS).unref();
    const close = () => {
      clearInterval(keepAlive);
      stop();
    };
    if (req.socket.destroyed) close();
    else res.on('close', close);
  });

  /** "Iniciar todas las mesas": every table's agenda that has not started starts now, each on its own timer. */
  router.post('/:eventId/plenary/start', async (req, res) => {
    await requireStl(req, options);
    const event = await findEvent(store, req.params.eventId);
    const { tables } = await store.getSeating(event.id);
    if (tables.length === 0) throw new HttpError(409, 'tables_not_formed', 'Primero forme las mesas del evento.');
    const result: PlenaryStartResult = {
      tables: await Promise.all(
        tables.map(async ({ number, mesaId }) => {
          try {
            await agenda.command(mesaId, { type: 'start' });
            return { number, started: true, message: null };
          } catch (error) {
            // A table already under way keeps its timer: that is its answer, not a failure of the others.
            if (error instanceof AgendaRefusal) return { number, started: false, message: error.message };
            throw error;
          }
        }),
      ),
    };
    res.json(result);
  });

  /** A notice from the plenary's lead to every table's open pages, as the plenary's (never a person's). */
  router.post('/:eventId/plenary/notices', async (req, res) => {
    await requireStl(req, options);
    const event = await findEvent(store, req.params.eventId);
    const { text } = parseBody(plenaryNoticeRequestSchema, req.body);
    const { tables } = await store.getSeating(event.id);
    if (tables.length === 0) throw new HttpError(409, 'tables_not_formed', 'Primero forme las mesas del evento.');
    for (const { mesaId } of tables) notices.publish(mesaId, { kind: 'plenary', text });
    res.json({ tables: tables.length });
  });

  return router;
}
