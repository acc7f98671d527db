import { Router } from 'express';
import {
  CloseCode,
  ROLES,
  createMesaSchema,
  emptyAttendance,
  mesaIdSchema,
  roleSchema,
  type CreatedMesa,
  type Mesa,
  type MesaSummary,
  type RotatedLink,
} from '@cocrea/shared';
import { generateId, generateToken, hashToken } from '../auth/tokens';
import { attendanceByMesa } from '../mesas/attendance';
import { MESA_CLOSED_REASON, closeSockets } from '../mesas/closeSockets';
import type { PlanStore } from '../storage/PlanStore';
import type { AccountStore, MesaStore } from '../storage/Storage';
import type { Bus } from '../cluster/Bus';
import type { RoomRegistry } from '../sync/RoomRegistry';
import { HttpError } from './HttpError';
import { linkBase, mesaLink } from './links';
import { findPlan } from './plans/find';
import { requireStl, type StlAuthOptions } from './stlAuth';
import { parseBody } from './validate';
import type { VoteService } from '../votes/VoteService';

export interface MesaAdminRouterOptions extends StlAuthOptions {
  store: MesaStore & AccountStore & PlanStore;
  rooms: Pick<RoomRegistry, 'get'>;
  /** Tells the other instances to close their sockets of the mesa too. */
  bus: Pick<Bus, 'publish'>;
  /** Base of the links handed out; defaults to the origin the request came to. */
  publicUrl?: string | undefined;
  /** Closing a mesa closes its open vote, whose ballots would otherwise stay in storage, nobody able to close it. */
  votes: Pick<VoteService, 'closeOpen'>;
}

/**
 * The STL's side of `/api/mesas`, for the admin token or a member's session: create mesas, list them with their
 * attendance, close them, and replace a role's link. Links are answered once: the server keeps only hashes.
 */
export function mesaAdminRouter(options: MesaAdminRouterOptions): Router {
  const { store, publicUrl } = options;
  const router = Router();

  router.post('/', async (req, res) => {
    await requireStl(req, options);
    const { planId, ...input } = parseBody(createMesaSchema, req.body);
    const plan = planId === undefined ? null : await findPlan(store, planId);
    const mesa: Mesa = {
      id: generateId(),
      ...input,
      createdAt: new Date().toISOString(),
      closedAt: null,
      // A compromiso proactivo starts at its first phase: the STL member's proposal.
      phase: input.kind === 'proactivo' ? 1 : null,
    };
    const tokens = ROLES.map((role) => ({ role, token: generateToken() }));
    await store.createMesa(
      mesa,
      tokens.map(({ role, token }) => ({ role, tokenHash: hashToken(token) })),
    );
    if (plan) await store.setMesaPlan(mesa.id, plan.id);
    const base = linkBase(req, publicUrl);
    const created: CreatedMesa = {
      mesa,
      links: Object.fromEntries(
        tokens.map(({ role, token }) => [role, mesaLink(base, mesa.id, token)]),
      ) as CreatedMesa['links'],
      tokens: Object.fromEntries(tokens.map(({ role, token }) => [role, token])) as CreatedMesa['tokens'],
    };
    res.status(201).set('cache-control', 'no-store').json(created);
  });

  router.get('/', async (req, res) => {
    await requireStl(req, options);
    const [mesas, counts] = await Promise.all([store.listMesas(), store.countParticipants()]);
    const attendance = attendanceByMesa(counts);
    const summaries: MesaSummary[] = mesas.map((m) => ({
      ...m,
      attendance: attendance.get(m.id) ?? emptyAttendance(),
    }));
    res.json({ mesas: summaries });
  });

  /** Closes the mesa for good; open sockets reconnect, read-only, and the agenda and saves refuse with 409. */
  router.post('/:id/close', async (req, res) => {
    await requireStl(req, options);
    const id = req.params.id;
    const mesa = mesaIdSchema.safeParse(id).success ? await store.closeMesa(id, new Date().toISOString()) : null;
    if (!mesa) throw mesaNotFound();
    closeSockets(options, mesa.id, { code: CloseCode.mesaClosed, reason: MESA_CLOSED_REASON });
    await options.votes.closeOpen(mesa.id);
    res.json({ mesa });
  });

  /** A new link for one role (a link went to the wrong person): the old one stops opening anything at once. */
  router.post('/:id/links/:role', async (req, res) => {
    await requireStl(req, options);
    const mesaId = await existingMesaId(store, req.params.id);
    const role = roleSchema.safeParse(req.params.role);
    if (!role.success) throw new HttpError(404, 'not_found', 'Ruta no encontrada.');
    const token = generateToken();
    await store.replaceCapability(mesaId, { role: role.data, tokenHash: hashToken(token) });
    closeSockets(options, mesaId, {
      code: CloseCode.linkRevoked,
      reason: 'El STL reemplazó este enlace.',
      revoked: true,
    });
    const rotated: RotatedLink = { role: role.data, link: mesaLink(linkBase(req, publicUrl), mesaId, token), token };
    res.set('cache-control', 'no-store').json(rotated);
  });

  return router;
}

const mesaNotFound = () => new HttpError(404, 'mesa_not_found', 'La mesa no existe.');

async function existingMesaId(store: MesaStore, id: string): Promise<string> {
  const mesa = mesaIdSchema.safeParse(id).success ? await store.getMesa(id) : null;
  if (!mesa) throw mesaNotFound();
  return mesa.id;
}
