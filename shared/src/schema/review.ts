import { z } from 'zod';
import type { CommitmentVersion, CommitmentVersionSummary } from './commitmentVersion';
import { EVIDENCE_LIMITS, evidenceInputSchema } from './evidence';
import { mesaIdSchema, themeSchema, type Theme } from './mesa';

/**
 * The STL's review of saved commitment versions, publication, and follow-up of published commitments
 * (methodology: "revisión de compromisos preliminares", "publicación del plan", "Tablero Público de Seguimiento").
 */

// ---------------------------------------------------------------------------------------------------------------
// Review statuses

/** A saved version's review status, in the order a version normally goes through them. */
export const REVIEW_STATUSES = ['borrador', 'en_revision', 'con_observaciones', 'aprobado', 'publicado'] as const;
export const reviewStatusSchema = z.enum(REVIEW_STATUSES, {
  error: 'El estado debe ser borrador, en_revision, con_observaciones, aprobado o publicado.',
});
export type ReviewStatus = z.infer<typeof reviewStatusSchema>;

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  borrador: 'Borrador',
  en_revision: 'En revisión',
  con_observaciones: 'Con observaciones',
  aprobado: 'Aprobado',
  publicado: 'Publicado',
};

/**
 * Where each status may go. Back steps exist for mistakes (a version approved too early goes back to review; a
 * publication can be withdrawn to approved). A version returned with observations is answered by a new version,
 * which starts again as a draft.
 */
export const REVIEW_TRANSITIONS: Record<ReviewStatus, readonly ReviewStatus[]> = {
  borrador: ['en_revision'],
  en_revision: ['con_observaciones', 'aprobado', 'borrador'],
  con_observaciones: ['en_revision'],
  aprobado: ['publicado', 'en_revision'],
  publicado: ['aprobado'],
};

export function canTransition(from: ReviewStatus, to: ReviewStatus): boolean {
  return REVIEW_TRANSITIONS[from].includes(to);
}

/** `POST …/versions/:n/status` (STL): move a version to `status`, guarded by the status the reviewer saw. */
export const setReviewStatusSchema = z.strictObject({
  status: reviewStatusSchema,
  /** The status the reviewer's screen showed; a 409 if someone moved it meanwhile. */
  from: reviewStatusSchema,
});
export type SetReviewStatus = z.infer<typeof setReviewStatusSchema>;

/** Who a change made with the admin token is shown as: scripts are the STL's, not a person's. */
export const ADMIN_ACTOR_NAME = 'Token de administración';

/** One recorded transition: who (an STL member) moved a version from what to what, and when. */
export interface ReviewEvent {
  from: ReviewStatus | null;
  to: ReviewStatus;
  /** The member's name, {@link ADMIN_ACTOR_NAME} for the admin token; `null` for the version's creation by the mesa. */
  by: string | null;
  at: string;
}

/** A query-string filter: absent or empty means "any". */
function queryFilter<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
}

/** `GET /api/review/versions`: the inbox's filters, from the query string. */
export const reviewInboxQuerySchema = z.strictObject({
  theme: queryFilter(themeSchema),
  mesa: queryFilter(
    z
      .string({ error: 'La mesa no es válida.' })
      .refine((id) => mesaIdSchema.safeParse(id).success, 'La mesa no es válida.'),
  ),
  status: queryFilter(reviewStatusSchema),
});
export type ReviewInboxQuery = z.infer<typeof reviewInboxQuerySchema>;

/** A saved version as the STL's inbox lists it. */
export interface ReviewInboxItem extends CommitmentVersionSummary {
  mesaId: string;
  mesaTitle: string;
  theme: Theme;
  observationCount: number;
}

/** `GET /api/review/mesas/:id/versions/:n`: the version, where its review stands, and how it got there. */
export interface ReviewedVersion extends CommitmentVersion {
  mesaTitle: string;
  /** Oldest first; the first event is the version's creation by the mesa. */
  history: ReviewEvent[];
  /** Oldest first, each with its author: the STL's own view. */
  observations: AuthoredObservation[];
}

// ---------------------------------------------------------------------------------------------------------------
// Observations

export const OBSERVATION_MAX = 2000;

/**
 * A field path of the commitment as `missingFields` names them (`linesOfAction.<id>.title`), or `''` for the
 * commitment as a whole. Only the shape is checked here; the server also checks that the version has the field
 * (`commitmentFields`).
 */
export const observationPathSchema = z
  .string({ error: 'El campo debe ser texto.' })
  .max(300, 'El campo admite como máximo 300 caracteres.')
  .regex(/^$|^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, 'El campo no es válido.');

/** `POST …/versions/:n/observations` (STL): a note on one field of a version. */
export const createObservationSchema = z.strictObject({
  path: observationPathSchema,
  text: z
    .string({ error: 'La observación es obligatoria.' })
    .trim()
    .min(1, 'Escriba la observación.')
    .max(OBSERVATION_MAX, `La observación admite como máximo ${OBSERVATION_MAX} caracteres.`),
});
export type CreateObservation = z.infer<typeof createObservationSchema>;

/** An observation's id, as the server makes them (12 random bytes, base64url). */
export const observationIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16}$/, 'La observación no es válida.');

/**
 * `POST /api/mesas/:id/commitment/observations/:observationId/response` (facilitator): what the mesa did about an
 * observation. `text` may be empty (just marked attended); a new response replaces the previous one.
 */
export const observationResponseSchema = z.strictObject({
  text: z
    .string({ error: 'La respuesta debe ser texto.' })
    .trim()
    .max(OBSERVATION_MAX, `La respuesta admite como máximo ${OBSERVATION_MAX} caracteres.`),
  attended: z.boolean({ error: 'Indique si la observación quedó atendida (true o false).' }),
});
export type ObservationResponseInput = z.infer<typeof observationResponseSchema>;

/** The mesa's response to an observation, as the mesa: never who of the mesa wrote it (Chatham House). */
export interface ObservationResponse {
  text: string;
  /** The facilitator marked it "atendida". */
  attended: boolean;
  /** When it was last answered or marked. */
  at: string;
}

/** An observation as the mesa sees it: the STL speaks as an institution, so no member's name. */
export interface Observation {
  id: string;
  versionNumber: number;
  path: string;
  text: string;
  createdAt: string;
  /** The mesa's response; null until the facilitator answers it or marks it attended. */
  response: ObservationResponse | null;
}

/** `GET /api/mesas/:id/commitment/observations`: each observation with its version's current status. */
export interface MesaObservation extends Observation {
  versionStatus: ReviewStatus;
}

/** An observation in the STL's own view: who wrote it (a member's name or {@link ADMIN_ACTOR_NAME}). */
export interface AuthoredObservation extends Observation {
  author: string;
}

/** Whether the STL may still add observations to a version in `status`: while it is being reviewed or returned. */
export function acceptsObservations(status: ReviewStatus): boolean {
  return status === 'en_revision' || status === 'con_observaciones';
}

// ---------------------------------------------------------------------------------------------------------------
// Follow-up: progress of published commitments on the IRM completion scale

/**
 * The Independent Reporting Mechanism's completion levels. An activity is `sin_evidencia` until someone records
 * progress with evidence; the others say how far it has come.
 */
export const COMPLETION_LEVELS = ['sin_evidencia', 'no_iniciado', 'limitado', 'sustancial', 'completo'] as const;
export type CompletionLevel = (typeof COMPLETION_LEVELS)[number];
export const COMPLETION_LABELS: Record<CompletionLevel, string> = {
  sin_evidencia: 'Sin evidencia',
  no_iniciado: 'No iniciado',
  limitado: 'Limitado',
  sustancial: 'Sustancial',
  completo: 'Completo',
};

/** What a follow-up member records for an activity: a level with evidence (links and files, each with a title). */
export const activityProgressSchema = z.strictObject({
  level: z.enum(['no_iniciado', 'limitado', 'sustancial', 'completo'], {
    error: 'El avance debe ser no_iniciado, limitado, sustancial o completo.',
  }),
  evidence: z
    .array(evidenceInputSchema, { error: 'Las evidencias deben ser una lista de enlaces y archivos.' })
    .min(1, 'Agregue al menos una evidencia: un enlace o un archivo.')
    .max(EVIDENCE_LIMITS.maxItems, `Admite como máximo ${EVIDENCE_LIMITS.maxItems} evidencias.`),
  note: z.string().trim().max(OBSERVATION_MAX, `La nota admite como máximo ${OBSERVATION_MAX} caracteres.`).default(''),
});
export type ActivityProgress = z.infer<typeof activityProgressSchema>;

const RANK: Record<Exclude<CompletionLevel, 'sin_evidencia'>, number> = {
  no_iniciado: 0,
  limitado: 1,
  sustancial: 2,
  completo: 3,
};

/**
 * A commitment's completion from its activities', as the IRM rates a commitment: `sin_evidencia` while no activity
 * has evidence; `completo` only when every activity is; otherwise the mean of the activities (an activity without
 * evidence counting as not started) read as `sustancial` from 2 of 3, `limitado` above 0, else `no_iniciado`.
 */
export function commitmentCompletion(activities: readonly CompletionLevel[]): CompletionLevel {
  const known = activities.filter((level) => level !== 'sin_evidencia');
  if (known.length === 0) return 'sin_evidencia';
  if (activities.every((level) => level === 'completo')) return 'completo';
  const mean =
    activities.reduce((sum, level) => sum + (level === 'sin_evidencia' ? 0 : RANK[level]), 0) / activities.length;
  if (mean >= 2) return 'sustancial';
  return mean > 0 ? 'limitado' : 'no_iniciado';
}
