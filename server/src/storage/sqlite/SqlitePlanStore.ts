import type Database from 'better-sqlite3';
import type { CocreationEvent, KitItem, Mesa, OwnRegistration, Participant, Plan, UpdatePlan } from '@cocrea/shared';
import type {
  AddRegistrationResult,
  MesaEntryRecord,
  NewKitItem,
  NewTableMesa,
  PlanStore,
  StoredEvent,
  StoredRegistration,
  StoredSeating,
} from '../PlanStore';
import { sameSeating } from '../PlanStore';
import { eventFromRow, kitItemFromRow, type EventRow, type KitRow } from '../planRows';

const PLAN_COLUMNS = 'id, title, period, entity, privacy_notice AS privacyNotice, created_at AS createdAt';
const MESA_COLUMNS = 'id, title, theme, date, created_at AS createdAt, closed_at AS closedAt, kind, phase';
const EVENT_COLUMNS = `id, plan_id AS planId, title, theme, date, start_time AS startTime, modality, place,
  video_link AS videoLink, min_table_size AS minSize, max_table_size AS maxSize, agenda,
  registration_opens_at AS registrationOpensAt, registration_closes_at AS registrationClosesAt, capacity, access,
  created_at AS createdAt, tables_formed_at AS tablesFormedAt`;
const REGISTRATION_COLUMNS = `id, event_id AS eventId, name, sector, organization, email,
  registered_at AS registeredAt, checked_in_at AS checkedInAt, entered_at AS enteredAt`;
const KIT_COLUMNS = `id, kind, title, url, file_name AS fileName, media_type AS mediaType, size,
  created_at AS createdAt`;
const PARTICIPANT_COLUMNS = 'id, role, name, sector, organization, color';

/** The plan tables (migrations 15 and 16) over SqliteStorage's connection. */
export class SqlitePlanStore implements PlanStore {
  private readonly stmt;

  constructor(private readonly db: Database.Database) {
    this.stmt = {
      insertPlan: db.prepare(
        `INSERT INTO plans (id, title, period, entity, privacy_notice, created_at)
         VALUES (@id, @title, @period, @entity, @privacyNotice, @createdAt)`,
      ),
      getPlan: db.prepare(`SELECT ${PLAN_COLUMNS} FROM plans WHERE id = ?`),
      listPlans: db.prepare(`SELECT ${PLAN_COLUMNS} FROM plans ORDER BY created_at DESC, id`),
      updatePlan: db.prepare(
        `UPDATE plans SET title = COALESCE(@title, title), period = COALESCE(@period, period),
           entity = COALESCE(@entity, entity), privacy_notice = COALESCE(@privacyNotice, privacy_notice)
         WHERE id = @id`,
      ),
      setMesaPlan: db.prepare('UPDATE mesas SET plan_id = ? WHERE id = ?'),
      getMesaPlanId: db.prepare('SELECT plan_id FROM mesas WHERE id = ?').pluck(),
      listPlanMesas: db.prepare(
        `SELECT ${MESA_COLUMNS} FROM mesas WHERE plan_id = ? ORDER BY date DESC, created_at DESC`,
      ),
      insertEvent: db.prepare(
        `INSERT INTO events (id, plan_id, title, theme, date, start_time, modality, place, video_link,
           min_table_size, max_table_size, agenda, registration_opens_at, registration_closes_at, capacity, access,
           invitation_hash, created_at)
         VALUES (@id, @planId, @title, @theme, @date, @startTime, @modality, @place, @videoLink, @minSize, @maxSize,
           @agenda, @registrationOpensAt, @registrationClosesAt, @capacity, @access, @invitationHash, @createdAt)`,
      ),
      updateEvent: db.prepare(
        `UPDATE events SET title = @title, theme = @theme, date = @date, start_time = @startTime,
           modality = @modality, place = @place, video_link = @videoLink, min_table_size = @minSize,
           max_table_size = @maxSize, agenda = @agenda, registration_opens_at = @registrationOpensAt,
           registration_closes_at = @registrationClosesAt, capacity = @capacity, access = @access
         WHERE id = @id`,
      ),
      getEvent: db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE id = ?`),
      listEvents: db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE plan_id = ? ORDER BY date, start_time, id`),
      setInvitation: db.prepare('UPDATE events SET invitation_hash = ? WHERE id = ?'),
      invitationHash: db.prepare('SELECT invitation_hash FROM events WHERE id = ?').pluck(),
      countRegistrations: db.prepare('SELECT COUNT(*) FROM registrations WHERE event_id = ?').pluck(),
      emailTaken: db.prepare('SELECT 1 FROM registrations WHERE event_id = ? AND email = ?').pluck(),
      insertRegistration: db.prepare(
        `INSERT INTO registrations (id, event_id, name, sector, organization, email, token_hash, registered_at)
         VALUES (@id, @eventId, @name, @sector, @organization, @email, @tokenHash, @registeredAt)`,
      ),
      listRegistrations: db.prepare(
        `SELECT ${REGISTRATION_COLUMNS} FROM registrations WHERE event_id = ? ORDER BY registered_at, id`,
      ),
      getRegistration: db.prepare(`SELECT ${REGISTRATION_COLUMNS} FROM registrations WHERE id = ?`),
      findRegistration: db.prepare(`SELECT ${REGISTRATION_COLUMNS} FROM registrations WHERE token_hash = ?`),
      setCheckIn: db.prepare('UPDATE registrations SET checked_in_at = ? WHERE id = ?'),
      formedAt: db.prepare('SELECT tables_formed_at FROM events WHERE id = ?').pluck(),
      tables: db.prepare(
        `SELECT number, mesa_id AS mesaId, facilitator_id AS facilitatorId FROM event_tables
         WHERE event_id = ? ORDER BY number`,
      ),
      seats: db.prepare(
        `SELECT registration_id AS registrationId, table_number AS "table", locked FROM seats
         WHERE event_id = ? ORDER BY table_number, ord`,
      ),
      tableOfMesa: db.prepare('SELECT event_id AS eventId, number FROM event_tables WHERE mesa_id = ?'),
      insertMesa: db.prepare(
        `INSERT INTO mesas (id, title, theme, date, created_at, closed_at, plan_id)
         VALUES (@id, @title, @theme, @date, @createdAt, @closedAt, (SELECT plan_id FROM events WHERE id = @eventId))`,
      ),
      insertCapability: db.prepare('INSERT INTO capabilities (token_hash, mesa_id, role) VALUES (?, ?, ?)'),
      insertAgenda: db.prepare(
        `INSERT INTO mesa_agendas (mesa_id, agenda, state, tool_overrides, updated_at) VALUES (?, ?, ?, ?, ?)`,
      ),
      deleteSeats: db.prepare('DELETE FROM seats WHERE event_id = ?'),
      deleteTable: db.prepare('DELETE FROM event_tables WHERE event_id = ? AND number = ?'),
      upsertTable: db.prepare(
        `INSERT INTO event_tables (event_id, number, mesa_id, facilitator_id) VALUES (?, ?, ?, ?)
         ON CONFLICT (event_id, number) DO UPDATE SET mesa_id = excluded.mesa_id,
           facilitator_id = excluded.facilitator_id`,
      ),
      insertSeat: db.prepare(
        'INSERT INTO seats (registration_id, event_id, table_number, ord, locked) VALUES (?, ?, ?, ?, ?)',
      ),
      setFormedAt: db.prepare('UPDATE events SET tables_formed_at = ? WHERE id = ?'),
      // A registrant's entry capability stands only while it is for the mesa of their table, with the role their
      // table gives them (facilitator if the STL chose them).
      dropStaleEntries: db.prepare(
        `DELETE FROM capabilities WHERE registration_id IN (SELECT id FROM registrations WHERE event_id = @eventId)
           AND NOT EXISTS (
             SELECT 1 FROM seats s JOIN event_tables t ON t.event_id = s.event_id AND t.number = s.table_number
             WHERE s.registration_id = capabilities.registration_id AND t.mesa_id = capabilities.mesa_id
               AND capabilities.role = CASE WHEN t.facilitator_id = s.registration_id
                 THEN 'facilitator' ELSE 'participant' END)`,
      ),
      dropEntries: db.prepare('DELETE FROM capabilities WHERE registration_id = ?'),
      entryParticipant: db.prepare(
        `SELECT ${PARTICIPANT_COLUMNS} FROM participants WHERE mesa_id = ? AND registration_id = ?`,
      ),
      updateEntryParticipant: db.prepare(
        'UPDATE participants SET role = ?, seat_hash = ? WHERE mesa_id = ? AND registration_id = ?',
      ),
      insertEntryParticipant: db.prepare(
        `INSERT INTO participants (id, mesa_id, role, name, sector, organization, color, seat_hash, joined_at,
           registration_id)
         VALUES (@id, @mesaId, @role, @name, @sector, @organization, @color, @seatHash, @joinedAt, @registrationId)`,
      ),
      insertEntryCapability: db.prepare(
        'INSERT INTO capabilities (token_hash, mesa_id, role, registration_id) VALUES (?, ?, ?, ?)',
      ),
      setEntered: db.prepare('UPDATE registrations SET entered_at = COALESCE(entered_at, ?) WHERE id = ?'),
      countKit: db.prepare('SELECT COUNT(*) FROM kit_items WHERE event_id = ?').pluck(),
      insertKit: db.prepare(
        `INSERT INTO kit_items (id, event_id, kind, title, url, file_name, media_type, size, data, created_at)
         VALUES (@id, @eventId, @kind, @title, @url, @fileName, @mediaType, @size, @data, @createdAt)`,
      ),
      listKit: db.prepare(`SELECT ${KIT_COLUMNS} FROM kit_items WHERE event_id = ? ORDER BY created_at, id`),
      getKitFile: db.prepare(
        `SELECT ${KIT_COLUMNS}, data FROM kit_items WHERE event_id = ? AND id = ? AND kind = 'file'`,
      ),
      deleteKit: db.prepare('DELETE FROM kit_items WHERE event_id = ? AND id = ?'),
    };
  }

  async createPlan(plan: Plan): Promise<void> {
    this.stmt.insertPlan.run(plan);
  }

  async getPlan(id: string): Promise<Plan | null> {
    return (this.stmt.getPlan.get(id) as Plan | undefined) ?? null;
  }

  async listPlans(): Promise<Plan[]> {
    return this.stmt.listPlans.all() as Plan[];
  }

  async updatePlan(id: string, change: UpdatePlan): Promise<Plan | null> {
    const { title = null, period = null, entity = null, privacyNotice = null } = change;
    this.stmt.updatePlan.run({ id, title, period, entity, privacyNotice });
    return this.getPlan(id);
  }

  async setMesaPlan(mesaId: string, planId: string): Promise<void> {
    this.stmt.setMesaPlan.run(planId, mesaId);
  }

  async getMesaPlanId(mesaId: string): Promise<string | null> {
    return (this.stmt.getMesaPlanId.get(mesaId) as string | null | undefined) ?? null;
  }

  async listPlanMesas(planId: string): Promise<Mesa[]> {
    return this.stmt.listPlanMesas.all(planId) as Mesa[];
  }

  async createEvent(event: CocreationEvent, invitationHash: Buffer | null): Promise<void> {
    this.stmt.insertEvent.run({ ...eventParams(event), invitationHash });
  }

  async getEvent(id: string): Promise<StoredEvent | null> {
    const row = this.stmt.getEvent.get(id) as EventRow | undefined;
    return row ? eventFromRow(row) : null;
  }

  async listEvents(planId: string): Promise<StoredEvent[]> {
    return (this.stmt.listEvents.all(planId) as EventRow[]).map(eventFromRow);
  }

  async updateEvent(event: CocreationEvent): Promise<void> {
    this.stmt.updateEvent.run(eventParams(event));
  }

  async setEventInvitation(eventId: string, invitationHash: Buffer): Promise<void> {
    this.stmt.setInvitation.run(invitationHash, eventId);
  }

  async checkEventInvitation(eventId: string, invitationHash: Buffer): Promise<boolean> {
    const stored = this.stmt.invitationHash.get(eventId) as Buffer | null | undefined;
    return stored != null && stored.equals(invitationHash);
  }

  async addRegistration(
    registration: OwnRegistration,
    tokenHash: Buffer,
    capacity: number | null,
  ): Promise<AddRegistrationResult> {
    // One synchronous transaction: nothing else runs on this connection between the checks and the insert.
    return this.db
      .transaction((): AddRegistrationResult => {
        if (capacity !== null && (this.stmt.countRegistrations.get(registration.eventId) as number) >= capacity) {
          return { ok: false, reason: 'full' };
        }
        if (registration.email !== null && this.stmt.emailTaken.get(registration.eventId, registration.email)) {
          return { ok: false, reason: 'email_taken' };
        }
        this.stmt.insertRegistration.run({ ...registration, tokenHash });
        return { ok: true };
      })
      .immediate();
  }

  async countRegistrations(eventId: string): Promise<number> {
    return this.stmt.countRegistrations.get(eventId) as number;
  }

  async listRegistrations(eventId: string): Promise<StoredRegistration[]> {
    return this.stmt.listRegistrations.all(eventId) as StoredRegistration[];
  }

  async getRegistration(id: string): Promise<StoredRegistration | null> {
    return (this.stmt.getRegistration.get(id) as StoredRegistration | undefined) ?? null;
  }

  async findRegistrationByToken(tokenHash: Buffer): Promise<StoredRegistration | null> {
    return (this.stmt.findRegistration.get(tokenHash) as StoredRegistration | undefined) ?? null;
  }

  async setCheckIn(registrationId: string, at: string | null): Promise<boolean> {
    return this.stmt.setCheckIn.run(at, registrationId).changes === 1;
  }

  async getSeating(eventId: string): Promise<StoredSeating> {
    return this.readSeating(eventId);
  }

  private readSeating(eventId: string): StoredSeating {
    const seats = this.stmt.seats.all(eventId) as { registrationId: string; table: number; locked: number }[];
    return {
      formedAt: (this.stmt.formedAt.get(eventId) as string | null | undefined) ?? null,
      tables: this.stmt.tables.all(eventId) as StoredSeating['tables'],
      seats: seats.map((s) => ({ ...s, locked: s.locked === 1 })),
    };
  }

  async findTableOfMesa(mesaId: string): Promise<{ eventId: string; number: number } | null> {
    return (this.stmt.tableOfMesa.get(mesaId) as { eventId: string; number: number } | undefined) ?? null;
  }

  async saveSeating(
    eventId: string,
    seating: StoredSeating,
    newMesas: NewTableMesa[],
    basis?: StoredSeating,
  ): Promise<boolean> {
    return this.db.transaction((): boolean => {
      if (basis && !sameSeating(this.readSeating(eventId), basis)) return false;
      for (const { mesa, capabilities, agenda } of newMesas) {
        this.stmt.insertMesa.run({ ...mesa, eventId });
        for (const c of capabilities) this.stmt.insertCapability.run(c.tokenHash, mesa.id, c.role);
        this.stmt.insertAgenda.run(
          mesa.id,
          JSON.stringify(agenda.agenda),
          JSON.stringify(agenda.state),
          JSON.stringify(agenda.overrides),
          mesa.createdAt,
        );
      }
      this.stmt.deleteSeats.run(eventId);
      const kept = new Set(seating.tables.map((t) => t.number));
      for (const old of this.stmt.tables.all(eventId) as { number: number }[]) {
        if (!kept.has(old.number)) this.stmt.deleteTable.run(eventId, old.number);
      }
      for (const t of seating.tables) this.stmt.upsertTable.run(eventId, t.number, t.mesaId, t.facilitatorId);
      seating.seats.forEach((s, ord) =>
        this.stmt.insertSeat.run(s.registrationId, eventId, s.table, ord, s.locked ? 1 : 0),
      );
      this.stmt.setFormedAt.run(seating.formedAt, eventId);
      this.stmt.dropStaleEntries.run({ eventId });
      return true;
    })();
  }

  async enterMesa(entry: MesaEntryRecord): Promise<Participant> {
    return this.db.transaction((): Participant => {
      this.stmt.dropEntries.run(entry.registrationId);
      this.stmt.insertEntryCapability.run(entry.capabilityHash, entry.mesaId, entry.role, entry.registrationId);
      const earlier = this.stmt.entryParticipant.get(entry.mesaId, entry.registrationId) as Participant | undefined;
      let participant: Participant;
      if (earlier) {
        this.stmt.updateEntryParticipant.run(entry.role, entry.seatHash, entry.mesaId, entry.registrationId);
        participant = { ...earlier, role: entry.role };
      } else {
        participant = entry.participant;
        this.stmt.insertEntryParticipant.run({
          ...participant,
          mesaId: entry.mesaId,
          seatHash: entry.seatHash,
          joinedAt: entry.at,
          registrationId: entry.registrationId,
        });
      }
      this.stmt.setEntered.run(entry.at, entry.registrationId);
      return participant;
    })();
  }

  async addKitItem({ eventId, item, data }: NewKitItem, maxItems: number): Promise<boolean> {
    return this.db
      .transaction((): boolean => {
        if ((this.stmt.countKit.get(eventId) as number) >= maxItems) return false;
        this.stmt.insertKit.run(kitParams(eventId, item, data));
        return true;
      })
      .immediate();
  }

  async listKitItems(eventId: string): Promise<KitItem[]> {
    return (this.stmt.listKit.all(eventId) as KitRow[]).map(kitItemFromRow);
  }

  async getKitFile(eventId: string, itemId: string): Promise<{ item: KitItem; data: Uint8Array } | null> {
    const row = this.stmt.getKitFile.get(eventId, itemId) as (KitRow & { data: Buffer }) | undefined;
    return row ? { item: kitItemFromRow(row), data: row.data } : null;
  }

  async deleteKitItem(eventId: string, itemId: string): Promise<boolean> {
    return this.stmt.deleteKit.run(eventId, itemId).changes === 1;
  }
}

/** An event's columns as named parameters. */
function eventParams(event: CocreationEvent) {
  const { tableSize, agenda, ...rest } = event;
  return { ...rest, ...tableSize, agenda: agenda ? JSON.stringify(agenda) : null };
}

/** A kit item's columns as named parameters. */
function kitParams(eventId: string, item: KitItem, data: Uint8Array | null) {
  const file = item.kind === 'file';
  return {
    id: item.id,
    eventId,
    kind: item.kind,
    title: item.title,
    url: item.kind === 'link' ? item.url : null,
    fileName: file ? item.fileName : null,
    mediaType: file ? item.mediaType : null,
    size: file ? item.size : null,
    data: data ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : null,
    createdAt: item.createdAt,
  };
}
