import type {
  CocreationEvent,
  KitItem,
  Mesa,
  OwnRegistration,
  Participant,
  Plan,
  Role,
  UpdatePlan,
} from '@cocrea/shared';
import type { NewCapability, StoredAgenda } from './Storage';

/** An event as stored: with when its tables were (last) formed. */
export interface StoredEvent extends CocreationEvent {
  tablesFormedAt: string | null;
}

/** A registration as stored, with what the STL's list shows of it. */
export interface StoredRegistration extends OwnRegistration {
  checkedInAt: string | null;
  enteredAt: string | null;
}

export type AddRegistrationResult = { ok: true } | { ok: false; reason: 'full' | 'email_taken' };

/** One table of an event: its number (1-based), its mesa, and the registrant the STL chose to facilitate it. */
export interface StoredTable {
  number: number;
  mesaId: string;
  facilitatorId: string | null;
}

export interface StoredSeat {
  registrationId: string;
  table: number;
  locked: boolean;
}

/** An event's whole seating, written at once. Seats are listed table by table, in seat order. */
export interface StoredSeating {
  formedAt: string | null;
  tables: StoredTable[];
  seats: StoredSeat[];
}

/** A mesa that a seating change creates for a new table, with its links and the agenda it starts from. */
export interface NewTableMesa {
  mesa: Mesa;
  capabilities: NewCapability[];
  agenda: StoredAgenda;
}

/** A registrant going into their table's mesa: the person's own capability and seat, both as hashes. */
export interface MesaEntryRecord {
  registrationId: string;
  mesaId: string;
  role: Role;
  capabilityHash: Buffer;
  seatHash: Buffer;
  /** Used if the registrant has not entered this mesa before; else the earlier participant stays (with `role`). */
  participant: Participant;
  at: string;
}

export interface NewKitItem {
  eventId: string;
  item: KitItem;
  /** The file's bytes, for a `file` item. */
  data: Uint8Array | null;
}

/**
 * Plans de Acción Local, their co-creation events, registrations, tables and seats, and each event's participant
 * kit. Every time written comes from the caller.
 */
export interface PlanStore {
  createPlan(plan: Plan): Promise<void>;
  getPlan(id: string): Promise<Plan | null>;
  /** Every plan, the newest first. */
  listPlans(): Promise<Plan[]>;
  /** Applies the fields given; null if there is no such plan. */
  updatePlan(id: string, change: UpdatePlan): Promise<Plan | null>;
  /** Files a mesa in a plan. Both must exist. */
  setMesaPlan(mesaId: string, planId: string): Promise<void>;
  /** The plan a mesa is filed in, or null. */
  getMesaPlanId(mesaId: string): Promise<string | null>;
  /** The mesas filed in a plan (its events' tables among them), as `listMesas` orders them. */
  listPlanMesas(planId: string): Promise<Mesa[]>;

  /** `invitationHash`: SHA-256 of the invitation secret, for an invitation-only event (else null). */
  createEvent(event: CocreationEvent, invitationHash: Buffer | null): Promise<void>;
  getEvent(id: string): Promise<StoredEvent | null>;
  /** A plan's events, by date and start time. */
  listEvents(planId: string): Promise<StoredEvent[]>;
  /** Replaces the event's fields (not its id, plan or creation time). */
  updateEvent(event: CocreationEvent): Promise<void>;
  /** Replaces the invitation secret's hash: the old link registers nobody from then on. */
  setEventInvitation(eventId: string, invitationHash: Buffer): Promise<void>;
  /** Whether `invitationHash` is the event's current invitation secret's. */
  checkEventInvitation(eventId: string, invitationHash: Buffer): Promise<boolean>;

  /**
   * Adds a registration unless, at that moment, the event holds `capacity` registrations already (`full`; null:
   * no limit) or the e-mail is registered to it (`email_taken`); atomically, so racing registrations cannot pass
   * either bound. `tokenHash` is the SHA-256 of the registrant's own page's secret.
   */
  addRegistration(
    registration: OwnRegistration,
    tokenHash: Buffer,
    capacity: number | null,
  ): Promise<AddRegistrationResult>;
  countRegistrations(eventId: string): Promise<number>;
  /** The event's registrations in registration order. */
  listRegistrations(eventId: string): Promise<StoredRegistration[]>;
  getRegistration(id: string): Promise<StoredRegistration | null>;
  findRegistrationByToken(tokenHash: Buffer): Promise<StoredRegistration | null>;
  /** Marks a registrant present at `at`, or not (null). False if there is no such registration. */
  setCheckIn(registrationId: string, at: string | null): Promise<boolean>;

  getSeating(eventId: string): Promise<StoredSeating>;
  /** The event and table whose mesa `mesaId` is, or null for a mesa that is no event's table. */
  findTableOfMesa(mesaId: string): Promise<{ eventId: string; number: number } | null>;
  /**
   * Replaces the event's seating, creating `newMesas` first (filed in the event's plan, with their agendas), in one
   * transaction. A registrant whose table or role changes loses the capability of their earlier entry. With
   * `basis`, the seating this one was worked out from, it writes only if that is still the stored one, and answers
   * false (writing nothing) when another change landed meanwhile: two STL members moving people at once must not
   * undo each other's moves.
   */
  saveSeating(
    eventId: string,
    seating: StoredSeating,
    newMesas: NewTableMesa[],
    basis?: StoredSeating,
  ): Promise<boolean>;
  /**
   * Records a registrant's entry into their table's mesa, atomically: their earlier entry capabilities stop
   * working; the participant they were in this mesa is kept (its role and seat updated) or `participant` added;
   * the registration's first entry time is set.
   */
  enterMesa(entry: MesaEntryRecord): Promise<Participant>;

  /** Adds a kit item unless the event has `maxItems` already; whether it did. */
  addKitItem(item: NewKitItem, maxItems: number): Promise<boolean>;
  /** The event's kit, oldest first. */
  listKitItems(eventId: string): Promise<KitItem[]>;
  getKitFile(eventId: string, itemId: string): Promise<{ item: KitItem; data: Uint8Array } | null>;
  /** False if the event has no such item. */
  deleteKitItem(eventId: string, itemId: string): Promise<boolean>;
}

/** Whether two readings of an event's seating are the same: tables, seats in their order, locks, when formed. */
export function sameSeating(a: StoredSeating, b: StoredSeating): boolean {
  return (
    a.formedAt === b.formedAt &&
    a.tables.length === b.tables.length &&
    a.tables.every((t, i) => {
      const other = b.tables[i]!;
      return t.number === other.number && t.mesaId === other.mesaId && t.facilitatorId === other.facilitatorId;
    }) &&
    a.seats.length === b.seats.length &&
    a.seats.every((s, i) => {
      const other = b.seats[i]!;
      return s.registrationId === other.registrationId && s.table === other.table && s.locked === other.locked;
    })
  );
}
