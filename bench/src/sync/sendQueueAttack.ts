/**
 * The attack of issue #18, item 1, against the server as `npm start` runs it: in a mesa whose document is ~1 MB, an
 * observer's raw socket sends 19 "sync step 1" frames (an empty state vector) every 100 ms and never reads. Meanwhile
 * a writer edits twice a second and a reader times each edit's arrival; halfway, a newcomer times its first sync.
 * Prints the server process's RSS (from /proc) before, during and after, as JSON.
 *
 *   node scripts/pnpm.mjs --filter @cocrea/bench run attack [seconds=60]
 */
import { readFileSync } from 'node:fs';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { MessageType } from '@cocrea/shared';
// Not exported by @cocrea/server: the frames as the server itself encodes them.
import { syncStep1Message, updateMessage } from '../../../server/src/sync/messages';
import { startCocreaProcess } from '../cocreaProcess';

const SECONDS = Number(process.argv[2] ?? 60);
const DOC_CHARS = 1_000_000;
const ASKS_PER_TICK = 19;
const TICK_MS = 100;
const EDIT_EVERY_MS = 500;

function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Math.round(Number(line?.split(/\s+/)[1]) / 1024);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function open(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.binaryType = 'nodebuffer';
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function provider(url: string, room: string, token: string): Promise<{ doc: Y.Doc; p: WebsocketProvider }> {
  const doc = new Y.Doc();
  const p = new WebsocketProvider(url, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token },
    disableBc: true,
  });
  // Cocrea's own messages (stored, agenda, refused): read and dropped, rather than logged by the stock client.
  for (const type of [MessageType.stored, MessageType.agenda, MessageType.refused]) p.messageHandlers[type] = () => {};
  return new Promise((resolve) => p.once('sync', () => resolve({ doc, p })));
}

const server = await startCocreaProcess();
const pid = server.pid!;
try {
  const mesa = (await server.createMesa('Ataque')) as unknown as {
    mesa: { id: string };
    tokens: Record<'participant' | 'observer', string>;
  };
  const syncUrl = `ws://127.0.0.1:${server.port}/sync`;
  const roomUrl = (role: 'participant' | 'observer') => `${syncUrl}/${mesa.mesa.id}?token=${mesa.tokens[role]}`;

  // The ~1 MB document, stored through a socket as any edit would be.
  const seeder = await open(roomUrl('participant'));
  const big = new Y.Doc();
  big.getText('acta').insert(0, 'x'.repeat(DOC_CHARS));
  const stored = new Promise<void>((resolve) =>
    seeder.on('message', (data: Buffer) => {
      if (decoding.readVarUint(decoding.createDecoder(data)) === MessageType.stored) resolve();
    }),
  );
  seeder.send(updateMessage(Y.encodeStateAsUpdate(big)));
  await stored;
  seeder.close();

  const writer = await provider(syncUrl, mesa.mesa.id, mesa.tokens.participant);
  const reader = await provider(syncUrl, mesa.mesa.id, mesa.tokens.participant);
  await sleep(2000);
  const before = rssMiB(pid);

  const latencies: number[] = [];
  const edits = reader.doc.getMap<number>('m');
  const arrivals = new Map<string, number>();
  edits.observe((event) => {
    for (const key of event.keysChanged) arrivals.set(key, performance.now());
  });

  const attacker = await open(roomUrl('observer'));
  attacker.pause();
  let attackerClosed: number | null = null;
  attacker.on('close', (code) => (attackerClosed = code));
  const ask = syncStep1Message(new Y.Doc());
  const attack = setInterval(() => {
    if (attacker.readyState !== WebSocket.OPEN) return;
    for (let i = 0; i < ASKS_PER_TICK; i++) attacker.send(ask);
  }, TICK_MS);

  const rss: number[] = [];
  let newcomerSyncMs: number | null = null;
  const startedAt = performance.now();
  for (let tick = 0; performance.now() - startedAt < SECONDS * 1000; tick++) {
    const key = `e${tick}`;
    const sentAt = performance.now();
    writer.doc.getMap<number>('m').set(key, tick);
    await sleep(EDIT_EVERY_MS);
    const arrived = arrivals.get(key);
    latencies.push(arrived === undefined ? Infinity : Math.round(arrived - sentAt));
    if (tick % 2 === 0) rss.push(rssMiB(pid));
    if (newcomerSyncMs === null && performance.now() - startedAt > (SECONDS * 1000) / 2) {
      const t0 = performance.now();
      const newcomer = await provider(syncUrl, mesa.mesa.id, mesa.tokens.participant);
      newcomerSyncMs = Math.round(performance.now() - t0);
      newcomer.p.destroy();
      newcomer.doc.destroy();
    }
  }
  clearInterval(attack);
  const atEnd = rssMiB(pid);
  attacker.terminate();
  await sleep(5000);
  const afterLeaving = rssMiB(pid);
  for (const client of [writer, reader]) {
    client.p.destroy();
    client.doc.destroy();
  }

  const sorted = [...latencies].sort((a, b) => a - b);
  console.log(
    JSON.stringify(
      {
        seconds: SECONDS,
        documentChars: DOC_CHARS,
        rssMiB: {
          before,
          max: Math.max(...rss),
          atEnd,
          afterLeaving,
          growth: Math.max(...rss, atEnd) - before,
          samples: rss,
        },
        editLatencyMs: {
          edits: latencies.length,
          p50: sorted[Math.floor(sorted.length / 2)],
          max: sorted.at(-1),
          lost: latencies.filter((l) => l === Infinity).length,
        },
        newcomerSyncMs,
        attackerClosedWith: attackerClosed,
      },
      null,
      2,
    ),
  );
} finally {
  await server.stop();
}
// The clients' sockets to the stopped server may still be closing (ws waits up to 30 s for a close handshake).
process.exit(0);
