import { Router } from 'express';
import {
  ROLES,
  bestTableFor,
  createDefaultAgenda,
  formTables,
  formTablesRequestSchema,
  initialAgendaState,
  moveSeat,
  reformTables,
  seatRequestSchema,
  tableFacilitatorSchema,
  updateSeatSchema,
  type Mesa,
  type Tables,
} from '@cocrea/shared';
import { NO_OVERRIDES } from '../../agenda/toolLocks';
import { generateId, generateToken, hashToken } from '../../auth/tokens';
import { reseat, seatingTables, seatingView } from '../../plans/seatingView';
import type { NewTableMesa, StoredEvent, StoredSeating } from '../../storage/PlanStore';
import { HttpError } from '../HttpError';
import { requireStl } from '../stlAuth';
import { parseBody } from '../validate';
import { findEvent, findRegistration } from './find';
import type { PlanRouterOptions } from './plansRouter';

/**
 * The STL's arrangement of an event's tables: "Formar mesas" (one mesa per table), moves, locks, late arrivals,
 * each table's facilitator. Every change answers the whole seating as the STL's page shows it.
 */
export function seatingRouter(options: PlanRouterOptions): Router {
  const { store, now } = options;
  const router = Router();

  const answer = async (eventId: string, seating: StoredSeating) =>
    seatingView(eventId, seating, await store.listRegistrations(eventId));

  router.get('/:eventId/tables', async (req, res) => {
    await requireStl(req, options);
    const event = await findEvent(store, req.params.eventId);
    res.set('cache-control', 'no-store').json(await answer(event.id, await store.getSeating(event.id)));
  });

  /** "Formar mesas": seats everyone; again only to re-form, locked seats staying where they are. */
  router.post('/:eventId/tables', async (req, res) => {
    await requireStl(req, options);
    const event = await findEvent(store, req.params.eventId);
    const { reform } = parseBody(formTablesRequestSchema, req.body ?? {});
    const [registrations, stored] = await Promise.all([store.listRegistrations(event.id), store.getSeating(event.id)]);
    if (stored.tables.length > 0 && !reform) {
      throw new HttpError(
        409,
        'tables_formed',
        'Las mesas ya están formadas. Para volver a formarlas, conservando los lugares fijos, pida re-formarlas.',
      );
    }
    if (registrations.length === 0) throw new HttpError(409, 'no_registrants', 'Aún no hay personas registradas.');
    const locked = new Map(stored.seats.filter((s) => s.locked).map((s) => [s.registrationId, s.table - 1]));
    const tables: Tables = reform
      ? reformTables(registrations, event.tableSize, locked)
      : formTables(registrations, event.tableSize);
    const createdAt = new Date(now()).toISOString();
    const newMesas = tables
      .slice(stored.tables.length)
      .map((_, i) => tableMesa(event, stored.tables.length + i + 1, createdAt));
    const rows = [
      ...stored.tables.slice(0, tables.length),
      ...newMesas.map(({ mesa }, i) => ({
        number: stored.tables.length + i + 1,
        mesaId: mesa.id,
        facilitatorId: null,
      })),
    ];
    const seating = reseat({ ...stored, tables: rows }, tables, createdAt);
    await store.saveSeating(event.id, seating, newMesas);
    options.plenary.seatingChanged(event.id);
    res.status(stored.tables.length > 0 ? 200 : 201).json(await answer(event.id, seating));
  });

  /** Seats someone not seated yet: at the table named, or where the balance is best kept. */
  router.post('/:eventId/seats', async (req, res) => {
    await requireStl(req, options);
    const event = await findEvent(store, req.params.eventId);
    const input = parseBody(seatRequestSchema, req.body);
    const registration = await findRegistration(store, event.id, input.registrationId);
    const [stored, registrations] = await Promise.all([store.getSeating(event.id), store.listRegistrations(event.id)]);
    if (stored.tables.length === 0) {
      throw new HttpError(409, 'tables_not_formed', 'Primero forme las mesas del evento.');
    }
    if (stored.seats.some((s) => s.registrationId === registration.id)) {
      throw new HttpError(409, 'already_seated', 'Esa persona ya tiene mesa; muévala en lugar de sentarla.');
    }
    const tables = seatingTables(stored);
    const sectorOf = new Map(registrations.map((r) => [r.id, r.sector]));
    const index =
      input.table !== undefined
        ? existingTable(stored, input.table)
        : bestTableFor(tables, registration.sector, (id) => sectorOf.get(id), event.tableSize);
    tables[index]!.push(registration.id);
    const seating = reseat(stored, tables);
    await store.saveSeating(event.id, seating, []);
    options.plenary.seatingChanged(event.id);
    res.json(await answer(event.id, seating));
  });

  /** Moves someone to another table, and/or fixes (locks) or frees their seat. */
  router.patch('/:eventId/seats/:registrationId', async (req, res) => {
    await requireStl(req, options);
    const event = await findEvent(store, req.params.eventId);
    const registration = await findRegistration(store, event.id, req.params.registrationId);
    const change = parseBody(updateSeatSchema, req.body);
    const stored = await store.getSeating(event.id);
    const seat = stored.seats.find((s) => s.registrationId === registration.id);
    if (!seat) throw new HttpError(409, 'not_seated', 'Esa persona aún no tiene mesa.');
    let tables = seatingTables(stored);
    if (change.table !== undefined && change.table !== seat.table) {
      if (seat.locked && change.locked !== false) {
        throw new HttpError(409, 'seat_locked', 'El lugar de esa persona está fijo; libérelo antes de moverla.');
      }
      tables = moveSeat(tables, registration.id, existingTable(stored, change.table));
    }
    const moved = reseat(stored, tables);
    const seating: StoredSeating = {
      ...moved,
      seats: moved.seats.map((s) =>
        s.registrationId === registration.id && change.locked !== undefined ? { ...s, locked: change.locked } : s,
      ),
    };
    await store.saveSeating(event.id, seating, []);
    options.plenary.seatingChanged(event.id);
    res.json(await answer(event.id, seating));
  });

  /** The registrant who facilitates a table (seated at it), or none. */
  router.put('/:eventId/tables/:number/facilitator', async (req, res) => {
    await requireStl(req, options);
    const event = await findEvent(store, req.params.eventId);
    const stored = await store.getSeating(event.id);
    const number = Number(req.params.number);
    const index = Number.isInteger(number) ? stored.tables.findIndex((t) => t.number === number) : -1;
    if (index === -1) throw new HttpError(404, 'table_not_found', 'Esa mesa no existe en el evento.');
    const { registrationId } = parseBody(tableFacilitatorSchema, req.body);
    if (
      registrationId !== null &&
      !stored.seats.some((s) => s.registrationId === registrationId && s.table === number)
    ) {
      throw new HttpError(409, 'not_at_table', 'La persona facilitadora debe tener su lugar en esa mesa.');
    }
    const seating: StoredSeating = {
      ...stored,
      tables: stored.tables.map((t, i) => (i === index ? { ...t, facilitatorId: registrationId } : t)),
    };
    await store.saveSeating(event.id, seating, []);
    options.plenary.seatingChanged(event.id);
    res.json(await answer(event.id, seating));
  });

  return router;
}

/** The index of table `number`, or a 404. */
function existingTable(seating: StoredSeating, number: number): number {
  const index = seating.tables.findIndex((t) => t.number === number);
  if (index === -1) throw new HttpError(404, 'table_not_found', 'Esa mesa no existe en el evento.');
  return index;
}

/**
 * A table's mesa: the event's theme and date, its agenda the event's (or the methodology's at the event's start
 * time), and three fresh links whose tokens nobody is told: the STL replaces one to hand it out, and registrants
 * come in through their own pages.
 */
function tableMesa(event: StoredEvent, number: number, createdAt: string): NewTableMesa {
  const mesa: Mesa = {
    id: generateId(),
    title: `${event.title} — Mesa ${number}`,
    theme: event.theme,
    date: event.date,
    createdAt,
    closedAt: null,
  };
  const agenda = event.agenda ?? { ...createDefaultAgenda(event.date), startTime: event.startTime };
  return {
    mesa,
    capabilities: ROLES.map((role) => ({ role, tokenHash: hashToken(generateToken()) })),
    agenda: { agenda, state: initialAgendaState(), overrides: NO_OVERRIDES },
  };
}
