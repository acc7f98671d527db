import { z } from 'zod';
import { KIT_LIMITS, KIT_MEDIA_TYPES, type KitMediaType } from './kit';

/**
 * The evidence of an activity's progress (its means of verification): links and files, each with a title. A file
 * is a PDF or an image of up to 20 MB, its type decided from its bytes as a kit file's is.
 */

export const EVIDENCE_LIMITS = {
  maxItems: 10,
  titleMax: 200,
  urlMax: 2000,
  /** 20 MB, as a kit file. */
  maxFileBytes: KIT_LIMITS.maxFileBytes,
  fileNameMax: KIT_LIMITS.fileNameMax,
} as const;

/** The types an evidence file may be: PDF and images, a subset of the kit's. */
export const EVIDENCE_MEDIA_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
] as const satisfies readonly KitMediaType[];
export type EvidenceMediaType = (typeof EVIDENCE_MEDIA_TYPES)[number];

export function isEvidenceMediaType(type: KitMediaType): type is EvidenceMediaType {
  return (EVIDENCE_MEDIA_TYPES as readonly string[]).includes(type);
}

/** The Spanish name of an evidence file's type ("PDF", "Imagen PNG"). */
export const evidenceTypeLabel = (type: EvidenceMediaType) => KIT_MEDIA_TYPES[type];

/** Ids the server makes (12 random bytes, base64url), as `entityIdSchema`'s. */
const ENTITY_ID = /^[A-Za-z0-9_-]{16}$/;

const titleSchema = z
  .string({ error: 'Cada evidencia necesita un título.' })
  .trim()
  .min(1, 'Cada evidencia necesita un título.')
  .max(
    EVIDENCE_LIMITS.titleMax,
    `El título de una evidencia admite como máximo ${EVIDENCE_LIMITS.titleMax} caracteres.`,
  );

/** One piece of evidence as the follow-up records it: a link, or a file uploaded before for the same activity. */
export const evidenceInputSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('link'),
      title: titleSchema,
      url: z
        .url({ protocol: /^https?$/, error: 'Cada enlace de evidencia debe ser una dirección http(s) válida.' })
        .max(EVIDENCE_LIMITS.urlMax, `Cada enlace admite como máximo ${EVIDENCE_LIMITS.urlMax} caracteres.`),
    }),
    z.strictObject({
      kind: z.literal('file'),
      title: titleSchema,
      fileId: z.string().regex(ENTITY_ID, 'El archivo de evidencia no es válido.'),
    }),
  ],
  {
    error: 'Cada evidencia es un enlace ({ kind: "link", title, url }) o un archivo ({ kind: "file", title, fileId }).',
  },
);
export type EvidenceInput = z.infer<typeof evidenceInputSchema>;

/**
 * The query of `POST /api/followup/mesas/:id/activities/:activityId/files` (the body is the file's bytes): the
 * file's name, for the download (its extension becomes the one of the type its content shows).
 */
export const addEvidenceFileQuerySchema = z.strictObject({
  name: z
    .string({ error: 'El nombre del archivo es obligatorio.' })
    .trim()
    .min(1, 'El nombre del archivo es obligatorio.')
    .max(
      EVIDENCE_LIMITS.fileNameMax,
      `El nombre del archivo admite como máximo ${EVIDENCE_LIMITS.fileNameMax} caracteres.`,
    ),
});

/** An uploaded evidence file, as its upload answers and as a progress record cites it. */
export interface EvidenceFile {
  id: string;
  fileName: string;
  mediaType: EvidenceMediaType;
  size: number;
}

/** Where the public downloads an evidence file. */
export const evidenceFileUrl = (fileId: string) => `/api/tablero/evidencias/${encodeURIComponent(fileId)}`;

/**
 * Evidence as published. `title` is empty only for links recorded before evidence had titles. A file's `url` is
 * the path of its download on the same server.
 */
export type PublicEvidence =
  | { kind: 'link'; title: string; url: string }
  | {
      kind: 'file';
      title: string;
      url: string;
      fileId: string;
      fileName: string;
      mediaType: EvidenceMediaType;
      size: number;
    };

/** A file evidence as published, from the file it cites. */
export function fileEvidence(title: string, file: EvidenceFile): PublicEvidence {
  return {
    kind: 'file',
    title,
    url: evidenceFileUrl(file.id),
    fileId: file.id,
    fileName: file.fileName,
    mediaType: file.mediaType,
    size: file.size,
  };
}

/** What a record's evidence was when it is sent back to be recorded again: links as they are, files by id. */
export function evidenceInput(evidence: PublicEvidence): EvidenceInput {
  return evidence.kind === 'link'
    ? { kind: 'link', title: evidence.title, url: evidence.url }
    : { kind: 'file', title: evidence.title, fileId: evidence.fileId };
}
