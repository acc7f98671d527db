import { Router } from 'express';
import { movePhaseSchema } from '@cocrea/shared';
import type { MesaNotices } from '../review/MesaNotices';
import type { MesaStore } from '../storage/Storage';
import { authorizeMesa } from './auth';
import { HttpError } from './HttpError';
import { parseBody } from './validate';

/**
 * The STL member who proposed a compromiso proactivo holds its facilitation link (the STL's own way into it), so
 * moving the phases is the facilitator's, as moving a mesa's agenda is.
 */
const FACILITATOR = {
  role: 'facilitator',
  refusal: 'Solo el STL, con el enlace de facilitación, mueve las fases del compromiso proactivo.',
} as const;

export interface PhaseRouterOptions {
  store: MesaStore;
  notices: MesaNotices;
}

/**
 * `/api/mesas/:id/phase`: the five phases of a compromiso proactivo (methodology §5), one step at a time. Every open
 * page of it hears the new phase as a notice, so the stepper moves for everybody at once.
 */
export function phaseRouter({ store, notices }: PhaseRouterOptions): Router {
  const router = Router({ mergeParams: true });

  router.post('/', async (req, res) => {
    const mesaId = await authorizeMesa(req, store, FACILITATOR);
    const { from, to } = parseBody(movePhaseSchema, req.body);
    const moved = await store.moveMesaPhase(mesaId, from, to);
    if (!moved.ok && moved.reason === 'not_found') {
      throw new HttpError(409, 'not_proactive', 'Esta mesa no es un compromiso proactivo: sigue su agenda.');
    }
    if (!moved.ok) {
      throw new HttpError(
        409,
        'stale_phase',
        'El compromiso ya cambió de fase; vea la fase actual e intente de nuevo.',
      );
    }
    notices.publish(mesaId, { kind: 'phase', phase: to });
    res.json({ mesa: moved.mesa });
  });

  return router;
}
