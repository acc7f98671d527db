import { Router } from 'express';
import {
  CloseCode,
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
import { KeyedQueue } from '../../KeyedQueue';
import type { VoteService } from '../../votes/VoteService';
import { MESA_CLOSED_REASON, closeSockets, type SocketCloser } from '../../mesas/closeSockets';
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
export function seatingRouter(
  options: PlanRouterOptions & Pick<SocketCloser, 'rooms' | 'bus'> & { votes: Pick<VoteService, 'closeOpen'> },
): Router {
  const { store, now } = options;
  const router = Router();

  /**
   * A change of place drops the registrant's way into the table they left (or into their old role there): the
   * sockets they have open in it close with {@link CloseCode.seatChanged}, and their page leads them anew.
   */
  const closeLeftSockets = (before: StoredSeating) => {
    for (const { mesaId } of before.tables) {
      closeSockets(options, mesaId, { code: CloseCode.seatChanged, reason: SEAT_CHANGED_REASON, revoked: true });
    }
  };

  const changes = new KeyedQueue();
  /**
   * Reads the seating, works the change out from it and saves it only if no other change landed meanwhile;
   * otherwise works it out again from the newer seating: what the STL asked (move this person, form again) then
   * applies to what is there now, and two people arranging tables at once never undo each other's work. Changes
   * to one event received here go one at a time; only another instance's can land in between.
   */
  const changeSeating = (
    eventId: string,
    work: (stored: StoredSeating) => Promise<{ seating: StoredSeating; newMesas?: NewTableMesa[] }>,
  ): Promise<StoredSeating> => changes.run(eventId, () => saveChange(eventId, work));

  const saveChange = async (
    eventId: string,
    work: (stored: StoredSeating) => Promise<{ seating: StoredSeating; newMesas?: NewTableMesa[] }>,
  ): Promise<StoredSeating> => {
    for (let attempt = 0; attempt < SEATING_ATTEMPTS; attempt++) {
      const stored = await store.getSeating(eventId);
      const { seating, newMesas = [] } = await work(stored);
      if (await store.saveSeating(eventId, seating, newMesas, stored)) {
        closeLeftSockets(stored);
        options.plenary.seatingChanged(eventId);
        return seating;
      }
    }
    throw new HttpError(
      409,
      'seating_busy',
      'Otras personas están cambiando las mesas en este momento. Intente de nuevo en unos segundos.',
    );
  };

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
    const registrations = await store.listRegistrations(event.id);
    let before: StoredSeating = { formedAt: null, tables: [], seats: [] };
    const seating = await changeSeating(event.id, async (stored) => {
      before = stored;
      return formed(event, registrations, stored, reform, new Date(now()).toISOString());
    });
    // Fewer tables than before (the STL made them larger): the mesas of the tables gone are closed, read-only, so
    // that nobody goes on working at a table that no longer exists; what they hold stays readable.
    const gone = before.tables.filter((table) => !seating.tables.some((kept) => kept.mesaId === table.mesaId));
    for (const { mesaId } of gone) {
      if (await store.closeMesa(mesaId, new Date(now()).toISOString())) {
        closeSockets(options, mesaId, { code: CloseCode.mesaClosed, reason: MESA_CLOSED_REASON });
        await options.votes.closeOpen(mesaId);
      }
    }
    res.status(before.tables.length > 0 ? 200 : 201).json(await answer(event.id, seating));
  });

  /** Seats someone not seated yet: at the table named, or where the balance is best kept. */
  router.post('/:eventId/seats', async (req, res) => {
    await requireStl(req, options);
    const event = await findEvent(store, req.params.eventId);
    const input = parseBody(seatRequestSchema, req.body);
    const registration = await findRegistration(store, event.id, input.registrationId);
    const registrations = await store.listRegistrations(event.id);
    const seating = await changeSeating(event.id, async (stored) => {
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
      return { seating: reseat(stored, tables) };
    });
    res.json(await answer(event.id, seating));
  });

  /** Moves someone to another table, and/or fixes (locks) or frees their seat. */
  router.patch('/:eventId/seats/:registrationId', async (req, res) => {
    await requireStl(req, options);
    const event = await findEvent(store, req.params.eventId);
    const registration = await findRegistration(store, event.id, req.params.registrationId);
    const change = parseBody(updateSeatSchema, req.body);
    const seating = await changeSeating(event.id, async (stored) => {
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
      return {
        seating: {
          ...moved,
          seats: moved.seats.map((s) =>
            s.registrationId === registration.id && change.locked !== undefined ? { ...s, locked: change.locked } : s,
          ),
        },
      };
    });
    res.json(await answer(event.id, seating));
  });

  /** The registrant who facilitates a table (seated at it), or none. */
  router.put('/:eventId/tables/:number/facilitator', async (req, res) => {
    await requireStl(req, options);
    const event = await findEvent(store, req.params.eventId);
    const number = Number(req.params.number);
    const { registrationId } = parseBody(tableFacilitatorSchema, req.body);
    const seating = await changeSeating(event.id, async (stored) => {
      const index = Number.isInteger(number) ? stored.tables.findIndex((t) => t.number === number) : -1;
      if (index === -1) throw new HttpError(404, 'table_not_found', 'Esa mesa no existe en el evento.');
      if (
        registrationId !== null &&
        !stored.seats.some((s) => s.registrationId === registrationId && s.table === number)
      ) {
        throw new HttpError(409, 'not_at_table', 'La persona facilitadora debe tener su lugar en esa mesa.');
      }
      return {
        seating: {
          ...stored,
          tables: stored.tables.map((t, i) => (i === index ? { ...t, facilitatorId: registrationId } : t)),
        },
      };
    });
    res.json(await answer(event.id, seating));
  });

  return router;
}

/**
 * "Formar mesas" on `stored`: everyone seated at sector-balanced tables; again only to re-form, locked seats staying
 * where they are. Tables beyond the stored ones get a mesa each.
 */
function formed(
  event: StoredEvent,
  registrations: Parameters<typeof formTables>[0],
  stored: StoredSeating,
  reform: boolean | undefined,
  createdAt: string,
): { seating: StoredSeating; newMesas: NewTableMesa[] } {
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
  return { seating: reseat({ ...stored, tables: rows }, tables, createdAt), newMesas };
}

/** How many times a seating change is worked out again when other instances' changes keep landing first. */
const SEATING_ATTEMPTS = 5;

/** Sent with the close; the page words it at length (a close reason holds 123 bytes at most). */
const SEAT_CHANGED_REASON = 'El STL cambió su lugar en el evento.';

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
    kind: 'mesa',
    phase: null,
  };
  const agenda = event.agenda ?? { ...createDefaultAgenda(event.date), startTime: event.startTime };
  return {
    mesa,
    capabilities: ROLES.map((role) => ({ role, tokenHash: hashToken(generateToken()) })),
    agenda: { agenda, state: initialAgendaState(), overrides: NO_OVERRIDES },
  };
}
