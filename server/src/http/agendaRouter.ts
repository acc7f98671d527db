import { Router, type Request } from 'express';
import { agendaCommandSchema, mesaIdSchema, putAgendaSchema, setToolLockSchema, type Role } from '@cocrea/shared';
import { AgendaRefusal, type AgendaService } from '../agenda/AgendaService';
import type { MesaStore } from '../storage/Storage';
import { requireCapability } from './auth';
import { requireOpenMesa } from './closedMesa';
import { HttpError } from './HttpError';
import { parseBody } from './validate';

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
    const mesaId = await authorize(req, store, null);
    res.json(await agenda.snapshot(mesaId));
  });

  router.put('/', async (req, res) => {
    const mesaId = await authorize(req, store, 'facilitator');
    const body = parseBody(putAgendaSchema, req.body);
    res.json(await refusalsAsHttp(agenda.editAgenda(mesaId, body.agenda, body.expectedRevision)));
  });

  router.post('/commands', async (req, res) => {
    const mesaId = await authorize(req, store, 'facilitator');
    const command = parseBody(agendaCommandSchema, req.body);
    res.json(await refusalsAsHttp(agenda.command(mesaId, command)));
  });

  router.post('/locks', async (req, res) => {
    const mesaId = await authorize(req, store, 'facilitator');
    const body = parseBody(setToolLockSchema, req.body);
    res.json(await refusalsAsHttp(agenda.setToolLock(mesaId, body)));
  });

  return router;
}

/** The mesa id of the request once its token is checked (401) and, for changes, its role (403) and that the mesa is open (409). */
async function authorize(req: Request, store: MesaStore, needs: Role | null): Promise<string> {
  const id = String(req.params.id);
  const mesa = mesaIdSchema.safeParse(id).success ? await store.getMesa(id) : null;
  if (!mesa) throw new HttpError(404, 'mesa_not_found', 'La mesa no existe.');
  const role = await requireCapability(req, store, mesa.id);
  if (needs !== null && role !== needs) {
    throw new HttpError(403, 'forbidden', 'Solo la facilitación puede cambiar la agenda y el cronómetro.');
  }
  if (needs !== null) requireOpenMesa(mesa);
  return mesa.id;
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
