import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { wellFormedReplacer } from '@cocrea/shared';
import type { AgendaService } from '../agenda/AgendaService';
import type { Bus } from '../cluster/Bus';
import type { PlenaryService } from '../plans/PlenaryService';
import type { MesaNotices } from '../review/MesaNotices';
import type { Storage } from '../storage/Storage';
import type { RoomRegistry } from '../sync/RoomRegistry';
import type { VoteService } from '../votes/VoteService';
import { agendaRouter } from './agendaRouter';
import { phaseRouter } from './phaseRouter';
import { TRUST_NO_PROXY, type TrustProxy } from './clientAddress';
import { commitmentRouter } from './commitmentRouter';
import { followupRouter, followupUploadRouter } from './followupRouter';
import { HttpError, errorHandler, sendError } from './HttpError';
import { mesaAdminRouter } from './mesaAdminRouter';
import { mesasRouter } from './mesasRouter';
import { eventsRouter } from './plans/eventsRouter';
import { kitRouter, kitUploadRouter } from './plans/kitRouter';
import { planDocumentRouter } from './plans/planDocumentRouter';
import { plansRouter } from './plans/plansRouter';
import { plenaryRouter } from './plans/plenaryRouter';
import { registrationRouter } from './plans/registrationRouter';
import { seatingRouter } from './plans/seatingRouter';
import { IN_PROCESS, storeOptions, type RateLimitStores } from './rateLimitStores';
import { reviewRouter } from './reviewRouter';
import { stlRouter } from './stl/stlRouter';
import { tableroRouter } from './tableroRouter';
import { votesRouter } from './votesRouter';

export interface AppOptions {
  storage: Storage;
  agenda: AgendaService;
  /** Tells the mesa's open pages what happened to its versions. */
  notices: MesaNotices;
  /** The mesa's dot votes. */
  votes: VoteService;
  /** The events' plenary views, live. */
  plenary: PlenaryService;
  /** The resident rooms: closing a mesa or replacing a link closes its open sockets. */
  rooms: Pick<RoomRegistry, 'get'>;
  /** The other instances: they close their sockets of a mesa too. */
  bus: Pick<Bus, 'publish'>;
  adminToken: string;
  publicUrl?: string | undefined;
  /** Origins besides the server's own that may send cookie-authenticated changes (e.g. the Vite dev server). */
  allowedOrigins?: readonly string[];
  /** The server's clock, which `GET /api/time` tells (see `createServer.ts`). */
  now?: (() => number) | undefined;
  /** Where the rate limits count: this process by default, Redis when several instances serve one address. */
  rateLimits?: RateLimitStores | undefined;
  /** The built client (client/dist); served with an SPA fallback when present. */
  clientDir?: string | undefined;
  /** Whose `X-Forwarded-For` names the client, for the limits kept per address (none by default). */
  trustProxy?: TrustProxy;
}

/**
 * Requests to the API per address and minute. A plenary of 250 behind one NAT, everyone opening the page, joining,
 * opening the commitment and reloading once in the same minute, makes about 1 750; scripted abuse is blunted.
 */
export const API_REQUESTS_PER_MINUTE = 3000;

export function createApp(options: AppOptions): express.Express {
  const {
    storage,
    agenda,
    notices,
    votes,
    plenary,
    rooms,
    bus,
    adminToken,
    publicUrl,
    clientDir,
    rateLimits = IN_PROCESS,
    now = Date.now,
  } = options;
  const stlAuth = { store: storage, adminToken, allowedOrigins: options.allowedOrigins ?? [] };
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy ?? TRUST_NO_PROXY);
  // Every JSON answer (versions, the board, reviews, exports) is written with no lone surrogate: see the replacer.
  app.set('json replacer', wellFormedReplacer);
  app.use(helmet());

  const api = express.Router();
  // Before the rate limit: neither touches storage, and every page asks the clock six times on each (re)connect,
  // so in a plenary behind one NAT the clock alone would use up the address's budget.
  api.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // The server's clock, for clients to estimate their offset to it (several samples; see shared ClockSync).
  api.get('/time', (_req, res) => {
    res.set('cache-control', 'no-store').json({ now: now() });
  });
  api.use(
    rateLimit({
      windowMs: 60_000,
      limit: API_REQUESTS_PER_MINUTE,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      ...storeOptions(rateLimits, 'api'),
      handler: (_req, res) =>
        sendError(res, new HttpError(429, 'rate_limited', 'Demasiadas solicitudes; espere un momento.')),
    }),
  );
  const plans = { ...stlAuth, store: storage, publicUrl, now, rooms, bus, votes, plenary };
  // Before the JSON-only rule: a kit file is sent as its own bytes.
  api.use('/events', kitUploadRouter(plans));
  api.use('/followup', followupUploadRouter({ ...stlAuth, now }));
  api.use(requireJsonBody);
  // Before the API-wide body parser: a saved commitment may be larger than 64 kB.
  api.use('/mesas/:id/commitment', commitmentRouter({ store: storage, agenda, notices }));
  api.use(express.json({ limit: '64kb' }));
  api.use('/mesas/:id/agenda', agendaRouter({ store: storage, agenda }));
  api.use('/mesas/:id/votes', votesRouter({ store: storage, votes }));
  api.use('/mesas/:id/phase', phaseRouter({ store: storage, notices }));
  api.use('/stl', stlRouter({ ...stlAuth, publicUrl, rateLimits }));
  api.use('/review', reviewRouter({ ...stlAuth, notices }));
  api.use('/followup', followupRouter({ ...stlAuth, now }));
  api.use(tableroRouter({ store: storage, now }));
  api.use('/planes', planDocumentRouter({ store: storage }));
  api.use('/plans', plansRouter(plans));
  api.use(kitRouter(plans));
  api.use(registrationRouter(plans));
  api.use('/events', eventsRouter(plans));
  api.use('/events', seatingRouter(plans));
  api.use('/events', plenaryRouter({ ...plans, agenda, notices }));
  api.use('/mesas', mesaAdminRouter({ ...stlAuth, rooms, bus, publicUrl, votes }));
  api.use('/mesas', mesasRouter({ store: storage }));
  api.use((_req, res) => sendError(res, new HttpError(404, 'not_found', 'Ruta no encontrada.')));
  api.use(errorHandler);
  app.use('/api', api);

  if (clientDir && existsSync(join(clientDir, 'index.html'))) {
    app.use(express.static(clientDir, { index: false, maxAge: '1h' }));
    // Every other path is a client route (/mesa/…): the SPA decides what to show.
    app.get(/.*/, (_req, res) => {
      res.sendFile(join(clientDir, 'index.html'), { maxAge: 0 });
    });
  }
  app.use(errorHandler);
  return app;
}

/**
 * A body in another format would reach the handlers as no body at all, and be refused as if fields were missing;
 * it is refused for what it is instead. (`req.is` is null for a request without a body; an empty one, as fetch
 * sends for a POST with none, is no body either.)
 */
const requireJsonBody: express.RequestHandler = (req, res, next) => {
  if (req.headers['content-length'] === '0' || req.is('application/json') !== false) return next();
  sendError(
    res,
    new HttpError(415, 'unsupported_media_type', 'Envíe el cuerpo como JSON (Content-Type: application/json).'),
  );
};
