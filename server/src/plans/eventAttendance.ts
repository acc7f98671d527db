import {
  ATTENDANCE_CSV_COLUMNS,
  ROLE_LABELS,
  SECTORS,
  zeroByRole,
  zeroBySector,
  type EventAttendance,
  type Registrant,
  type Role,
} from '@cocrea/shared';
import type { StoredRegistration, StoredSeating } from '../storage/PlanStore';

/** Each registrant as the STL's list shows them: their seat, whether they facilitate, whether they came. */
export function registrants(registrations: StoredRegistration[], seating: StoredSeating): Registrant[] {
  const seats = new Map(seating.seats.map((s) => [s.registrationId, s]));
  const facilitators = new Set(seating.tables.flatMap((t) => (t.facilitatorId === null ? [] : [t.facilitatorId])));
  return registrations.map((r) => {
    const seat = seats.get(r.id);
    return {
      ...r,
      seat: seat ? { table: seat.table, locked: seat.locked } : null,
      facilitator: facilitators.has(r.id),
    };
  });
}

/** Whether the person came: the STL marked them present, or they went into their table's mesa. */
const present = (r: Registrant) => r.checkedInAt !== null || r.enteredAt !== null;
const roleOf = (r: Registrant): Role => (r.facilitator ? 'facilitator' : 'participant');

/**
 * The event's registro de asistentes: registered and present, by sector, for the event and each table; present
 * by role too (a registrant's role is the one their table gives them).
 */
export function eventAttendance(eventId: string, people: Registrant[], seating: StoredSeating): EventAttendance {
  const count = (group: Registrant[]) => {
    const registered = { total: group.length, bySector: zeroBySector() };
    const came = { total: 0, bySector: zeroBySector(), byRole: zeroByRole() };
    for (const r of group) {
      registered.bySector[r.sector] += 1;
      if (!present(r)) continue;
      came.total += 1;
      came.bySector[r.sector] += 1;
      came.byRole[roleOf(r)] += 1;
    }
    return { registered, came };
  };
  const all = count(people);
  return {
    eventId,
    registered: all.registered,
    present: all.came,
    tables: seating.tables.map((t) => {
      const { registered, came } = count(people.filter((r) => r.seat?.table === t.number));
      return { number: t.number, mesaId: t.mesaId, seated: registered, present: came };
    }),
  };
}

/** The CSV's rows (header first): one per registrant, in registration order. Personal data: the STL's alone. */
export function attendanceCsvRows(people: Registrant[]): string[][] {
  return [
    [...ATTENDANCE_CSV_COLUMNS],
    ...people.map((r) => [
      r.name,
      SECTORS[r.sector],
      r.organization,
      r.email ?? '',
      r.seat ? String(r.seat.table) : '',
      r.seat ? ROLE_LABELS[roleOf(r)] : '',
      r.registeredAt,
      present(r) ? 'sí' : 'no',
    ]),
  ];
}
