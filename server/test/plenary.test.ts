import { afterEach, describe, expect, it } from 'vitest';
import {
  createdEventSchema,
  createdRegistrationSchema,
  mesaEntrySchema,
  plenarySnapshotSchema,
  plenaryStartResultSchema,
  seatingSchema,
  type CreatedRegistration,
  type MesaEntry,
  type PlenarySnapshot,
  type Seating,
} from '@cocrea/shared';
import { seed004Commitment } from '@cocrea/shared/fixtures/seed004';
import { connectStockClient, whenSynced, type StockClient } from './support/clients';
import { startLocalCluster, type LocalCluster } from './support/localCluster';
import { asAdmin } from './support/review';
import { ADMIN_TOKEN, startTestServer, type TestServer } from './support/testServer';
import { waitFor } from './support/waitFor';

let t: TestServer | undefined;
let cluster: LocalCluster | undefined;
const clients: StockClient[] = [];
const streams: (() => void)[] = [];
afterEach(async () => {
  for (const close of streams.splice(0)) close();
  for (const c of clients.splice(0)) c.destroy();
  await t?.close();
  await cluster?.close();
  t = cluster = undefined;
});

/** A server the helpers talk to: the test server, or one instance of a cluster. */
type At = Pick<TestServer, 'baseUrl' | 'wsUrl'>;

const HOUR = 3_600_000;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

/** 12 people, seated as two tables of six: 6 public servants, 4 academics, 2 from civil society. */
const SECTORS = [
  ...Array<string>(6).fill('servidor-publico'),
  ...Array<string>(4).fill('academia'),
  ...Array<string>(2).fill('sociedad-civil'),
];

interface Plenary {
  eventId: string;
  seating: Seating;
  people: CreatedRegistration[];
}

/** A plan, an open event, twelve registrations and its two tables, all with the admin token. */
async function formedEvent(server: At): Promise<Plenary> {
  const plan = await asAdmin<{ plan: { id: string } }>(server, 'POST', '/api/plans', {
    title: 'Plan de la plenaria',
    period: '2026-2028',
    entity: 'Estado de México',
  });
  const created = await asAdmin<unknown>(server, 'POST', `/api/plans/${plan.body.plan.id}/events`, {
    title: 'Plenaria de movilidad',
    theme: 'movilidad',
    date: '2026-12-10',
    startTime: '09:30',
    modality: 'presencial',
    place: 'Palacio Municipal de Toluca',
    tableSize: { minSize: 5, maxSize: 6 },
    registrationOpensAt: iso(-HOUR),
    registrationClosesAt: iso(HOUR),
  });
  const { event } = createdEventSchema.parse(created.body);
  const people: CreatedRegistration[] = [];
  for (const [i, sector] of SECTORS.entries()) {
    const res = await fetch(`${server.baseUrl}/api/events/${event.id}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: `Persona ${i + 1}`,
        sector,
        organization: 'Organización',
        acceptsChathamHouse: true,
        acceptsPrivacyNotice: true,
      }),
    });
    expect(res.status).toBe(201);
    people.push(createdRegistrationSchema.parse(await res.json()));
  }
  const seating = seatingSchema.parse((await asAdmin(server, 'POST', `/api/events/${event.id}/tables`, {})).body);
  expect(seating.tables).toHaveLength(2);
  return { eventId: event.id, seating, people };
}

/** The plenary's event stream as the lead's page reads it: every snapshot, as it arrives. */
async function watchPlenary(server: At, eventId: string): Promise<{ snapshots: PlenarySnapshot[] }> {
  const abort = new AbortController();
  const res = await fetch(`${server.baseUrl}/api/events/${eventId}/plenary/events`, {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    signal: abort.signal,
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  streams.push(() => abort.abort());
  const snapshots: PlenarySnapshot[] = [];
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = '';
    for (;;) {
      const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }));
      if (chunk.done) return;
      buffer += chunk.value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (event.startsWith('data: ')) snapshots.push(plenarySnapshotSchema.parse(JSON.parse(event.slice(6))));
      }
    }
  })();
  await waitFor(() => expect(snapshots.length).toBeGreaterThan(0));
  return { snapshots };
}

/** A registrant goes into their table's mesa from their page, and opens it (a socket that names them). */
async function enter(server: At, person: CreatedRegistration): Promise<MesaEntry & { client: StockClient }> {
  const res = await fetch(`${server.baseUrl}/api/registrations/me/mesa`, {
    method: 'POST',
    headers: { authorization: `Bearer ${person.token}` },
  });
  expect(res.status).toBe(200);
  const entry = mesaEntrySchema.parse(await res.json());
  const client = connectStockClient(server.wsUrl, entry.mesaId, entry.token, undefined, { seat: entry.seat });
  clients.push(client);
  await whenSynced(client);
  // As a page does once it shows the mesa: a state of clock 0, the provider's first, is ignored by y-protocols.
  client.provider.awareness.setLocalStateField('cursor', null);
  return { ...entry, client };
}

const tableOf = (snapshot: PlenarySnapshot | undefined, number: number) =>
  snapshot?.tables.find((table) => table.number === number);

describe('the plenary view', () => {
  it('shows every table and pushes each change live: presence by sector, save, stage, versions, seats', async () => {
    t = await startTestServer();
    const { eventId, seating, people } = await formedEvent(t);
    const stream = await watchPlenary(t, eventId);
    const latest = () => stream.snapshots.at(-1);

    // Before anyone comes: every table, its stage not started, nobody present, nothing open.
    const first = latest()!;
    expect(first.title).toBe('Plenaria de movilidad');
    expect(first.tables.map((table) => [table.number, table.mesaId, table.seated])).toEqual(
      seating.tables.map((table) => [table.number, table.mesaId, table.seats.length]),
    );
    for (const table of first.tables) {
      expect(table.agenda).toMatchObject({ status: 'not_started', stageIndex: 0, endsAt: null });
      expect(Object.values(table.present).every((n) => n === 0)).toBe(true);
      expect(table.save).toEqual({ connected: false, pending: 0, lastSavedAt: null });
      expect(table.latestVersion).toBeNull();
    }

    // Two people of table 1 open it: the plenary counts them by the sector they registered with.
    const table1 = seating.tables[0]!;
    const [a, b] = table1.seats
      .slice(0, 2)
      .map((seat) => people.find((p) => p.registration.id === seat.registrationId)!);
    const entryA = await enter(t, a!);
    const entryB = await enter(t, b!);
    const expectedPresent = { [a!.registration.sector]: 0, [b!.registration.sector]: 0 };
    expectedPresent[a!.registration.sector]!++;
    expectedPresent[b!.registration.sector]!++;
    await waitFor(() => {
      const table = tableOf(latest(), 1)!;
      expect(table.present).toMatchObject(expectedPresent);
      expect(Object.values(table.present).reduce((x, y) => x + y, 0)).toBe(2);
      expect(table.save.connected).toBe(true);
      expect(Object.values(tableOf(latest(), 2)!.present).every((n) => n === 0)).toBe(true);
    });

    // An edit is stored: the table's last save moves.
    entryA.client.doc.getMap('scratch').set('nota', 'hola');
    await waitFor(() => expect(tableOf(latest(), 1)!.save.lastSavedAt).not.toBeNull());
    expect(tableOf(latest(), 1)!.save.pending).toBe(0);

    // The lead starts every table with one command; a second time, each says why not.
    const started = await asAdmin<unknown>(t, 'POST', `/api/events/${eventId}/plenary/start`);
    expect(started.status).toBe(200);
    expect(plenaryStartResultSchema.parse(started.body).tables.map((x) => x.started)).toEqual([true, true]);
    await waitFor(() =>
      latest()!.tables.forEach((table) => {
        expect(table.agenda.status).toBe('running');
        expect(table.agenda.endsAt).toBeGreaterThan(latest()!.serverNow);
      }),
    );
    const again = plenaryStartResultSchema.parse(
      (await asAdmin<unknown>(t, 'POST', `/api/events/${eventId}/plenary/start`)).body,
    );
    expect(again.tables.every((x) => !x.started && typeof x.message === 'string')).toBe(true);
    // The tables' own pages have the running agenda too.
    await waitFor(() => expect(entryB.client.agenda()?.state.status).toBe('running'));

    // A notice from the lead reaches every open page of every table, as the plenary's.
    const sent = await asAdmin<{ tables: number }>(t, 'POST', `/api/events/${eventId}/plenary/notices`, {
      text: 'Quedan 10 minutos para cerrar la etapa.',
    });
    expect(sent).toMatchObject({ status: 200, body: { tables: 2 } });
    await waitFor(() =>
      [entryA, entryB].forEach((entry) =>
        expect(entry.client.notices().at(-1)).toEqual({
          kind: 'plenary',
          text: 'Quedan 10 minutos para cerrar la etapa.',
        }),
      ),
    );

    // A facilitator saves a version: the plenary shows it as the table's latest.
    await asAdmin(t, 'PUT', `/api/events/${eventId}/tables/1/facilitator`, { registrationId: a!.registration.id });
    const facilitator = mesaEntrySchema.parse(
      await (
        await fetch(`${t.baseUrl}/api/registrations/me/mesa`, {
          method: 'POST',
          headers: { authorization: `Bearer ${a!.token}` },
        })
      ).json(),
    );
    const saved = await fetch(`${t.baseUrl}/api/mesas/${table1.mesaId}/commitment/versions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${facilitator.token}` },
      body: JSON.stringify({ commitment: { ...seed004Commitment, mesaId: table1.mesaId } }),
    });
    expect(saved.status).toBe(201);
    await waitFor(() => expect(tableOf(latest(), 1)!.latestVersion).toMatchObject({ number: 1, status: 'borrador' }));

    // The STL moves someone of table 2 to table 1: the seats follow.
    const mover = seating.tables[1]!.seats.find((seat) => !seat.locked)!;
    const moved = await asAdmin(t, 'PATCH', `/api/events/${eventId}/seats/${mover.registrationId}`, { table: 1 });
    expect(moved.status).toBe(200);
    await waitFor(() => {
      expect(tableOf(latest(), 1)!.seated).toBe(table1.seats.length + 1);
      expect(tableOf(latest(), 2)!.seated).toBe(seating.tables[1]!.seats.length - 1);
    });

    // Someone leaves: presence goes down.
    entryB.client.destroy();
    await waitFor(() =>
      expect(Object.values(tableOf(latest(), 1)!.present).reduce((x, y) => x + y, 0)).toBeLessThanOrEqual(1),
    );
    // Nothing in the plenary names anyone.
    expect(JSON.stringify(stream.snapshots)).not.toMatch(/Persona \d/);
  });

  it('answers the plenary once, and refuses what cannot be done, in Spanish', async () => {
    t = await startTestServer();
    const { eventId } = await formedEvent(t);
    const once = await asAdmin<unknown>(t, 'GET', `/api/events/${eventId}/plenary`);
    expect(once.status).toBe(200);
    expect(plenarySnapshotSchema.parse(once.body).tables).toHaveLength(2);

    const empty = await asAdmin<{ error: { fields: Record<string, string> } }>(
      t,
      'POST',
      `/api/events/${eventId}/plenary/notices`,
      { text: '   ' },
    );
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields.text).toBe('Escriba el aviso.');
    const long = await asAdmin(t, 'POST', `/api/events/${eventId}/plenary/notices`, { text: 'x'.repeat(301) });
    expect(long.status).toBe(400);

    const plan = await asAdmin<{ plan: { id: string } }>(t, 'POST', '/api/plans', {
      title: 'Otro plan',
      period: '2026-2028',
      entity: 'Estado de México',
    });
    const created = await asAdmin<unknown>(t, 'POST', `/api/plans/${plan.body.plan.id}/events`, {
      title: 'Sin mesas',
      theme: 'movilidad',
      date: '2026-12-10',
      startTime: '09:30',
      modality: 'virtual',
      videoLink: 'https://meet.example.mx/x',
      registrationOpensAt: iso(-HOUR),
      registrationClosesAt: iso(HOUR),
    });
    const { event } = createdEventSchema.parse(created.body);
    const unformed = await asAdmin<{ error: { message: string } }>(t, 'POST', `/api/events/${event.id}/plenary/start`);
    expect(unformed).toMatchObject({
      status: 409,
      body: { error: { message: 'Primero forme las mesas del evento.' } },
    });
    const unknown = await asAdmin(t, 'GET', '/api/events/AAAAAAAAAAAAAAAA/plenary/events');
    expect(unknown.status).toBe(404);
  });
  it('hears the other instances: their agenda commands, saved versions and stored edits', async () => {
    cluster = await startLocalCluster(2);
    const [here, there] = cluster.instances;
    const { eventId, seating, people } = await formedEvent(here!);
    // The lead's page is served by one instance; the table's people and commands reach the other.
    const stream = await watchPlenary(there!, eventId);
    const latest = () => stream.snapshots.at(-1);
    const table1 = seating.tables[0]!;
    const [a, b] = table1.seats.map((seat) => people.find((p) => p.registration.id === seat.registrationId)!);

    const started = await asAdmin<unknown>(here!, 'POST', `/api/events/${eventId}/plenary/start`);
    expect(plenaryStartResultSchema.parse(started.body).tables.every((x) => x.started)).toBe(true);
    await waitFor(() => latest()!.tables.forEach((table) => expect(table.agenda.status).toBe('running')));

    // One person on each instance: the lead's instance holds the room too, and counts both.
    const entryA = await enter(here!, a!);
    await enter(there!, b!);
    await waitFor(() => {
      const table = tableOf(latest(), 1)!;
      expect(Object.values(table.present).reduce((x, y) => x + y, 0)).toBe(2);
      expect(table.save.connected).toBe(true);
    });
    const savedBefore = tableOf(latest(), 1)!.save.lastSavedAt;
    entryA.client.doc.getMap('scratch').set('nota', 'desde la otra instancia');
    await waitFor(() => expect(tableOf(latest(), 1)!.save.lastSavedAt).not.toBe(savedBefore));

    await asAdmin(here!, 'PUT', `/api/events/${eventId}/tables/1/facilitator`, { registrationId: a!.registration.id });
    const facilitator = mesaEntrySchema.parse(
      await (
        await fetch(`${here!.baseUrl}/api/registrations/me/mesa`, {
          method: 'POST',
          headers: { authorization: `Bearer ${a!.token}` },
        })
      ).json(),
    );
    const saved = await fetch(`${here!.baseUrl}/api/mesas/${table1.mesaId}/commitment/versions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${facilitator.token}` },
      body: JSON.stringify({ commitment: { ...seed004Commitment, mesaId: table1.mesaId } }),
    });
    expect(saved.status).toBe(201);
    await waitFor(() => expect(tableOf(latest(), 1)!.latestVersion).toMatchObject({ number: 1 }));
  });
});
