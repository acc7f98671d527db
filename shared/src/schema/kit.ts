import { z } from 'zod';

/**
 * The participant kit (methodology fase 2, "kit para participantes"): documents and links the STL attaches to an
 * event, read by its registrants before the event and inside their table's mesa.
 */

export const KIT_LIMITS = {
  /** 20 MB, the largest file a kit takes. */
  maxFileBytes: 20 * 1024 * 1024,
  maxItems: 50,
  titleMax: 200,
  fileNameMax: 200,
} as const;

/** The types a kit file may be, decided from its content (magic bytes), never from its name. */
export const KIT_MEDIA_TYPES = {
  'application/pdf': 'PDF',
  'image/png': 'Imagen PNG',
  'image/jpeg': 'Imagen JPEG',
  'image/gif': 'Imagen GIF',
  'image/webp': 'Imagen WebP',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Documento de Word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Hoja de cálculo de Excel',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'Presentación de PowerPoint',
  'application/vnd.oasis.opendocument.text': 'Documento de texto (ODT)',
  'application/vnd.oasis.opendocument.spreadsheet': 'Hoja de cálculo (ODS)',
  'application/vnd.oasis.opendocument.presentation': 'Presentación (ODP)',
} as const;
export type KitMediaType = keyof typeof KIT_MEDIA_TYPES;
const mediaTypes = Object.keys(KIT_MEDIA_TYPES) as [KitMediaType, ...KitMediaType[]];

const titleSchema = z
  .string({ error: 'El título es obligatorio.' })
  .trim()
  .min(1, 'El título es obligatorio.')
  .max(KIT_LIMITS.titleMax, `El título admite como máximo ${KIT_LIMITS.titleMax} caracteres.`);

/** `POST /api/events/:eventId/kit/links`. */
export const addKitLinkSchema = z.strictObject({
  title: titleSchema,
  url: z
    .url({ protocol: /^https?$/, error: 'El enlace debe ser una dirección http(s).' })
    .max(2000, 'El enlace admite como máximo 2000 caracteres.'),
});
export type AddKitLink = z.infer<typeof addKitLinkSchema>;

/**
 * The query of `POST /api/events/:eventId/kit/files` (the body is the file's bytes): the title shown, and the
 * file's name for the download (its extension is replaced by the one of the type the content shows).
 */
export const addKitFileQuerySchema = z.strictObject({
  title: titleSchema,
  name: z
    .string({ error: 'El nombre del archivo es obligatorio.' })
    .trim()
    .min(1, 'El nombre del archivo es obligatorio.')
    .max(KIT_LIMITS.fileNameMax, `El nombre del archivo admite como máximo ${KIT_LIMITS.fileNameMax} caracteres.`),
});
export type AddKitFileQuery = z.infer<typeof addKitFileQuerySchema>;

export const kitItemSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('file'),
    id: z.string(),
    title: z.string(),
    createdAt: z.string(),
    /** The download name, its extension the type's. */
    fileName: z.string(),
    mediaType: z.enum(mediaTypes),
    size: z.number(),
  }),
  z.object({ kind: z.literal('link'), id: z.string(), title: z.string(), createdAt: z.string(), url: z.string() }),
]);
export type KitItem = z.infer<typeof kitItemSchema>;

export const kitSchema = z.object({ items: z.array(kitItemSchema) });
export type Kit = z.infer<typeof kitSchema>;

/** `GET /api/mesas/:id/kit` (any link of the mesa): the kit of the event whose table the mesa is (null: none). */
export const mesaKitSchema = z.object({ eventId: z.string().nullable(), items: z.array(kitItemSchema) });
export type MesaKit = z.infer<typeof mesaKitSchema>;
