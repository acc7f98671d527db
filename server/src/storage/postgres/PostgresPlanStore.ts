import type { Pool, PoolClient } from 'pg';
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
import { transaction } from './pool';

const PLAN_COLUMNS = 'id, title, period, entity, privacy_notice AS "privacyNotice", created_at AS "createdAt"';
const MESA_COLUMNS = 'id, title, theme, date, created_at AS "createdAt", closed_at AS "closedAt", kind, phase';
const EVENT_COLUMNS = `id, plan_id AS "planId", title, theme, date, start_time AS "startTime", modality, place,
  video_link AS "videoLink", min_table_size AS "minSize", max_table_size AS "maxSize", agenda,
  registration_opens_at AS "registrationOpensAt", registration_closes_at AS "registrationClosesAt", capacity, access,
  created_at AS "createdAt", tables_formed_at AS "tablesFormedAt"`;
const REGISTRATION_COLUMNS = `id, event_id AS "eventId", name, sector, organization, email,
  registered_at AS "registeredAt", checked_in_at AS "checkedInAt", entered_at AS "enteredAt"`;
const KIT_COLUMNS = `id, kind, title, url, file_name AS "fileName", media_type AS "mediaType", size,
  created_at AS "createdAt"`;
const PARTICIPANT_COLUMNS = 'id, role, name, sector, organization, color';

/** The plan tables (migration 2) over PostgresStorage's pool. */
export class PostgresPlanStore implements PlanStore {
  constructor(private readonly pool: Pool) {}

  async createPlan(plan: Plan): Promise<void> {
    await this.pool.query(
      `INSERT INTO plans (id, title, period, entity, privacy_notice, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [plan.id, plan.title, plan.period, plan.entity, plan.privacyNotice, plan.createdAt],
    );
  }

  async getPlan(id: string): Promise<Plan | null> {
    const { rows } = await this.pool.query<Plan>(`SELECT ${PLAN_COLUMNS} FROM plans WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async listPlans(): Promise<Plan[]> {
    return (await this.pool.query<Plan>(`SELECT ${PLAN_COLUMNS} FROM plans ORDER BY created_at DESC, id`)).rows;
  }

  async updatePlan(id: string, change: UpdatePlan): Promise<Plan | null> {
    const { rows } = await this.pool.query<Plan>(
      `UPDATE plans SET title = COALESCE($2, title), period = COALESCE($3, period), entity = COALESCE($4, entity),
         privacy_notice = COALESCE($5, privacy_notice)
       WHERE id = $1 RETURNING ${PLAN_COLUMNS}`,
      [id, change.title ?? null, change.period ?? null, change.entity ?? null, change.privacyNotice ?? null],
    );
    return rows[0] ?? null;
  }

  async setMesaPlan(mesaId: string, planId: string): Promise<void> {
    await this.pool.query('UPDATE mesas SET plan_id = $1 WHERE id = $2', [planId, mesaId]);
  }

  async getMesaPlanId(mesaId: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ planId: string | null }>(
      'SELECT plan_id AS "planId" FROM mesas WHERE id = $1',
      [mesaId],
    );
    return rows[0]?.planId ?? null;
  }

  async listPlanMesas(planId: string): Promise<Mesa[]> {
    const { rows } = await this.pool.query<Mesa>(
      `SELECT ${MESA_COLUMNS} FROM mesas WHERE plan_id = $1 ORDER BY date DESC, created_at DESC`,
      [planId],
    );
    return rows;
  }

  async createEvent(event: CocreationEvent, invitationHash: Buffer | null): Promise<void> {
    await this.pool.query(
      `INSERT INTO events (id, plan_id, title, theme, date, start_time, modality, place, video_link, min_table_size,
         max_table_size, agenda, registration_opens_at, registration_closes_at, capacity, access, created_at,
         invitation_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
      [...eventValues(event), event.createdAt, invitationHash],
    );
  }

  async getEvent(id: string): Promise<StoredEvent | null> {
    const { rows } = await this.pool.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE id = $1`, [id]);
    return rows[0] ? eventFromRow(rows[0]) : null;
  }

  async listEvents(planId: string): Promise<StoredEvent[]> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE plan_id = $1 ORDER BY date, start_time, id`,
      [planId],
    );
    return rows.map(eventFromRow);
  }

  async updateEvent(event: CocreationEvent): Promise<void> {
    await this.pool.query(
      `UPDATE events SET title = $3, theme = $4, date = $5, start_time = $6, modality = $7, place = $8,
         video_link = $9, min_table_size = $10, max_table_size = $11, agenda = $12, registration_opens_at = $13,
         registration_closes_at = $14, capacity = $15, access = $16
       WHERE id = $1 AND plan_id = $2`,
      eventValues(event),
    );
  }

  async setEventInvitation(eventId: string, invitationHash: Buffer): Promise<void> {
    await this.pool.query('UPDATE events SET invitation_hash = $1 WHERE id = $2', [invitationHash, eventId]);
  }

  async checkEventInvitation(eventId: string, invitationHash: Buffer): Promise<boolean> {
    const { rows } = await this.pool.query('SELECT 1 FROM events WHERE id = $1 AND invitation_hash = $2', [
      eventId,
      invitationHash,
    ]);
    return rows.length === 1;
  }

  /**
   * One transaction that first locks the event's row: registrations of one event (in any process) take turns, so
   * the count checked against the capacity is the one the insert adds to. The unique index backs the e-mail check.
   */
  async addRegistration(
    registration: OwnRegistration,
    tokenHash: Buffer,
    capacity: number | null,
  ): Promise<AddRegistrationResult> {
    return transaction(this.pool, async (client): Promise<AddRegistrationResult> => {
      await client.query('SELECT 1 FROM events WHERE id = $1 FOR NO KEY UPDATE', [registration.eventId]);
      const { rows } = await client.query<{ count: number; taken: boolean }>(
        `SELECT COUNT(*)::integer AS count, COALESCE(bool_or(email = $2), false) AS taken
         FROM registrations WHERE event_id = $1`,
        [registration.eventId, registration.email],
      );
      const { count, taken } = rows[0]!;
      if (capacity !== null && count >= capacity) return { ok: false, reason: 'full' };
      if (taken) return { ok: false, reason: 'email_taken' };
      const r = registration;
      await client.query(
        `INSERT INTO registrations (id, event_id, name, sector, organization, email, token_hash, registered_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [r.id, r.eventId, r.name, r.sector, r.organization, r.email, tokenHash, r.registeredAt],
      );
      return { ok: true };
    });
  }

  async countRegistrations(eventId: string): Promise<number> {
    const { rows } = await this.pool.query<{ count: number }>(
      'SELECT COUNT(*)::integer AS count FROM registrations WHERE event_id = $1',
      [eventId],
    );
    return rows[0]!.count;
  }

  async listRegistrations(eventId: string): Promise<StoredRegistration[]> {
    const { rows } = await this.pool.query<StoredRegistration>(
      `SELECT ${REGISTRATION_COLUMNS} FROM registrations WHERE event_id = $1 ORDER BY registered_at, id`,
      [eventId],
    );
    return rows;
  }

  async getRegistration(id: string): Promise<StoredRegistration | null> {
    const { rows } = await this.pool.query<StoredRegistration>(
      `SELECT ${REGISTRATION_COLUMNS} FROM registrations WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async findRegistrationByToken(tokenHash: Buffer): Promise<StoredRegistration | null> {
    const { rows } = await this.pool.query<StoredRegistration>(
      `SELECT ${REGISTRATION_COLUMNS} FROM registrations WHERE token_hash = $1`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  async setCheckIn(registrationId: string, at: string | null): Promise<boolean> {
    const { rowCount } = await this.pool.query('UPDATE registrations SET checked_in_at = $1 WHERE id = $2', [
      at,
      registrationId,
    ]);
    return rowCount === 1;
  }

  async getSeating(eventId: string): Promise<StoredSeating> {
    // One statement per part; a seating is written in one transaction, so read them in one too.
    return transaction(this.pool, async (client) => {
      await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      return readSeating(client, eventId);
    });
  }

  async findTableOfMesa(mesaId: string): Promise<{ eventId: string; number: number } | null> {
    const { rows } = await this.pool.query<{ eventId: string; number: number }>(
      'SELECT event_id AS "eventId", number FROM event_tables WHERE mesa_id = $1',
      [mesaId],
    );
    return rows[0] ?? null;
  }

  async saveSeating(
    eventId: string,
    seating: StoredSeating,
    newMesas: NewTableMesa[],
    basis?: StoredSeating,
  ): Promise<boolean> {
    return transaction(this.pool, async (client) => {
      await client.query('SELECT 1 FROM events WHERE id = $1 FOR NO KEY UPDATE', [eventId]);
      // Under the event's row lock, so no other change can land between this look and the writes.
      if (basis && !sameSeating(await readSeating(client, eventId), basis)) return false;
      for (const { mesa, capabilities, agenda } of newMesas) {
        await client.query(
          `INSERT INTO mesas (id, title, theme, date, created_at, closed_at, plan_id)
           VALUES ($1, $2, $3, $4, $5, $6, (SELECT plan_id FROM events WHERE id = $7))`,
          [mesa.id, mesa.title, mesa.theme, mesa.date, mesa.createdAt, mesa.closedAt, eventId],
        );
        for (const c of capabilities) {
          await client.query('INSERT INTO capabilities (token_hash, mesa_id, role) VALUES ($1, $2, $3)', [
            c.tokenHash,
            mesa.id,
            c.role,
          ]);
        }
        await client.query(
          `INSERT INTO mesa_agendas (mesa_id, agenda, state, tool_overrides, updated_at) VALUES ($1, $2, $3, $4, $5)`,
          [
            mesa.id,
            JSON.stringify(agenda.agenda),
            JSON.stringify(agenda.state),
            JSON.stringify(agenda.overrides),
            mesa.createdAt,
          ],
        );
      }
      await client.query('DELETE FROM seats WHERE event_id = $1', [eventId]);
      await client.query('DELETE FROM event_tables WHERE event_id = $1 AND NOT (number = ANY($2::integer[]))', [
        eventId,
        seating.tables.map((t) => t.number),
      ]);
      for (const t of seating.tables) {
        await client.query(
          `INSERT INTO event_tables (event_id, number, mesa_id, facilitator_id) VALUES ($1, $2, $3, $4)
           ON CONFLICT (event_id, number) DO UPDATE SET mesa_id = excluded.mesa_id,
             facilitator_id = excluded.facilitator_id`,
          [eventId, t.number, t.mesaId, t.facilitatorId],
        );
      }
      if (seating.seats.length > 0) {
        await client.query(
          `INSERT INTO seats (registration_id, event_id, table_number, ord, locked)
           SELECT r, $1, t, o, l FROM unnest($2::text[], $3::integer[], $4::integer[], $5::boolean[]) AS s(r, t, o, l)`,
          [
            eventId,
            seating.seats.map((s) => s.registrationId),
            seating.seats.map((s) => s.table),
            seating.seats.map((_, i) => i),
            seating.seats.map((s) => s.locked),
          ],
        );
      }
      await client.query('UPDATE events SET tables_formed_at = $1 WHERE id = $2', [seating.formedAt, eventId]);
      // A registrant's entry capability stands only while it is for the mesa of their table, with the role their
      // table gives them (facilitator if the STL chose them).
      await client.query(
        `DELETE FROM capabilities c WHERE c.registration_id IN (SELECT id FROM registrations WHERE event_id = $1)
           AND NOT EXISTS (
             SELECT 1 FROM seats s JOIN event_tables t ON t.event_id = s.event_id AND t.number = s.table_number
             WHERE s.registration_id = c.registration_id AND t.mesa_id = c.mesa_id
               AND c.role = CASE WHEN t.facilitator_id = s.registration_id THEN 'facilitator' ELSE 'participant' END)`,
        [eventId],
      );
      return true;
    });
  }

  async enterMesa(entry: MesaEntryRecord): Promise<Participant> {
    return transaction(this.pool, async (client): Promise<Participant> => {
      // Entries of one registrant take turns: the later one's secrets are the ones that work.
      await client.query('SELECT 1 FROM registrations WHERE id = $1 FOR UPDATE', [entry.registrationId]);
      await client.query('DELETE FROM capabilities WHERE registration_id = $1', [entry.registrationId]);
      await client.query(
        'INSERT INTO capabilities (token_hash, mesa_id, role, registration_id) VALUES ($1, $2, $3, $4)',
        [entry.capabilityHash, entry.mesaId, entry.role, entry.registrationId],
      );
      const earlier = await client.query<Participant>(
        `UPDATE participants SET role = $1, seat_hash = $2 WHERE mesa_id = $3 AND registration_id = $4
         RETURNING ${PARTICIPANT_COLUMNS}`,
        [entry.role, entry.seatHash, entry.mesaId, entry.registrationId],
      );
      let participant = earlier.rows[0];
      if (!participant) {
        participant = entry.participant;
        const p = participant;
        await client.query(
          `INSERT INTO participants (id, mesa_id, role, name, sector, organization, color, seat_hash, joined_at,
             registration_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [
            p.id,
            entry.mesaId,
            p.role,
            p.name,
            p.sector,
            p.organization,
            p.color,
            entry.seatHash,
            entry.at,
            entry.registrationId,
          ],
        );
      }
      await client.query('UPDATE registrations SET entered_at = COALESCE(entered_at, $1) WHERE id = $2', [
        entry.at,
        entry.registrationId,
      ]);
      return participant;
    });
  }

  async addKitItem({ eventId, item, data }: NewKitItem, maxItems: number): Promise<boolean> {
    return transaction(this.pool, async (client) => {
      await client.query('SELECT 1 FROM events WHERE id = $1 FOR NO KEY UPDATE', [eventId]);
      const { rows } = await client.query<{ count: number }>(
        'SELECT COUNT(*)::integer AS count FROM kit_items WHERE event_id = $1',
        [eventId],
      );
      if (rows[0]!.count >= maxItems) return false;
      const file = item.kind === 'file';
      await client.query(
        `INSERT INTO kit_items (id, event_id, kind, title, url, file_name, media_type, size, data, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          item.id,
          eventId,
          item.kind,
          item.title,
          item.kind === 'link' ? item.url : null,
          file ? item.fileName : null,
          file ? item.mediaType : null,
          file ? item.size : null,
          data ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : null,
          item.createdAt,
        ],
      );
      return true;
    });
  }

  async listKitItems(eventId: string): Promise<KitItem[]> {
    const { rows } = await this.pool.query<KitRow>(
      `SELECT ${KIT_COLUMNS} FROM kit_items WHERE event_id = $1 ORDER BY created_at, id`,
      [eventId],
    );
    return rows.map(kitItemFromRow);
  }

  async getKitFile(eventId: string, itemId: string): Promise<{ item: KitItem; data: Uint8Array } | null> {
    const { rows } = await this.pool.query<KitRow & { data: Buffer }>(
      `SELECT ${KIT_COLUMNS}, data FROM kit_items WHERE event_id = $1 AND id = $2 AND kind = 'file'`,
      [eventId, itemId],
    );
    const row = rows[0];
    return row ? { item: kitItemFromRow(row), data: row.data } : null;
  }

  async deleteKitItem(eventId: string, itemId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('DELETE FROM kit_items WHERE event_id = $1 AND id = $2', [
      eventId,
      itemId,
    ]);
    return rowCount === 1;
  }
}

/** An event's columns in the order of `createEvent`'s and `updateEvent`'s parameters ($1 … $16). */
function eventValues(e: CocreationEvent): unknown[] {
  return [
    e.id,
    e.planId,
    e.title,
    e.theme,
    e.date,
    e.startTime,
    e.modality,
    e.place,
    e.videoLink,
    e.tableSize.minSize,
    e.tableSize.maxSize,
    e.agenda ? JSON.stringify(e.agenda) : null,
    e.registrationOpensAt,
    e.registrationClosesAt,
    e.capacity,
    e.access,
  ];
}

/** The event's seating as the transaction of `client` sees it. */
async function readSeating(client: PoolClient, eventId: string): Promise<StoredSeating> {
  const formed = await client.query<{ formedAt: string | null }>(
    'SELECT tables_formed_at AS "formedAt" FROM events WHERE id = $1',
    [eventId],
  );
  const tables = await client.query<StoredSeating['tables'][number]>(
    `SELECT number, mesa_id AS "mesaId", facilitator_id AS "facilitatorId" FROM event_tables
     WHERE event_id = $1 ORDER BY number`,
    [eventId],
  );
  const seats = await client.query<StoredSeating['seats'][number]>(
    `SELECT registration_id AS "registrationId", table_number AS "table", locked FROM seats
     WHERE event_id = $1 ORDER BY table_number, ord`,
    [eventId],
  );
  return { formedAt: formed.rows[0]?.formedAt ?? null, tables: tables.rows, seats: seats.rows };
}
