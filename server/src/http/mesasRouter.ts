import { Router } from 'express';
import {
  PRESENCE_COLORS,
  joinMesaSchema,
  mesaIdSchema,
  seatTokenSchema,
  type Mesa,
  type Participant,
} from '@cocrea/shared';
import { generateId, generateToken, hashToken } from '../auth/tokens';
import type { MesaStore } from '../storage/Storage';
import { requireCapability } from './auth';
import { HttpError } from './HttpError';
import { parseBody } from './validate';

export interface MesasRouterOptions {
  store: MesaStore;
}

/** A mesa's people, with their capability links: who they are in it, and joining it (the STL's side: mesaAdminRouter). */
export function mesasRouter({ store }: MesasRouterOptions): Router {
  const router = Router();

  /**
   * Who a capability link makes you on this mesa, and, if the browser kept a seat from an earlier join
   * (header `X-Cocrea-Seat`), who you joined as. The client asks before it connects.
   */
  router.get('/:id/session', async (req, res) => {
    const mesa = await findMesa(store, req.params.id);
    const role = await requireCapability(req, store, mesa.id);
    const seat = req.get('x-cocrea-seat');
    const participant =
      seat && seatTokenSchema.safeParse(seat).success ? await store.findParticipant(mesa.id, hashToken(seat)) : null;
    res.json({ mesa, role, participant: participant?.role === role ? participant : null });
  });

  /** Joining: name, sector, organisation and the Chatham House rule. Answers the seat token, once. */
  router.post('/:id/join', async (req, res) => {
    const mesa = await findMesa(store, req.params.id);
    const role = await requireCapability(req, store, mesa.id);
    const input = parseBody(joinMesaSchema, req.body);
    const joined = await store.listParticipants(mesa.id);
    const participant: Participant = {
      id: generateId(),
      role,
      name: input.name,
      sector: input.sector,
      organization: input.organization,
      color: PRESENCE_COLORS[joined.length % PRESENCE_COLORS.length]!,
    };
    const seat = generateToken();
    await store.addParticipant(mesa.id, participant, hashToken(seat), new Date().toISOString());
    res.status(201).json({ participant, seat });
  });

  return router;
}

async function findMesa(store: MesaStore, id: string): Promise<Mesa> {
  const mesa = mesaIdSchema.safeParse(id).success ? await store.getMesa(id) : null;
  if (!mesa) throw new HttpError(404, 'mesa_not_found', 'La mesa no existe.');
  return mesa;
}
