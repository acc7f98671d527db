import { Router, type Request } from 'express';
import {
  PRESENCE_COLORS,
  ROLES,
  createMesaSchema,
  joinMesaSchema,
  mesaIdSchema,
  seatTokenSchema,
  type Mesa,
  type Participant,
} from '@cocrea/shared';
import { generateId, generateToken, hashToken } from '../auth/tokens';
import type { MesaStore } from '../storage/Storage';
import { requireAdmin, requireCapability } from './auth';
import { HttpError } from './HttpError';
import { parseBody } from './validate';

export interface MesasRouterOptions {
  store: MesaStore;
  adminToken: string;
  /** Base of the links handed out; defaults to the origin the request came to. */
  publicUrl?: string | undefined;
}

/** The link a person opens: the token rides in the fragment, which browsers never send to a server or a log. */
export function mesaLink(base: string, mesaId: string, token: string): string {
  return `${base}/mesa/${mesaId}#k=${token}`;
}

export function mesasRouter({ store, adminToken, publicUrl }: MesasRouterOptions): Router {
  const router = Router();

  router.post('/', async (req, res) => {
    requireAdmin(req, adminToken);
    const input = parseBody(createMesaSchema, req.body);
    const mesa: Mesa = { id: generateId(), ...input, createdAt: new Date().toISOString() };
    const tokens = ROLES.map((role) => ({ role, token: generateToken() }));
    await store.createMesa(
      mesa,
      tokens.map(({ role, token }) => ({ role, tokenHash: hashToken(token) })),
    );
    const base = publicUrl ?? requestOrigin(req);
    const links = Object.fromEntries(tokens.map(({ role, token }) => [role, mesaLink(base, mesa.id, token)]));
    const tokensByRole = Object.fromEntries(tokens.map(({ role, token }) => [role, token]));
    res.status(201).json({ mesa, links, tokens: tokensByRole });
  });

  router.get('/', async (req, res) => {
    requireAdmin(req, adminToken);
    res.json({ mesas: await store.listMesas() });
  });

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
    await store.addParticipant(mesa.id, participant, hashToken(seat));
    res.status(201).json({ participant, seat });
  });

  return router;
}

async function findMesa(store: MesaStore, id: string): Promise<Mesa> {
  const mesa = mesaIdSchema.safeParse(id).success ? await store.getMesa(id) : null;
  if (!mesa) throw new HttpError(404, 'mesa_not_found', 'La mesa no existe.');
  return mesa;
}

function requestOrigin(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}
