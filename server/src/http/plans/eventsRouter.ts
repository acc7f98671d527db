import { Router } from 'express';
import {
  checkInSchema,
  eventRulesSchema,
  toCsv,
  updateEventSchema,
  type CocreationEvent,
  type RegistrationLink,
} from '@cocrea/shared';
import { generateToken, hashToken } from '../../auth/tokens';
import { attendanceCsvRows, eventAttendance, registrants } from '../../plans/eventAttendance';
import { linkBase, registrationLink } from '../links';
import { requireStl } from '../stlAuth';
import { parseBody } from '../validate';
import { eventSummary, findEvent, findRegistration } from './find';
import type { PlanRouterOptions } from './plansRouter';

/**
 * The STL's side of `/api/events/:eventId`: the event, its registration link, its registrants and their
 * attendance. Registrants' names, organisations and e-mails go to nobody else.
 */
export function eventsRouter(options: PlanRouterOptions): Router {
  const { store, now } = options;
  const router = Router();

  router.get('/:eventId', async (req, res) => {
    await requireStl(req, options);
    const event = await findEvent(store, req.params.eventId);
    res.json({ event: await eventSummary(store, event, now()) });
  });

  /** Changes fields; the whole event is checked again, so a change cannot break a rule across fields. */
  router.patch('/:eventId', async (req, res) => {
    await requireStl(req, options);
    const stored = await findEvent(store, req.params.eventId);
    const change = parseBody(updateEventSchema, req.body);
    const { id, planId, createdAt, tablesFormedAt: _, ...fields } = stored;
    const defined = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
    const merged = { ...fields, ...defined };
    // The event's own agenda is of its day and starts at its time: moving the event moves the agenda with it.
    if (merged.agenda && change.agenda === undefined) {
      merged.agenda = { ...merged.agenda, date: merged.date, startTime: merged.startTime };
    }
    const checked = parseBody(eventRulesSchema, merged);
    const event: CocreationEvent = { id, planId, createdAt, ...checked };
    await store.updateEvent(event);
    res.json({ event: await eventSummary(store, { ...event, tablesFormedAt: stored.tablesFormedAt }, now()) });
  });

  /** The registration link; for an invitation-only event, a new secret (the old link registers nobody). */
  router.post('/:eventId/registration-link', async (req, res) => {
    await requireStl(req, options);
    const event = await findEvent(store, req.params.eventId);
    let invitation: string | null = null;
    if (event.access === 'invitation') {
      invitation = generateToken();
      await store.setEventInvitation(event.id, hashToken(invitation));
    }
    const answer: RegistrationLink = {
      registrationLink: registrationLink(linkBase(req, options.publicUrl), event.id, invitation),
    };
    res.set('cache-control', 'no-store').json(answer);
  });

  router.get('/:eventId/registrations', async (req, res) => {
    await requireStl(req, options);
    const event = await findEvent(store, req.params.eventId);
    const [registrations, seating] = await Promise.all([store.listRegistrations(event.id), store.getSeating(event.id)]);
    res.set('cache-control', 'no-store').json({ registrations: registrants(registrations, seating) });
  });

  router.put('/:eventId/registrations/:registrationId/attendance', async (req, res) => {
    await requireStl(req, options);
    const event = await findEvent(store, req.params.eventId);
    const registration = await findRegistration(store, event.id, req.params.registrationId);
    const { present } = parseBody(checkInSchema, req.body);
    // Marked present again, the first time stands.
    const at = present ? (registration.checkedInAt ?? new Date(now()).toISOString()) : null;
    await store.setCheckIn(registration.id, at);
    const [updated] = registrants([{ ...registration, checkedInAt: at }], await store.getSeating(event.id));
    res.json({ registration: updated });
  });

  router.get('/:eventId/attendance', async (req, res) => {
    await requireStl(req, options);
    const event = await findEvent(store, req.params.eventId);
    const [registrations, seating] = await Promise.all([store.listRegistrations(event.id), store.getSeating(event.id)]);
    res.set('cache-control', 'no-store').json(eventAttendance(event.id, registrants(registrations, seating), seating));
  });

  router.get('/:eventId/attendance.csv', async (req, res) => {
    await requireStl(req, options);
    const event = await findEvent(store, req.params.eventId);
    const [registrations, seating] = await Promise.all([store.listRegistrations(event.id), store.getSeating(event.id)]);
    res
      .set('cache-control', 'no-store')
      .type('text/csv; charset=utf-8')
      .attachment(`asistencia-${event.date}.csv`)
      .send(toCsv(attendanceCsvRows(registrants(registrations, seating))));
  });

  return router;
}
