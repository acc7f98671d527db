import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ATTENDANCE_CSV_COLUMNS,
  createDefaultAgenda,
  eventAnswerSchema,
  createdEventSchema,
  createdRegistrationSchema,
  eventAttendanceSchema,
  mesaEntrySchema,
  mesaSessionSchema,
  planDetailSchema,
  publicEventSchema,
  registrantListSchema,
  registrationPageSchema,
  seatingSchema,
  type CreatedEvent,
  type CreatedRegistration,
  type Seating,
} from '@cocrea/shared';
import { closed, connectStockClient, openRawSocket, type StockClient } from './support/clients';
import { StlBrowser, bootstrapMember, type Answer, type ErrorBody } from './support/stlBrowser';
import { ADMIN_TOKEN, startTestServer, type TestServer } from './support/testServer';
import { waitFor } from './support/waitFor';

let t: TestServer;
let stl: StlBrowser;
beforeEach(async () => {
  t = await startTestServer();
  await bootstrapMember(t);
  stl = new StlBrowser(t);
  await stl.login();
});
afterEach(() => t.close());

const HOUR = 3_600_000;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

/** An event whose registration is open now, unless `overrides` say otherwise. */
function eventBody(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Evento de movilidad',
    theme: 'Movilidad',
    date: '2026-12-10',
    startTime: '09:30',
    modality: 'presencial',
    place: 'Palacio Municipal de Toluca',
    registrationOpensAt: iso(-HOUR),
    registrationClosesAt: iso(24 * HOUR),
    ...overrides,
  };
}

async function createPlan(): Promise<string> {
  const answer = await stl.call<{ plan: { id: string } }>('POST', '/api/plans', {
    title: 'Primer Plan de Acción Local',
    period: '2026-2028',
    entity: 'Estado de México',
  });
  expect(answer.status).toBe(201);
  return answer.body.plan.id;
}

async function createEvent(overrides: Record<string, unknown> = {}): Promise<CreatedEvent> {
  const planId = await createPlan();
  const answer = await stl.call<unknown>('POST', `/api/plans/${planId}/events`, eventBody(overrides));
  expect(answer.status).toBe(201);
  return createdEventSchema.parse(answer.body);
}

/** A person registering from their own browser: no cookie, no credentials but an invitation secret if given. */
async function register(
  eventId: string,
  person: Record<string, unknown>,
  secret?: string,
): Promise<Answer<CreatedRegistration & ErrorBody>> {
  const res = await fetch(`${t.baseUrl}/api/events/${eventId}/registrations`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(secret ? { authorization: `Bearer ${secret}` } : {}),
    },
    body: JSON.stringify({
      name: 'Persona',
      sector: 'academia',
      organization: 'UAEMéx',
      acceptsChathamHouse: true,
      acceptsPrivacyNotice: true,
      ...person,
    }),
  });
  return { status: res.status, body: (await res.json()) as CreatedRegistration & ErrorBody, headers: res.headers };
}

/** A registrant's own page or mesa entry, with the token of their page. */
async function asRegistrant(method: string, path: string, token: string) {
  const res = await fetch(`${t.baseUrl}${path}`, { method, headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as unknown };
}

async function registrantCount(eventId: string): Promise<number> {
  const answer = await stl.call<unknown>('GET', `/api/events/${eventId}/registrations`);
  return registrantListSchema.parse(answer.body).registrations.length;
}

/** 23 people of sectors 11, 6, 4 and 2, as the issue names them. */
const SECTOR_COUNTS = [
  ['servidor-publico', 11],
  ['sociedad-civil', 6],
  ['academia', 4],
  ['comite-participacion-ciudadana', 2],
] as const;

async function registerTwentyThree(eventId: string): Promise<CreatedRegistration[]> {
  const created: CreatedRegistration[] = [];
  let n = 0;
  for (const [sector, count] of SECTOR_COUNTS) {
    for (let i = 0; i < count; i++) {
      const answer = await register(eventId, { name: `Persona ${++n}`, sector, email: `p${n}@ejemplo.mx` });
      expect(answer.status).toBe(201);
      created.push(createdRegistrationSchema.parse(answer.body));
    }
  }
  return created;
}

describe('plans and events', () => {
  it('the STL creates a plan and an event; the plan lists the event, and a mesa filed in it', async () => {
    const created = await createEvent({ capacity: 30, tableSize: { minSize: 4, maxSize: 8 } });
    expect(created.event).toMatchObject({
      theme: 'movilidad',
      registrationStatus: 'open',
      registered: 0,
      tables: 0,
      capacity: 30,
      access: 'open',
      agenda: null,
    });
    expect(created.registrationLink).toBe(`${t.baseUrl}/evento/${created.event.id}/registro`);
    const planId = created.event.planId;
    const mesa = await stl.call<{ mesa: { id: string } }>('POST', '/api/mesas', {
      title: 'Mesa suelta',
      theme: 'seguridad',
      date: '2026-11-21',
      planId,
    });
    expect(mesa.status).toBe(201);
    const detail = planDetailSchema.parse((await stl.call<unknown>('GET', `/api/plans/${planId}`)).body);
    expect(detail.plan.period).toBe('2026–2028');
    expect(detail.events.map((e) => e.id)).toEqual([created.event.id]);
    expect(detail.mesas.map((m) => m.id)).toEqual([mesa.body.mesa.id]);
    const unknownPlan = await stl.call<ErrorBody>('POST', '/api/mesas', {
      title: 'Mesa',
      theme: 'seguridad',
      date: '2026-11-21',
      planId: 'AAAAAAAAAAAAAAAA',
    });
    expect(unknownPlan.status).toBe(404);
    expect(unknownPlan.body.error.code).toBe('plan_not_found');
  });

  it('an event’s rules across fields hold on creation and on every change, in Spanish, and nothing changes', async () => {
    const planId = await createPlan();
    const virtualWithoutLink = await stl.call<ErrorBody>(
      'POST',
      `/api/plans/${planId}/events`,
      eventBody({ modality: 'virtual', place: null }),
    );
    expect(virtualWithoutLink.status).toBe(400);
    expect(virtualWithoutLink.body.error.fields?.videoLink).toMatch(/videollamada/);
    const { event } = await createEvent();
    const closesFirst = await stl.call<ErrorBody>('PATCH', `/api/events/${event.id}`, {
      registrationClosesAt: iso(-2 * HOUR),
    });
    expect(closesFirst.status).toBe(400);
    expect(closesFirst.body.error.fields?.registrationClosesAt).toBe('El registro debe cerrar después de abrir.');
    const tooSmall = await stl.call<ErrorBody>('PATCH', `/api/events/${event.id}`, {
      tableSize: { minSize: 6, maxSize: 5 },
    });
    expect(tooSmall.status).toBe(400);
    const stored = await stl.call<{ event: { registrationClosesAt: string } }>('GET', `/api/events/${event.id}`);
    expect(stored.body.event.registrationClosesAt).toBe(event.registrationClosesAt);
    const changed = await stl.call<{ event: { capacity: number } }>('PATCH', `/api/events/${event.id}`, {
      capacity: 12,
    });
    expect(changed.status).toBe(200);
    expect(changed.body.event.capacity).toBe(12);
  });
});

describe('registration', () => {
  it('the public page shows the event and the plan’s privacy notice, never the video link', async () => {
    const { event } = await createEvent({ modality: 'mixta', videoLink: 'https://meet.example.mx/secreta' });
    const res = await fetch(`${t.baseUrl}/api/events/${event.id}/registration`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain('meet.example.mx');
    const page = publicEventSchema.parse(JSON.parse(text));
    expect(page.event.registrationStatus).toBe('open');
    expect(page.plan.privacyNotice).toMatch(/Aviso de privacidad/);
  });

  it('a person registers and reads their own page with its secret; nobody else reads it', async () => {
    const { event } = await createEvent({ modality: 'mixta', videoLink: 'https://meet.example.mx/sala' });
    const answer = await register(event.id, { name: 'Ana', email: 'ANA@uaemex.mx', organization: 'UAEMéx' });
    expect(answer.status).toBe(201);
    const created = createdRegistrationSchema.parse(answer.body);
    expect(created.registration).toMatchObject({ name: 'Ana', email: 'ana@uaemex.mx', sector: 'academia' });
    expect(created.link).toBe(`${t.baseUrl}/evento/${event.id}/mi-registro#r=${created.token}`);
    const page = await asRegistrant('GET', '/api/registrations/me', created.token);
    expect(page.status).toBe(200);
    const own = registrationPageSchema.parse(page.body);
    expect(own.event.videoLink).toBe('https://meet.example.mx/sala');
    expect(own.table).toBeNull();
    expect(own.kit).toEqual([]);
    expect((await asRegistrant('GET', '/api/registrations/me', 'x'.repeat(43))).status).toBe(401);
    expect((await fetch(`${t.baseUrl}/api/registrations/me`)).status).toBe(401);
  });

  it('a bad field, a refused rule or a duplicate e-mail answer in Spanish, and store nothing', async () => {
    const { event } = await createEvent();
    const bad = await register(event.id, { name: '', sector: 'marciano', acceptsPrivacyNotice: false });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toMatchObject({
      name: expect.stringMatching(/nombre/),
      sector: 'Elija su sector.',
      acceptsPrivacyNotice: 'Debe aceptar el aviso de privacidad para registrarse.',
    });
    const noChatham = await register(event.id, { acceptsChathamHouse: false });
    expect(noChatham.status).toBe(400);
    expect(noChatham.body.error.fields?.acceptsChathamHouse).toMatch(/Chatham House/);
    expect((await register(event.id, { email: 'ana@uaemex.mx' })).status).toBe(201);
    const twice = await register(event.id, { name: 'Otra Ana', email: 'Ana@UAEMex.mx' });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatchObject({
      code: 'email_taken',
      message: 'Ese correo electrónico ya está registrado en este evento.',
    });
    expect(await registrantCount(event.id)).toBe(1);
  });

  it('registration before it opens, after it closes, or past the capacity is refused; the STL registers at the door', async () => {
    const notYet = await createEvent({ registrationOpensAt: iso(HOUR), registrationClosesAt: iso(2 * HOUR) });
    const early = await register(notYet.event.id, {});
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ code: 'registration_not_open', message: 'El registro aún no abre.' });

    const over = await createEvent({ registrationOpensAt: iso(-2 * HOUR), registrationClosesAt: iso(-HOUR) });
    const late = await register(over.event.id, {});
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'registration_closed', message: 'El registro ya cerró.' });

    const small = await createEvent({ capacity: 2 });
    expect((await register(small.event.id, {})).status).toBe(201);
    expect((await register(small.event.id, {})).status).toBe(201);
    const full = await register(small.event.id, {});
    expect(full.status).toBe(409);
    expect(full.body.error).toMatchObject({ code: 'registration_full', message: 'El cupo del evento está completo.' });
    expect(await registrantCount(small.event.id)).toBe(2);

    // At the door, the STL's session (with its CSRF header) or the admin token register past both bounds.
    const door = await stl.call<unknown>('POST', `/api/events/${over.event.id}/registrations`, {
      name: 'Llegó tarde',
      sector: 'otro',
      organization: 'Vecinos',
      acceptsChathamHouse: true,
      acceptsPrivacyNotice: true,
    });
    expect(door.status).toBe(201);
    expect((await register(small.event.id, {}, ADMIN_TOKEN)).status).toBe(201);
    expect(await registrantCount(small.event.id)).toBe(3);
  });

  it('an invitation-only event registers only with its current secret', async () => {
    const created = await createEvent({ access: 'invitation' });
    const secret = new URL(created.registrationLink).hash.replace('#i=', '');
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const without = await register(created.event.id, {});
    expect(without.status).toBe(401);
    expect(without.body.error.code).toBe('invitation_invalid');
    expect((await register(created.event.id, {}, secret)).status).toBe(201);
    const rotated = await stl.call<{ registrationLink: string }>(
      'POST',
      `/api/events/${created.event.id}/registration-link`,
    );
    const next = new URL(rotated.body.registrationLink).hash.replace('#i=', '');
    expect((await register(created.event.id, {}, secret)).status).toBe(401);
    expect((await register(created.event.id, {}, next)).status).toBe(201);
  });
});

describe('tables', () => {
  it('"Formar mesas" seats 23 people (11, 6, 4, 2) at three sector-balanced tables, each a mesa of the plan', async () => {
    const { event } = await createEvent();
    await registerTwentyThree(event.id);
    const formed = await stl.call<unknown>('POST', `/api/events/${event.id}/tables`, {});
    expect(formed.status).toBe(201);
    const seating = seatingSchema.parse(formed.body);
    expect(seating.tables.map((table) => table.seats.length)).toEqual([8, 8, 7]);
    expect(seating.unseated).toEqual([]);
    expect(seating.sectorBalanced).toBe(true);
    for (const [sector, count] of SECTOR_COUNTS) {
      const perTable = seating.tables.map((table) => table.seats.filter((s) => s.sector === sector).length);
      expect(Math.min(...perTable)).toBe(Math.floor(count / 3));
      expect(Math.max(...perTable)).toBe(Math.ceil(count / 3));
    }
    const detail = planDetailSchema.parse((await stl.call<unknown>('GET', `/api/plans/${event.planId}`)).body);
    expect(detail.mesas.map((m) => m.title).sort()).toEqual([1, 2, 3].map((n) => `Evento de movilidad — Mesa ${n}`));
    expect(detail.events[0]?.tables).toBe(3);
    // The table's agenda is the event's: the methodology's, from the event's start time.
    const agenda = (await t.storage.loadAgenda(seating.tables[0]!.mesaId))?.agenda;
    expect(agenda).toMatchObject({ date: '2026-12-10', startTime: '09:30' });

    const again = await stl.call<ErrorBody>('POST', `/api/events/${event.id}/tables`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('tables_formed');
  });

  it('the STL moves a person, locks a seat, re-forms keeping it, and seats a late arrival where the balance holds', async () => {
    const { event } = await createEvent();
    const people = await registerTwentyThree(event.id);
    const first = seatingSchema.parse((await stl.call<unknown>('POST', `/api/events/${event.id}/tables`, {})).body);
    const mover = first.tables[0]!.seats[0]!.registrationId;
    const moved = await stl.call<Seating>('PATCH', `/api/events/${event.id}/seats/${mover}`, {
      table: 3,
      locked: true,
    });
    expect(moved.status).toBe(200);
    expect(moved.body.tables[2]!.seats.at(-1)).toMatchObject({ registrationId: mover, locked: true });
    const refused = await stl.call<ErrorBody>('PATCH', `/api/events/${event.id}/seats/${mover}`, { table: 1 });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('seat_locked');

    const reformed = await stl.call<Seating>('POST', `/api/events/${event.id}/tables`, { reform: true });
    expect(reformed.status).toBe(200);
    expect(reformed.body.tables[2]!.seats.some((s) => s.registrationId === mover && s.locked)).toBe(true);
    expect(reformed.body.tables.map((table) => table.mesaId)).toEqual(first.tables.map((table) => table.mesaId));
    expect(reformed.body.tables.flatMap((table) => table.seats)).toHaveLength(23);

    const late = createdRegistrationSchema.parse(
      (await register(event.id, { name: 'Tardía', sector: 'comite-participacion-ciudadana' })).body,
    );
    const before = seatingSchema.parse((await stl.call<unknown>('GET', `/api/events/${event.id}/tables`)).body);
    expect(before.unseated.map((p) => p.registrationId)).toEqual([late.registration.id]);
    const seated = await stl.call<Seating>('POST', `/api/events/${event.id}/seats`, {
      registrationId: late.registration.id,
    });
    expect(seated.status).toBe(200);
    const perTable = seated.body.tables.map(
      (table) => table.seats.filter((s) => s.sector === 'comite-participacion-ciudadana').length,
    );
    expect(Math.max(...perTable) - Math.min(...perTable)).toBeLessThanOrEqual(1);
    const twice = await stl.call<ErrorBody>('POST', `/api/events/${event.id}/seats`, {
      registrationId: late.registration.id,
    });
    expect(twice.body.error.code).toBe('already_seated');
    expect(people).toHaveLength(23);
  });

  it('the event’s own agenda is what its tables start from, and it moves with the event', async () => {
    const { event } = await createEvent();
    await registerTwentyThree(event.id);
    const own = { ...createDefaultAgenda(event.date), startTime: event.startTime };
    own.stages = own.stages.slice(0, 3).map((stage, i) => ({ ...stage, name: `Etapa propia ${i}` }));
    const saved = eventAnswerSchema.parse((await stl.call('PATCH', `/api/events/${event.id}`, { agenda: own })).body);
    expect(saved.event.agenda?.stages.map((stage) => stage.name)).toEqual([
      'Etapa propia 0',
      'Etapa propia 1',
      'Etapa propia 2',
    ]);
    // Moved an hour later and a day later: the agenda goes along instead of breaking the event's rules.
    const moved = await stl.call('PATCH', `/api/events/${event.id}`, { startTime: '10:30', date: '2026-12-11' });
    expect(moved.status).toBe(200);
    expect(eventAnswerSchema.parse(moved.body).event.agenda).toMatchObject({ date: '2026-12-11', startTime: '10:30' });
    const seating = seatingSchema.parse((await stl.call<unknown>('POST', `/api/events/${event.id}/tables`, {})).body);
    const agenda = (await t.storage.loadAgenda(seating.tables[1]!.mesaId))?.agenda;
    expect(agenda?.stages.map((stage) => stage.name)).toEqual(['Etapa propia 0', 'Etapa propia 1', 'Etapa propia 2']);
    expect(agenda).toMatchObject({ date: '2026-12-11', startTime: '10:30' });
    // Back to the methodology's.
    const reset = eventAnswerSchema.parse((await stl.call('PATCH', `/api/events/${event.id}`, { agenda: null })).body);
    expect(reset.event.agenda).toBeNull();
  });

  it('re-formed into fewer, larger tables, the mesas of the tables gone close, read-only', async () => {
    const { event } = await createEvent();
    const people = await registerTwentyThree(event.id);
    const first = seatingSchema.parse((await stl.call<unknown>('POST', `/api/events/${event.id}/tables`, {})).body);
    expect(first.tables).toHaveLength(3);
    const larger = await stl.call('PATCH', `/api/events/${event.id}`, { tableSize: { minSize: 10, maxSize: 12 } });
    expect(larger.status).toBe(200);
    const reformed = seatingSchema.parse(
      (await stl.call<unknown>('POST', `/api/events/${event.id}/tables`, { reform: true })).body,
    );
    expect(reformed.tables.map((table) => table.mesaId)).toEqual(first.tables.slice(0, 2).map((t) => t.mesaId));
    expect(reformed.tables.flatMap((table) => table.seats)).toHaveLength(people.length);
    expect((await t.storage.getMesa(first.tables[2]!.mesaId))?.closedAt).not.toBeNull();
    for (const table of reformed.tables) expect((await t.storage.getMesa(table.mesaId))?.closedAt).toBeNull();
  });

  it('moves made at the same moment by several STL members all hold: none undoes another', async () => {
    // On PostgreSQL, whose answers come later, so that the requests' reads and writes interleave.
    await t.close();
    t = await startTestServer(undefined, { backend: 'postgres' });
    await bootstrapMember(t);
    stl = new StlBrowser(t);
    await stl.login();
    const { event } = await createEvent();
    await registerTwentyThree(event.id);
    const seating = seatingSchema.parse((await stl.call<unknown>('POST', `/api/events/${event.id}/tables`, {})).body);
    // Two people from each table, each sent to the next table, all at once.
    const moves = seating.tables.flatMap((table, i) =>
      table.seats.slice(0, 2).map((seat) => ({
        id: seat.registrationId,
        to: seating.tables[(i + 1) % seating.tables.length]!.number,
      })),
    );
    const answers = await Promise.all(
      moves.map((move) => stl.call('PATCH', `/api/events/${event.id}/seats/${move.id}`, { table: move.to })),
    );
    expect(answers.map((a) => a.status)).toEqual(moves.map(() => 200));
    const after = seatingSchema.parse((await stl.call<unknown>('GET', `/api/events/${event.id}/tables`)).body);
    const tableOf = new Map(after.tables.flatMap((t) => t.seats.map((s) => [s.registrationId, t.number] as const)));
    for (const move of moves) expect(tableOf.get(move.id)).toBe(move.to);
    expect(tableOf.size).toBe(23);
  });

  it('a seated person’s page leads into their table’s mesa, known by name and role, with no second form', async () => {
    const { event } = await createEvent();
    const people = await registerTwentyThree(event.id);
    const seating = seatingSchema.parse((await stl.call<unknown>('POST', `/api/events/${event.id}/tables`, {})).body);
    const ana = people[0]!;
    const table = seating.tables.find((x) => x.seats.some((s) => s.registrationId === ana.registration.id))!;
    const chosen = await stl.call<Seating>('PUT', `/api/events/${event.id}/tables/${table.number}/facilitator`, {
      registrationId: ana.registration.id,
    });
    expect(chosen.status).toBe(200);

    const page = registrationPageSchema.parse((await asRegistrant('GET', '/api/registrations/me', ana.token)).body);
    expect(page.table).toEqual({ number: table.number, mesaId: table.mesaId, role: 'facilitator' });
    const entered = await asRegistrant('POST', '/api/registrations/me/mesa', ana.token);
    expect(entered.status).toBe(200);
    const entry = mesaEntrySchema.parse(entered.body);
    expect(entry).toMatchObject({ mesaId: table.mesaId, role: 'facilitator' });
    expect(entry.participant).toMatchObject({ name: 'Persona 1', sector: 'servidor-publico', role: 'facilitator' });

    // The mesa page, as after a join form: the link's token and the kept seat name the person.
    const session = await fetch(`${t.baseUrl}/api/mesas/${entry.mesaId}/session`, {
      headers: { authorization: `Bearer ${entry.token}`, 'x-cocrea-seat': entry.seat },
    });
    expect(session.status).toBe(200);
    const known = mesaSessionSchema.parse(await session.json());
    expect(known.role).toBe('facilitator');
    expect(known.participant?.id).toBe(entry.participant.id);
    const socket = await openRawSocket(`${t.wsUrl}/${entry.mesaId}?token=${entry.token}&seat=${entry.seat}`);
    socket.close();
    // Another table's mesa knows nothing of this token.
    const other = seating.tables.find((x) => x.number !== table.number)!;
    const elsewhere = await fetch(`${t.baseUrl}/api/mesas/${other.mesaId}/session`, {
      headers: { authorization: `Bearer ${entry.token}` },
    });
    expect(elsewhere.status).toBe(401);

    // Moved to another table, the old way in closes; the page points to the new table.
    await stl.call('PUT', `/api/events/${event.id}/tables/${table.number}/facilitator`, { registrationId: null });
    await stl.call('PATCH', `/api/events/${event.id}/seats/${ana.registration.id}`, { table: other.number });
    const stale = await fetch(`${t.baseUrl}/api/mesas/${entry.mesaId}/session`, {
      headers: { authorization: `Bearer ${entry.token}` },
    });
    expect(stale.status).toBe(401);
    const moved = mesaEntrySchema.parse((await asRegistrant('POST', '/api/registrations/me/mesa', ana.token)).body);
    expect(moved).toMatchObject({ mesaId: other.mesaId, role: 'participant' });

    const unseated = createdRegistrationSchema.parse((await register(event.id, { name: 'Sin mesa' })).body);
    const notSeated = await asRegistrant('POST', '/api/registrations/me/mesa', unseated.token);
    expect(notSeated.status).toBe(409);
  });

  it('a person moved, or made facilitator, loses the open way into their old place; nobody else does', async () => {
    const { event } = await createEvent();
    const people = await registerTwentyThree(event.id);
    const seating = seatingSchema.parse((await stl.call<unknown>('POST', `/api/events/${event.id}/tables`, {})).body);
    const [table, other] = seating.tables;
    const [ana, beto, carla] = table!.seats.map((seat) =>
      people.find((p) => p.registration.id === seat.registrationId)!,
    );
    const enter = async (person: CreatedRegistration) =>
      mesaEntrySchema.parse((await asRegistrant('POST', '/api/registrations/me/mesa', person.token)).body);
    const [anaIn, betoIn, carlaIn] = [await enter(ana!), await enter(beto!), await enter(carla!)];
    const socketOf = (entry: typeof anaIn) =>
      openRawSocket(`${t.wsUrl}/${entry.mesaId}?token=${entry.token}&seat=${entry.seat}`);
    const [anaSocket, carlaSocket] = [await socketOf(anaIn), await socketOf(carlaIn)];
    const anaClosed = closed(anaSocket);
    const carlaClosed = closed(carlaSocket);
    const betoClient: StockClient = connectStockClient(t.wsUrl, betoIn.mesaId, betoIn.token);
    try {
      // The STL replaces the table's participant link: the registrants came in with their own, which still open it.
      expect((await stl.call('POST', `/api/mesas/${table!.mesaId}/links/participant`)).status).toBe(200);
      // Ana moves to another table; Carla becomes her table's facilitator.
      await stl.call('PATCH', `/api/events/${event.id}/seats/${ana!.registration.id}`, { table: other!.number });
      expect(await anaClosed).toMatchObject({ code: 4409 });
      await stl.call('PUT', `/api/events/${event.id}/tables/${table!.number}/facilitator`, {
        registrationId: carla!.registration.id,
      });
      expect(await carlaClosed).toMatchObject({ code: 4409 });
      // Beto's place did not change: his socket is open and what he writes is stored.
      await waitFor(() => expect(betoClient.provider.synced).toBe(true));
      betoClient.doc.getMap('notas').set('beto', 'sigo aquí');
      await waitFor(() => expect(betoClient.stored()).toBe(betoClient.sent()));
      expect(betoClient.provider.wsconnected).toBe(true);
      // Each one's page leads to where they sit now.
      expect(await enter(ana!)).toMatchObject({ mesaId: other!.mesaId, role: 'participant' });
      expect(await enter(carla!)).toMatchObject({ mesaId: table!.mesaId, role: 'facilitator' });
    } finally {
      betoClient.destroy();
    }
  });

  it('attendance counts registered and present people by table, sector and role, as JSON and CSV, for the STL', async () => {
    const { event } = await createEvent();
    const people = await registerTwentyThree(event.id);
    const seating = seatingSchema.parse((await stl.call<unknown>('POST', `/api/events/${event.id}/tables`, {})).body);
    const [a, b] = people;
    const checked = await stl.call<{ registration: { checkedInAt: string | null } }>(
      'PUT',
      `/api/events/${event.id}/registrations/${a!.registration.id}/attendance`,
      { present: true },
    );
    expect(checked.status).toBe(200);
    expect(checked.body.registration.checkedInAt).not.toBeNull();
    expect((await asRegistrant('POST', '/api/registrations/me/mesa', b!.token)).status).toBe(200);

    const attendance = eventAttendanceSchema.parse(
      (await stl.call<unknown>('GET', `/api/events/${event.id}/attendance`)).body,
    );
    expect(attendance.registered.total).toBe(23);
    expect(attendance.registered.bySector['servidor-publico']).toBe(11);
    expect(attendance.present).toMatchObject({ total: 2, byRole: { participant: 2, facilitator: 0 } });
    expect(attendance.present.bySector['servidor-publico']).toBe(2);
    expect(attendance.tables.map((x) => x.seated.total)).toEqual([8, 8, 7]);
    expect(attendance.tables.reduce((sum, x) => sum + x.present.total, 0)).toBe(2);
    expect(attendance.tables.map((x) => x.mesaId)).toEqual(seating.tables.map((x) => x.mesaId));

    const csv = await fetch(`${t.baseUrl}/api/events/${event.id}/attendance.csv`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment/);
    const lines = (await csv.text()).replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toBe(ATTENDANCE_CSV_COLUMNS.map((c) => `"${c}"`).join(','));
    expect(lines).toHaveLength(24);
    expect(lines[1]).toMatch(/^"Persona 1","Servidor público","UAEMéx","p1@ejemplo.mx","\d","Participante",".*","sí"$/);
  });
});
