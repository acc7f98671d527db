import { isSectorBalanced, type Seating, type Tables } from '@cocrea/shared';
import type { StoredRegistration, StoredSeating } from '../storage/PlanStore';

/** The stored seating as tables of registration ids: `tables[i]` is table number i + 1. */
export function seatingTables(seating: StoredSeating): Tables {
  return seating.tables.map((t) => seating.seats.filter((s) => s.table === t.number).map((s) => s.registrationId));
}

/** The seating as the STL's page shows it (`seatingSchema`): names and sectors, who is not seated, the balance. */
export function seatingView(eventId: string, seating: StoredSeating, registrations: StoredRegistration[]): Seating {
  const byId = new Map(registrations.map((r) => [r.id, r]));
  const person = (id: string) => {
    const r = byId.get(id)!;
    return { registrationId: r.id, name: r.name, sector: r.sector, organization: r.organization };
  };
  const seated = new Set(seating.seats.map((s) => s.registrationId));
  return {
    eventId,
    formedAt: seating.formedAt,
    tables: seating.tables.map((t) => ({
      number: t.number,
      mesaId: t.mesaId,
      facilitatorId: t.facilitatorId,
      seats: seating.seats
        .filter((s) => s.table === t.number)
        .map((s) => ({ ...person(s.registrationId), locked: s.locked })),
    })),
    unseated: registrations.filter((r) => !seated.has(r.id)).map((r) => person(r.id)),
    sectorBalanced: isSectorBalanced(seatingTables(seating), (id) => byId.get(id)?.sector),
  };
}

/**
 * A seating rebuilt from tables of ids over the same table rows: each seat keeps its lock, and a table's
 * facilitator stays chosen only while seated at it.
 */
export function reseat(seating: StoredSeating, tables: Tables, formedAt = seating.formedAt): StoredSeating {
  const locked = new Set(seating.seats.filter((s) => s.locked).map((s) => s.registrationId));
  return {
    formedAt,
    tables: seating.tables.map((t, i) => ({
      ...t,
      facilitatorId: t.facilitatorId !== null && tables[i]?.includes(t.facilitatorId) ? t.facilitatorId : null,
    })),
    seats: tables.flatMap((ids, i) =>
      ids.map((registrationId) => ({ registrationId, table: i + 1, locked: locked.has(registrationId) })),
    ),
  };
}
