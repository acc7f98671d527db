import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import type { AgendaService } from '../agenda/AgendaService';
import type { Storage } from '../storage/Storage';
import { agendaRouter } from './agendaRouter';
import { commitmentRouter } from './commitmentRouter';
import { HttpError, errorHandler, sendError } from './HttpError';
import { mesasRouter } from './mesasRouter';

export interface AppOptions {
  storage: Storage;
  agenda: AgendaService;
  adminToken: string;
  publicUrl?: string | undefined;
  /** The built client (client/dist); served with an SPA fallback when present. */
  clientDir?: string | undefined;
}

export function createApp({ storage, agenda, adminToken, publicUrl, clientDir }: AppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(helmet());

  const api = express.Router();
  // Generous for a mesa of 25 behind one NAT, tight enough to blunt scripted abuse.
  api.use(
    rateLimit({
      windowMs: 60_000,
      limit: 1200,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      handler: (_req, res) =>
        sendError(res, new HttpError(429, 'rate_limited', 'Demasiadas solicitudes; espere un momento.')),
    }),
  );
  // Before the API-wide body parser: a saved commitment may be larger than 64 kB.
  api.use('/mesas/:id/commitment', commitmentRouter({ store: storage, agenda }));
  api.use(express.json({ limit: '64kb' }));
  api.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // The server's clock, for clients to estimate their offset to it (several samples; see shared ClockSync).
  api.get('/time', (_req, res) => {
    res.set('cache-control', 'no-store').json({ now: Date.now() });
  });
  api.use('/mesas/:id/agenda', agendaRouter({ store: storage, agenda }));
  api.use('/mesas', mesasRouter({ store: storage, adminToken, publicUrl }));
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
