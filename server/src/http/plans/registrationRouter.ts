import type { Request } from 'express';
import { Router } from 'express';
import {
  CSRF_HEADER,
  PRESENCE_COLORS,
  STL_ROLES,
  registerSchema,
  registrationStatus,
  registrationTokenSchema,
  type CreatedRegistration,
  type MesaEntry,
  type OwnRegistration,
  type Participant,
  type PublicEvent,
  type RegistrationPage,
  type Role,
} from '@cocrea/shared';
import { generateId, generateToken, hashToken, sameSecret } from '../../auth/tokens';
import type { StoredRegistration } from '../../storage/PlanStore';
import type { Storage } from '../../storage/Storage';
import { bearer } from '../auth';
import { requireOpenMesa } from '../closedMesa';
import { HttpError } from '../HttpError';
import { linkBase, ownRegistrationLink } from '../links';
import { requireStl, type StlActor } from '../stlAuth';
import { parseBody } from '../validate';
import { findEvent, findPlan } from './find';
import type { PlanRouterOptions } from './plansRouter';

const REFUSALS = {
  not_open: 'El registro aún no abre.',
  closed: 'El registro ya cerró.',
  full: 'El cupo del evento está completo.',
} as const;

/**
 * Registration, for the public: an event's registration page and the form behind it; and for each registrant,
 * with the secret of their own page, that page and the way into their table's mesa.
 */
export function registrationRouter(options: PlanRouterOptions): Router {
  const { store, now } = options;
  const router = Router();

  router.get('/events/:eventId/registration', async (req, res) => {
    const event = await findEvent(store, req.params.eventId);
    const plan = await findPlan(store, event.planId);
    const registered = await store.countRegistrations(event.id);
    const { id, title, theme, date, startTime, modality, place, registrationOpensAt, registrationClosesAt, access } =
      event;
    const answer: PublicEvent = {
      event: {
        ...{ id, title, theme, date, startTime, modality, place, registrationOpensAt, registrationClosesAt, access },
        registrationStatus: registrationStatus(event, registered, now()),
      },
      plan: { title: plan.title, period: plan.period, entity: plan.entity, privacyNotice: plan.privacyNotice },
    };
    res.json(answer);
  });

  /**
   * Registering. The public within the event's window and capacity (with the invitation secret if the event asks
   * for one); the STL at any time, at the door. Nothing is stored unless every check passes.
   */
  router.post('/events/:eventId/registrations', async (req, res) => {
    const event = await findEvent(store, req.params.eventId);
    const stl = await stlCaller(req, options);
    if (stl === null && event.access === 'invitation') {
      const secret = bearer(req);
      if (secret === null || !(await store.checkEventInvitation(event.id, hashToken(secret)))) {
        throw new HttpError(401, 'invitation_invalid', 'Este evento es por invitación: use el enlace que recibió.');
      }
    }
    if (stl === null) {
      const status = registrationStatus(event, await store.countRegistrations(event.id), now());
      if (status !== 'open') throw new HttpError(409, `registration_${status}`, REFUSALS[status]);
    }
    const input = parseBody(registerSchema, req.body);
    const registration: OwnRegistration = {
      id: generateId(),
      eventId: event.id,
      name: input.name,
      sector: input.sector,
      organization: input.organization,
      email: input.email,
      registeredAt: new Date(now()).toISOString(),
    };
    const token = generateToken();
    const added = await store.addRegistration(registration, hashToken(token), stl === null ? event.capacity : null);
    if (!added.ok && added.reason === 'full') throw new HttpError(409, 'registration_full', REFUSALS.full);
    if (!added.ok) {
      const message = 'Ese correo electrónico ya está registrado en este evento.';
      throw new HttpError(409, 'email_taken', message, { email: message });
    }
    const created: CreatedRegistration = {
      registration,
      link: ownRegistrationLink(linkBase(req, options.publicUrl), event.id, token),
      token,
    };
    res.status(201).set('cache-control', 'no-store').json(created);
  });

  /** The person's own page: their registration, the event (with its place and video link), the kit, their table. */
  router.get('/registrations/me', async (req, res) => {
    const registration = await requireRegistration(req, store);
    const event = await findEvent(store, registration.eventId);
    const [plan, registered, seating, kit] = await Promise.all([
      findPlan(store, event.planId),
      store.countRegistrations(event.id),
      store.getSeating(event.id),
      store.listKitItems(event.id),
    ]);
    const seat = seating.seats.find((s) => s.registrationId === registration.id);
    const table = seat ? seating.tables.find((t) => t.number === seat.table) : undefined;
    const { id, title, theme, date, startTime, modality, place, videoLink } = event;
    const page: RegistrationPage = {
      registration: ownFields(registration),
      event: {
        ...{ id, title, theme, date, startTime, modality, place, videoLink },
        registrationStatus: registrationStatus(event, registered, now()),
      },
      plan: { title: plan.title, period: plan.period, entity: plan.entity, privacyNotice: plan.privacyNotice },
      table: table
        ? { number: table.number, mesaId: table.mesaId, role: tableRole(table.facilitatorId, registration.id) }
        : null,
      kit,
    };
    res.set('cache-control', 'no-store').json(page);
  });

  /**
   * The way into their table's mesa: the person joins it as the registration says who they are, and gets a
   * capability and a seat of their own, which their browser keeps as after a mesa's join form.
   */
  router.post('/registrations/me/mesa', async (req, res) => {
    const registration = await requireRegistration(req, store);
    const seating = await store.getSeating(registration.eventId);
    const seat = seating.seats.find((s) => s.registrationId === registration.id);
    const table = seat ? seating.tables.find((t) => t.number === seat.table) : undefined;
    if (!table) throw new HttpError(409, 'not_seated', 'Aún no tiene mesa asignada.');
    const mesa = await store.getMesa(table.mesaId);
    if (!mesa) throw new HttpError(404, 'mesa_not_found', 'La mesa no existe.');
    requireOpenMesa(mesa);
    const role = tableRole(table.facilitatorId, registration.id);
    const joined = await store.listParticipants(mesa.id);
    const newcomer: Participant = {
      id: generateId(),
      role,
      name: registration.name,
      sector: registration.sector,
      organization: registration.organization,
      color: PRESENCE_COLORS[joined.length % PRESENCE_COLORS.length]!,
    };
    const token = generateToken();
    const seatToken = generateToken();
    const participant = await store.enterMesa({
      registrationId: registration.id,
      mesaId: mesa.id,
      role,
      capabilityHash: hashToken(token),
      seatHash: hashToken(seatToken),
      participant: newcomer,
      at: new Date(now()).toISOString(),
    });
    const entry: MesaEntry = { mesaId: mesa.id, role, token, seat: seatToken, participant };
    res.set('cache-control', 'no-store').json(entry);
  });

  return router;
}

const tableRole = (facilitatorId: string | null, registrationId: string): Role =>
  facilitatorId === registrationId ? 'facilitator' : 'participant';

function ownFields(r: StoredRegistration): OwnRegistration {
  const { id, eventId, name, sector, organization, email, registeredAt } = r;
  return { id, eventId, name, sector, organization, email, registeredAt };
}

/** The registration whose own page's secret the request carries (`Authorization: Bearer`), or a 401. */
async function requireRegistration(req: Request, store: Storage): Promise<StoredRegistration> {
  const token = bearer(req);
  const found =
    token !== null && registrationTokenSchema.safeParse(token).success
      ? await store.findRegistrationByToken(hashToken(token))
      : null;
  if (!found) throw new HttpError(401, 'unauthorized', 'El enlace de su registro no es válido.');
  return found;
}

/**
 * The STL, when the request presents its credentials: the admin token, or a member's session with its CSRF
 * header (then checked in full). Anything else is the public: a browser where a member is logged in still
 * registers as the public unless the STL's page sends it, and so does a follow-up member, who may not register
 * people at the door.
 */
async function stlCaller(req: Request, options: PlanRouterOptions): Promise<StlActor | null> {
  const token = bearer(req);
  if (token !== null && sameSecret(token, options.adminToken)) return { kind: 'admin' };
  if (req.get(CSRF_HEADER) === undefined) return null;
  const actor = await requireStl(req, options, STL_ROLES);
  return actor.kind === 'member' && actor.member.role !== 'stl' ? null : actor;
}
