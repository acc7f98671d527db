import { Router } from 'express';
import { agendaCommandSchema, putAgendaSchema, setToolLockSchema } from '@cocrea/shared';
import { AgendaRefusal, type AgendaService } from '../agenda/AgendaService';
import type { MesaStore } from '../storage/Storage';
import { authorizeMesa } from './auth';
import { HttpError } from './HttpError';
import { parseBody } from './validate';

/** Every change of the agenda is the facilitator's. */
const FACILITATOR = {
  role: 'facilitator',
  refusal: 'Solo la facilitación puede cambiar la agenda y el cronómetro.',
} as const;

export interface AgendaRouterOptions {
  store: MesaStore;
  agenda: AgendaService;
}

/**
 * `/api/mesas/:id/agenda`: everybody with a link of the mesa reads the agenda; only a facilitator's link changes
 * it. The role is the server's record for the token, so a participant's request is refused here whatever its
 * client shows or hides.
 */
export function agendaRouter({ store, agenda }: AgendaRouterOptions): Router {
  const router = Router({ mergeParams: true });

  router.get('/', async (req, res) => {
    const mesaId = await authorizeMesa(req, store, null);
    res.json(await agenda.snapshot(mesaId));
  });

  router.put('/', async (req, res) => {
    const mesaId = await authorizeMesa(req, store, FACILITATOR);
    const body = parseBody(putAgendaSchema, req.body);
    res.json(await refusalsAsHttp(agenda.editAgenda(mesaId, body.agenda, body.expectedRevision)));
  });

  router.post('/commands', async (req, res) => {
    const mesaId = await authorizeMesa(req, store, FACILITATOR);
    const command = parseBody(agendaCommandSchema, req.body);
    res.json(await refusalsAsHttp(agenda.command(mesaId, command)));
  });

  router.post('/locks', async (req, res) => {
    const mesaId = await authorizeMesa(req, store, FACILITATOR);
    const body = parseBody(setToolLockSchema, req.body);
    res.json(await refusalsAsHttp(agenda.setToolLock(mesaId, body)));
  });

  return router;
}

/** Conflicts with the current state are 409s (stale revision, a command that does not apply); bad input is 400. */
async function refusalsAsHttp<T>(change: Promise<T>): Promise<T> {
  try {
    return await change;
  } catch (error) {
    if (!(error instanceof AgendaRefusal)) throw error;
    if (error.code === 'invalid') {
      throw new HttpError(400, 'invalid_body', error.message, error.field ? { [error.field]: error.message } : {});
    }
    throw new HttpError(409, error.code, error.message);
  }
}
