import type { Request, RequestHandler } from 'express';
import express, { Router } from 'express';
import {
  KIT_LIMITS,
  addKitFileQuerySchema,
  addKitLinkSchema,
  capabilityTokenSchema,
  entityIdSchema,
  type KitItem,
  type MesaKit,
} from '@cocrea/shared';
import { generateId, hashToken, sameSecret } from '../../auth/tokens';
import { detectKitType, downloadName, typeLabel, typeOfName } from '../../plans/kitFileType';
import type { StoredEvent } from '../../storage/PlanStore';
import { authorizeMesa, bearer } from '../auth';
import { HttpError } from '../HttpError';
import { requireStl } from '../stlAuth';
import { parseBody, parseQuery } from '../validate';
import { findEvent } from './find';
import type { PlanRouterOptions } from './plansRouter';

const tooMany = () =>
  new HttpError(409, 'kit_full', `El kit de un evento admite como máximo ${KIT_LIMITS.maxItems} elementos.`);

/**
 * A kit file's upload: its raw bytes, up to 20 MB. Mounted before the API's JSON-only rule, and checks the STL
 * before it reads the body, so nobody else makes the server read 20 MB.
 */
export function kitUploadRouter(options: PlanRouterOptions): Router {
  const { store, now } = options;
  const router = Router();
  const stlFirst: RequestHandler = (req, _res, next) => {
    requireStl(req, options).then(() => next(), next);
  };
  // Any Content-Type: what the file is comes from its bytes, never from what the sender says.
  const raw = express.raw({ type: () => true, limit: KIT_LIMITS.maxFileBytes });

  router.post('/:eventId/kit/files', stlFirst, raw, async (req, res) => {
    const event = await findEvent(store, req.params.eventId);
    const { title, name } = parseQuery(addKitFileQuerySchema, req.query);
    const bytes: unknown = req.body;
    if (!(bytes instanceof Buffer) || bytes.length === 0) {
      throw new HttpError(400, 'empty_file', 'El archivo está vacío.');
    }
    const type = detectKitType(bytes);
    if (type === null) {
      throw new HttpError(
        415,
        'unsupported_file_type',
        'El contenido del archivo no es de un tipo admitido: PDF, imagen (PNG, JPEG, GIF, WebP), documento de Office ' +
          '(Word, Excel, PowerPoint) u OpenDocument.',
      );
    }
    const claimed = typeOfName(name);
    if (claimed !== undefined && claimed !== type) {
      throw new HttpError(
        415,
        'file_type_mismatch',
        `El nombre del archivo no corresponde a su contenido: el contenido es ${typeLabel(type)}.`,
      );
    }
    const item: KitItem = {
      kind: 'file',
      id: generateId(),
      title,
      createdAt: new Date(now()).toISOString(),
      fileName: downloadName(name, type),
      mediaType: type,
      size: bytes.length,
    };
    if (!(await store.addKitItem({ eventId: event.id, item, data: bytes }, KIT_LIMITS.maxItems))) throw tooMany();
    res.status(201).json(item);
  });

  return router;
}

/** The rest of an event's kit: links, the list, downloads, removal; and a table mesa's view of its event's kit. */
export function kitRouter(options: PlanRouterOptions): Router {
  const { store, now } = options;
  const router = Router();

  /**
   * Who may read an event's kit: the STL, the event's registrants (their page's secret) and the people of its
   * tables (a link of a table's mesa). 401 for anyone else.
   */
  async function requireKitReader(req: Request, event: StoredEvent): Promise<void> {
    const token = bearer(req);
    if (token === null || sameSecret(token, options.adminToken)) {
      await requireStl(req, options);
      return;
    }
    if (capabilityTokenSchema.safeParse(token).success) {
      const hash = hashToken(token);
      const registration = await store.findRegistrationByToken(hash);
      if (registration?.eventId === event.id) return;
      const { tables } = await store.getSeating(event.id);
      for (const table of tables) if ((await store.findRole(table.mesaId, hash)) !== null) return;
    }
    throw new HttpError(401, 'unauthorized', 'El enlace no da acceso al kit de este evento.');
  }

  router.get('/events/:eventId/kit', async (req, res) => {
    const event = await findEvent(store, req.params.eventId);
    await requireKitReader(req, event);
    res.set('cache-control', 'no-store').json({ items: await store.listKitItems(event.id) });
  });

  router.post('/events/:eventId/kit/links', async (req, res) => {
    await requireStl(req, options);
    const event = await findEvent(store, req.params.eventId);
    const input = parseBody(addKitLinkSchema, req.body);
    const item: KitItem = { kind: 'link', id: generateId(), ...input, createdAt: new Date(now()).toISOString() };
    if (!(await store.addKitItem({ eventId: event.id, item, data: null }, KIT_LIMITS.maxItems))) throw tooMany();
    res.status(201).json(item);
  });

  /** A download: its type the one its bytes showed at upload, never sniffed by the browser. */
  router.get('/events/:eventId/kit/files/:itemId', async (req, res) => {
    const event = await findEvent(store, req.params.eventId);
    await requireKitReader(req, event);
    const id = req.params.itemId;
    const file = entityIdSchema.safeParse(id).success ? await store.getKitFile(event.id, id) : null;
    if (!file || file.item.kind !== 'file') throw new HttpError(404, 'kit_item_not_found', 'Ese archivo no existe.');
    res
      .attachment(file.item.fileName)
      .set({
        'content-type': file.item.mediaType,
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
        'content-security-policy': "default-src 'none'; sandbox",
      })
      .send(Buffer.from(file.data));
  });

  router.delete('/events/:eventId/kit/:itemId', async (req, res) => {
    await requireStl(req, options);
    const event = await findEvent(store, req.params.eventId);
    const id = req.params.itemId;
    if (!entityIdSchema.safeParse(id).success || !(await store.deleteKitItem(event.id, id))) {
      throw new HttpError(404, 'kit_item_not_found', 'Ese elemento del kit no existe.');
    }
    res.status(204).end();
  });

  /** Inside a table's mesa, the "Kit" panel: the event's kit for any link of the mesa. */
  router.get('/mesas/:id/kit', async (req, res) => {
    const mesaId = await authorizeMesa(req, store, null);
    const table = await store.findTableOfMesa(mesaId);
    const answer: MesaKit = {
      eventId: table?.eventId ?? null,
      items: table ? await store.listKitItems(table.eventId) : [],
    };
    res.set('cache-control', 'no-store').json(answer);
  });

  return router;
}
