import { randomBytes } from 'node:crypto';
import { SECTORS, plenarySnapshotSchema, type PlenarySnapshot } from '@cocrea/shared';
import { now, sleep } from '../clock';
import { startCocreaProcess, type CocreaProcess } from '../cocreaProcess';
import { distribution } from '../percentiles';
import { syncUrl } from '../sync/cocreaServer';
import { connectWireClient, type WireClient } from '../sync/wireClient';
import { seededRandom } from '@cocrea/shared/testing/seededRandom';

/** The scenario and bound: 20 tables × 10 people, a change in one table seen in the plenary within 1 s. */
export const PLENARY_TABLES = 20;
export const PLENARY_PEOPLE_PER_TABLE = 10;
export const PLENARY_TARGET_MS = 1000;
/** Measured changes: five per table, the tables in turn. */
const CHANGES = 100;
/** Every other table's second person edits this often meanwhile, so the plenary is never quiet. */
const BACKGROUND_EDIT_MS = 1000;
const CHANGE_TIMEOUT_MS = 10_000;
const SEED = 20_261_207;

export interface PlenaryUpdateResults {
  tables: number;
  peoplePerTable: number;
  changes: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

interface Seated {
  mesaId: string;
  client: WireClient;
}

/**
 * The plenary view under a full event: one server process (`npm start`'s bundle), 20 tables of 10 registered
 * people, each person a cheap wire client in their table's mesa (entered from their registration, so the plenary
 * counts them by sector), the other tables typing now and then, and the lead's page reading
 * `GET /api/events/:id/plenary/events`. Each measured change is one edit by a person of one table; its time is from
 * the edit leaving the client to the first snapshot whose table shows the new save. Changes follow each other after
 * a seeded pause of 0–300 ms, so they land anywhere in the server's gathering window.
 */
export async function measurePlenaryUpdate(): Promise<PlenaryUpdateResults> {
  const adminToken = randomBytes(24).toString('base64url');
  const server = await startCocreaProcess({ adminToken });
  const clients: WireClient[] = [];
  const abort = new AbortController();
  let background: NodeJS.Timeout | undefined;
  try {
    const admin = api(server, adminToken);
    const { eventId, tokens } = await formedEvent(server, admin);
    const seated: Seated[][] = Array.from({ length: PLENARY_TABLES }, () => []);
    const tableOfMesa = new Map<string, number>();
    const stream = await readPlenary(server, adminToken, eventId, abort.signal);
    const first = await stream.next(() => true);
    first.snapshot.tables.forEach((table, i) => tableOfMesa.set(table.mesaId, i));
    for (const [i, token] of tokens.entries()) {
      const entry = (await call(server, 'POST', '/api/registrations/me/mesa', token)) as {
        mesaId: string;
        token: string;
        seat: string;
      };
      const address = {
        serverUrl: syncUrl(server),
        room: entry.mesaId,
        params: { token: entry.token, seat: entry.seat },
      };
      const client = connectWireClient(
        { address, serverUrl: address.serverUrl, client: i },
        { onRemoteEdit() {}, onPresence() {} },
      );
      clients.push(client);
      seated[tableOfMesa.get(entry.mesaId)!]!.push({ mesaId: entry.mesaId, client });
    }
    await Promise.all(clients.map((c) => c.synced));
    const everyone = PLENARY_TABLES * PLENARY_PEOPLE_PER_TABLE;
    await stream.next((s) => s.tables.reduce((sum, t) => sum + present(t), 0) === everyone);

    let measured = -1;
    let editCount = 0;
    const edit = (client: WireClient, index: number) =>
      client.edit({ client: index, instance: 0, t: now() + editCount++, measured: false });
    // Not the table measured now, nor the next: a background edit's snapshot arriving after a measured change was
    // sent would pass for that change's.
    background = setInterval(() => {
      seated.forEach((people, table) => {
        if (table !== measured && table !== (measured + 1) % PLENARY_TABLES) edit(people[1]!.client, table * 1000 + 1);
      });
    }, BACKGROUND_EDIT_MS);

    const random = seededRandom(SEED);
    const samples: number[] = [];
    console.log(`plan: plenary of ${PLENARY_TABLES} × ${PLENARY_PEOPLE_PER_TABLE}, ${CHANGES} changes…`);
    for (let k = 0; k < CHANGES; k++) {
      measured = k % PLENARY_TABLES;
      await sleep(Math.floor(random() * 300));
      const mesaId = seated[measured]![0]!.mesaId;
      const before = stream.latest().tables.find((t) => t.mesaId === mesaId)!.save.lastSavedAt;
      const sentAt = now();
      edit(seated[measured]![0]!.client, measured * 1000);
      const arrived = await stream.next(
        (s) => s.tables.find((t) => t.mesaId === mesaId)!.save.lastSavedAt !== before,
        CHANGE_TIMEOUT_MS,
      );
      samples.push(arrived.receivedAt - sentAt);
    }
    const { p50Ms, p95Ms, maxMs } = distribution(samples);
    return {
      tables: PLENARY_TABLES,
      peoplePerTable: PLENARY_PEOPLE_PER_TABLE,
      changes: CHANGES,
      p50Ms,
      p95Ms,
      maxMs,
    };
  } finally {
    clearInterval(background);
    abort.abort();
    for (const client of clients) client.destroy();
    await server.stop();
  }
}

type Call = (method: string, path: string, body?: unknown) => Promise<unknown>;

function api(server: CocreaProcess, adminToken: string): Call {
  return (method, path, body) => call(server, method, path, adminToken, body);
}

async function call(server: CocreaProcess, method: string, path: string, token: string | null, body?: unknown) {
  const res = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as unknown;
}

/**
 * A plan, an open event of tables of exactly 10, its 200 registrants (sectors in turn) and its 20 tables; the
 * registrants' page secrets, in registration order.
 */
async function formedEvent(server: CocreaProcess, admin: Call): Promise<{ eventId: string; tokens: string[] }> {
  const { plan } = (await admin('POST', '/api/plans', {
    title: 'Plan de la medición',
    period: '2026-2028',
    entity: 'Estado de México',
  })) as { plan: { id: string } };
  const { event } = (await admin('POST', `/api/plans/${plan.id}/events`, {
    title: 'Plenaria de la medición',
    theme: 'movilidad',
    date: '2026-12-10',
    startTime: '09:30',
    modality: 'presencial',
    place: 'Toluca',
    tableSize: { minSize: PLENARY_PEOPLE_PER_TABLE, maxSize: PLENARY_PEOPLE_PER_TABLE },
    registrationOpensAt: new Date(Date.now() - 3_600_000).toISOString(),
    registrationClosesAt: new Date(Date.now() + 3_600_000).toISOString(),
  })) as { event: { id: string } };
  const sectors = Object.keys(SECTORS);
  const tokens: string[] = [];
  for (let i = 0; i < PLENARY_TABLES * PLENARY_PEOPLE_PER_TABLE; i++) {
    const created = (await call(server, 'POST', `/api/events/${event.id}/registrations`, null, {
      name: `Persona ${i + 1}`,
      sector: sectors[i % sectors.length],
      organization: 'Organización',
      acceptsChathamHouse: true,
      acceptsPrivacyNotice: true,
    })) as { token: string };
    tokens.push(created.token);
  }
  await admin('POST', `/api/events/${event.id}/tables`, {});
  return { eventId: event.id, tokens };
}

function present(table: PlenarySnapshot['tables'][number]): number {
  return Object.values(table.present).reduce((a, b) => a + b, 0);
}

interface Received {
  snapshot: PlenarySnapshot;
  receivedAt: number;
}

/** The lead's page: the plenary stream, each snapshot with when it arrived. */
async function readPlenary(server: CocreaProcess, adminToken: string, eventId: string, signal: AbortSignal) {
  const res = await fetch(`${server.baseUrl}/api/events/${eventId}/plenary/events`, {
    headers: { authorization: `Bearer ${adminToken}` },
    signal,
  });
  if (res.status !== 200) throw new Error(`plenary stream: ${res.status}`);
  // Set from the reading loop below: typed by assertion, as the compiler cannot see into the closure.
  let latest = null as Received | null;
  let waiter = null as { test: (s: PlenarySnapshot) => boolean; resolve: (r: Received) => void } | null;
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = '';
    for (;;) {
      const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }));
      if (chunk.done) return;
      const receivedAt = now();
      buffer += chunk.value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (!event.startsWith('data: ')) continue;
        latest = { snapshot: plenarySnapshotSchema.parse(JSON.parse(event.slice(6))), receivedAt };
        if (waiter?.test(latest.snapshot)) {
          waiter.resolve(latest);
          waiter = null;
        }
      }
    }
  })();
  return {
    latest: () => latest!.snapshot,
    /** The first snapshot, from now (or the latest, if it already passes), for which `test` holds. */
    next(test: (s: PlenarySnapshot) => boolean, timeoutMs = 60_000): Promise<Received> {
      if (latest && test(latest.snapshot)) return Promise.resolve(latest);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('plenary: no such snapshot in time')), timeoutMs);
        waiter = {
          test,
          resolve: (r) => {
            clearTimeout(timer);
            resolve(r);
          },
        };
      });
    },
  };
}
