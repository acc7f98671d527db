import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { CloseCode, MAX_MESSAGE_BYTES, SEND_QUEUE_LIMIT } from '@cocrea/shared';
import { AgendaService } from './agenda/AgendaService';
import type { Bus } from './cluster/Bus';
import { LocalBus } from './cluster/LocalBus';
import { RoomBridge } from './cluster/RoomBridge';
import { PlenaryService } from './plans/PlenaryService';
import { MesaNotices } from './review/MesaNotices';
import { createApp } from './http/app';
import { TRUST_NO_PROXY, clientAddress, type TrustProxy } from './http/clientAddress';
import type { RateLimitStores } from './http/rateLimitStores';
import { MESA_CLOSED_REASON, closeLocalSockets, recheckClosedMesa } from './mesas/closeSockets';
import type { Storage } from './storage/Storage';
import { Connection, type ConnectionContext, type SendQueueLimits } from './sync/Connection';
import { RoomRegistry } from './sync/RoomRegistry';
import { VoteService } from './votes/VoteService';
import { closeOutdatedClient } from './sync/protocolVersion';
import { authorizeUpgrade, refuseUpgrade } from './sync/upgrade';
import { UpgradeLimiter, type UpgradeBudget } from './sync/UpgradeLimiter';

export interface CocreaServerOptions {
  storage: Storage;
  adminToken: string;
  clientDir?: string | undefined;
  publicUrl?: string | undefined;
  /** Origins besides the server's own host allowed to open sync sockets (e.g. the Vite dev server). */
  allowedOrigins?: readonly string[];
  /** Whose `X-Forwarded-For` names the client, for the limits kept per address (none by default). */
  trustProxy?: TrustProxy;
  /** What may wait to be sent to one socket; {@link SEND_QUEUE_LIMIT} unless a test wants smaller. */
  sendQueue?: SendQueueLimits;
  /**
   * The other instances serving the same address (`RedisBus`); by default none (`LocalBus`). The server closes it
   * when it closes.
   */
  bus?: Bus;
  /** Where the HTTP rate limits count: this process by default (see `http/rateLimitStores.ts`). */
  rateLimits?: RateLimitStores | undefined;
  /** Where WebSocket upgrades are counted per address: this process by default (see `sync/UpgradeLimiter.ts`). */
  upgrades?: UpgradeBudget | undefined;
  /** The server's clock, for the agenda and `GET /api/time`: this machine's, or one every instance shares. */
  now?: (() => number) | undefined;
}

export interface CocreaServer {
  http: Server;
  rooms: RoomRegistry;
  agenda: AgendaService;
  notices: MesaNotices;
  votes: VoteService;
  /** Listens and resolves with the bound port (pass 0 for an ephemeral one). */
  listen(port: number, host?: string): Promise<number>;
  /** Stops accepting, closes every socket with 1001, stores every room, closes storage. */
  close(): Promise<void>;
}

/** A dead peer (laptop lid closed) never sends a close frame; pings find it. */
const PING_INTERVAL_MS = 30_000;

/** One HTTP server: Express for /api and the client, `ws` (noServer) for /sync, sharing one storage. */
export function createCocreaServer(options: CocreaServerOptions): CocreaServer {
  const { storage, bus = new LocalBus(), now = Date.now } = options;
  const bridge = new RoomBridge(bus, storage, {
    agenda: (room, snapshot) => agenda.publishToRoom(room, snapshot),
    agendaRevision: (room) => agenda.revisionOf(room),
    refreshAgenda: (room) => agenda.refreshRoom(room),
    notice: (room, notice) => notices.tellRoom(room, notice),
    vote: (room, message) => votes.publishToRoom(room, message),
    ballot: (room, seat) => votes.seatChanged(room, seat),
    refreshVote: (room) => votes.refreshRoom(room),
    voteKey: (room) => votes.keyOf(room),
    close: (mesaId, close) => void closeLocalSockets({ rooms, store: storage }, mesaId, close),
    recheckClosed: (room) => {
      recheckClosedMesa(storage, rooms, room.name).catch((error: unknown) =>
        console.error(`room ${room.name}: could not check whether the mesa is closed`, error),
      );
    },
  });
  // A loaded room learns its tool locks from the agenda before anyone joins it; the agenda publishes to rooms.
  const rooms: RoomRegistry = new RoomRegistry(
    storage,
    (room) => agenda.prepareRoom(room),
    bridge,
    (mesaId) => plenary.roomChanged(mesaId),
  );
  const agenda = new AgendaService(storage, rooms, bus, now);
  const notices = new MesaNotices(rooms, bus);
  const votes = new VoteService(storage, rooms, bus, now);
  const plenary = new PlenaryService(storage, rooms, agenda, bus, now);
  agenda.onPublished = (mesaId, snapshot) => plenary.agendaChanged(mesaId, snapshot);
  notices.onPublished = (mesaId, notice) => {
    if (notice.kind === 'versionSaved' || notice.kind === 'reviewStatus') plenary.versionsChanged(mesaId);
  };
  const app = createApp({ ...options, agenda, rooms, bus, notices, votes, plenary, now });
  const http = createServer(app);
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const alive = new WeakSet<WebSocket>();
  const upgrades = options.upgrades ?? new UpgradeLimiter();
  const trustProxy = options.trustProxy ?? TRUST_NO_PROXY;

  http.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    const admit = (allowed: boolean) => {
      if (socket.destroyed) return;
      if (!allowed) return refuseUpgrade(socket, 429, 'Demasiadas conexiones desde esta dirección; espere un momento.');
      authorize(req, socket, head);
    };
    // Counted before anything else, storage included: a refused upgrade costs a map lookup (or one Redis script).
    const allowed = upgrades.take(clientAddress(req, trustProxy));
    if (typeof allowed === 'boolean') admit(allowed);
    else void allowed.then(admit);
  });

  function authorize(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    authorizeUpgrade(req, storage, options.allowedOrigins ?? []).then(
      (decision) => {
        if (socket.destroyed) return;
        if (!decision.ok) return refuseUpgrade(socket, decision.status, decision.message);
        wss.handleUpgrade(req, socket, head, (ws) =>
          decision.outdated ? closeOutdatedClient(ws) : accept(ws, decision.context),
        );
      },
      (error: unknown) => {
        console.error('upgrade failed', error);
        refuseUpgrade(socket, 400, 'No se pudo abrir la conexión.');
      },
    );
  }

  function accept(ws: WebSocket, context: ConnectionContext): void {
    alive.add(ws);
    ws.on('pong', () => alive.add(ws));
    ws.on('error', () => ws.terminate());
    const connection = new Connection(ws, context, options.sendQueue ?? SEND_QUEUE_LIMIT, (peer, room, ballot) =>
      votes.cast(peer, room, ballot),
    );
    ws.on('message', (data, isBinary) => connection.receive(data, isBinary));
    enter(ws, connection, context).catch((error: unknown) => {
      console.error(`room ${context.mesaId}: could not load`, error);
      connection.close(CloseCode.internalError, 'No se pudo cargar la mesa.');
    });
  }

  async function enter(ws: WebSocket, connection: Connection, context: ConnectionContext): Promise<void> {
    const room = await rooms.join(context.mesaId, connection);
    const leave = () => {
      connection.dispose();
      rooms.leave(room, connection);
    };
    if (ws.readyState !== ws.OPEN) return leave();
    ws.on('close', leave);
    // The STL may have closed the mesa since the upgrade's check. Closing writes the mesa before it closes the
    // room's sockets, and this socket is in the room already: either that sweep closes it, or this read sees the
    // mesa closed. The client comes back read-only.
    if (connection.canWrite && (await storage.getMesa(context.mesaId))?.closedAt != null) {
      return connection.close(CloseCode.mesaClosed, MESA_CLOSED_REASON);
    }
    if (ws.readyState !== ws.OPEN) return;
    connection.attach(room);
    agenda.greet(connection, context.mesaId);
    votes.greet(connection, context.mesaId);
  }

  const pinger = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, PING_INTERVAL_MS);
  pinger.unref();

  return {
    http,
    rooms,
    agenda,
    notices,
    votes,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(port, host, () => resolve((http.address() as AddressInfo).port));
      });
    },
    async close() {
      clearInterval(pinger);
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      for (const ws of wss.clients) ws.close(CloseCode.goingAway, 'El servidor se está reiniciando.');
      http.closeAllConnections();
      await rooms.closeAll();
      bridge.close();
      await bus.close();
      await closed;
      await storage.close();
    },
  };
}
