import { Router } from 'express';
import {
  createEventSchema,
  createPlanSchema,
  emptyAttendance,
  updatePlanSchema,
  type CocreationEvent,
  type CreatedEvent,
  type Plan,
  type PlanDetail,
} from '@cocrea/shared';
import { generateId, generateToken, hashToken } from '../../auth/tokens';
import { attendanceByMesa } from '../../mesas/attendance';
import type { PlenaryService } from '../../plans/PlenaryService';
import type { Storage } from '../../storage/Storage';
import { linkBase, registrationLink } from '../links';
import { requireStl, type StlAuthOptions } from '../stlAuth';
import { parseBody } from '../validate';
import { eventSummary, findPlan } from './find';

export interface PlanRouterOptions extends StlAuthOptions {
  store: Storage;
  /** Base of the links handed out; defaults to the origin the request came to. */
  publicUrl?: string | undefined;
  /** The server's clock: every time stored or compared comes from it. */
  now: () => number;
  /** Told when the STL changes an event's seating, for the plenary view. */
  plenary: Pick<PlenaryService, 'seatingChanged'>;
}

/** `/api/plans`: the STL's Planes de Acción Local, and the events it creates in them. */
export function plansRouter(options: PlanRouterOptions): Router {
  const { store, now } = options;
  const router = Router();

  router.post('/', async (req, res) => {
    await requireStl(req, options);
    const input = parseBody(createPlanSchema, req.body);
    const plan: Plan = { id: generateId(), ...input, createdAt: new Date(now()).toISOString() };
    await store.createPlan(plan);
    res.status(201).json({ plan });
  });

  router.get('/', async (req, res) => {
    await requireStl(req, options);
    res.json({ plans: await store.listPlans() });
  });

  router.get('/:planId', async (req, res) => {
    await requireStl(req, options);
    const plan = await findPlan(store, req.params.planId);
    const [events, mesas, counts] = await Promise.all([
      store.listEvents(plan.id),
      store.listPlanMesas(plan.id),
      store.countParticipants(),
    ]);
    const attendance = attendanceByMesa(counts);
    const detail: PlanDetail = {
      plan,
      events: await Promise.all(events.map((e) => eventSummary(store, e, now()))),
      mesas: mesas.map((m) => ({ ...m, attendance: attendance.get(m.id) ?? emptyAttendance() })),
    };
    res.json(detail);
  });

  router.patch('/:planId', async (req, res) => {
    await requireStl(req, options);
    const plan = await findPlan(store, req.params.planId);
    const change = parseBody(updatePlanSchema, req.body);
    res.json({ plan: await store.updatePlan(plan.id, change) });
  });

  /** A new event; an invitation-only one's secret is answered here once, inside its registration link. */
  router.post('/:planId/events', async (req, res) => {
    await requireStl(req, options);
    const plan = await findPlan(store, req.params.planId);
    const input = parseBody(createEventSchema, req.body);
    const event: CocreationEvent = {
      id: generateId(),
      planId: plan.id,
      ...input,
      createdAt: new Date(now()).toISOString(),
    };
    const invitation = event.access === 'invitation' ? generateToken() : null;
    await store.createEvent(event, invitation === null ? null : hashToken(invitation));
    const created: CreatedEvent = {
      event: await eventSummary(store, { ...event, tablesFormedAt: null }, now()),
      registrationLink: registrationLink(linkBase(req, options.publicUrl), event.id, invitation),
    };
    res.status(201).set('cache-control', 'no-store').json(created);
  });

  return router;
}
