import { z } from 'zod';
import { SECTORS, type Sector } from './participant';
import { reviewStatusSchema } from './review';

/**
 * The plenary view of a co-creation event, for whoever leads it (an STL member): every table's stage and time,
 * who is present by sector, whether its work is stored, and its latest commitment version, live. The server
 * builds it from its live state (`server/src/plans/PlenaryService.ts`) and pushes it whole, as server-sent events
 * of `GET /api/events/:eventId/plenary/events`; each push replaces the last, so a page that missed some shows the
 * newest. Names never appear: counts by sector only.
 */

const count = z.int().min(0).max(1_000_000);
const epochMs = z.int();

/** Present people by sector, each sector always listed. */
export const sectorCountsSchema = z.strictObject(
  Object.fromEntries(Object.keys(SECTORS).map((s) => [s, count])) as Record<Sector, typeof count>,
);
export type SectorCounts = z.infer<typeof sectorCountsSchema>;

/** A table's agenda as the plenary shows it: the stage, and what the shared timer needs to count down. */
export const plenaryAgendaSchema = z.strictObject({
  status: z.enum(['not_started', 'running', 'paused', 'finished']),
  /** 0-based, the methodology's "Etapa N". */
  stageIndex: z.int().min(0),
  stageCount: z.int().min(1),
  stageName: z.string(),
  /** While running: when the stage's time is up, server epoch ms (possibly past: overtime). */
  endsAt: epochMs.nullable(),
  /** While paused: what is left (negative in overtime); not started: the stage's planned time. */
  remainingMs: z.int().nullable(),
});
export type PlenaryAgenda = z.infer<typeof plenaryAgendaSchema>;

/**
 * Whether the table's work is stored. `connected`: the table's room is open on the server (someone is in it);
 * a room nobody is in has everything stored. `pending`: updates received and not stored yet. `lastSavedAt`: when
 * the room last stored one, since it opened.
 */
export const plenarySaveSchema = z.strictObject({
  connected: z.boolean(),
  pending: count,
  lastSavedAt: z.string().nullable(),
});
export type PlenarySave = z.infer<typeof plenarySaveSchema>;

export const plenaryTableSchema = z.strictObject({
  number: z.int().min(1),
  mesaId: z.string(),
  /** People seated at the table by the STL. */
  seated: count,
  agenda: plenaryAgendaSchema,
  /** Distinct registered people with the table open now, by the sector they registered with. */
  present: sectorCountsSchema,
  save: plenarySaveSchema,
  latestVersion: z.strictObject({ number: z.int().min(1), savedAt: z.string(), status: reviewStatusSchema }).nullable(),
});
export type PlenaryTable = z.infer<typeof plenaryTableSchema>;

/** The whole plenary, as `GET /api/events/:eventId/plenary` answers and each server-sent event carries. */
export const plenarySnapshotSchema = z.strictObject({
  eventId: z.string(),
  title: z.string(),
  /** Server epoch ms when this was built; countdowns use the clock synced with `GET /api/time`. */
  serverNow: epochMs,
  tables: z.array(plenaryTableSchema).max(1000),
});
export type PlenarySnapshot = z.infer<typeof plenarySnapshotSchema>;

/** The plenary as sent, or null for text that is not one (a newer server's this page cannot read). */
export function parsePlenarySnapshot(json: string): PlenarySnapshot | null {
  try {
    const parsed = plenarySnapshotSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const PLENARY_NOTICE_MAX = 300;

/** `POST /api/events/:eventId/plenary/notices`: a notice from the plenary's lead that every table's pages show. */
export const plenaryNoticeRequestSchema = z.strictObject({
  text: z
    .string({ error: 'Escriba el aviso.' })
    .trim()
    .min(1, 'Escriba el aviso.')
    .max(PLENARY_NOTICE_MAX, `El aviso admite como máximo ${PLENARY_NOTICE_MAX} caracteres.`),
});
export type PlenaryNoticeRequest = z.infer<typeof plenaryNoticeRequestSchema>;

/** The answer of a plenary notice: how many tables it was sent to. */
export const plenaryNoticeSentSchema = z.object({ tables: z.number() });

/**
 * `POST /api/events/:eventId/plenary/start`: starts every table's agenda that has not started. Each table's
 * outcome: started now, or why not (already started, say), in Spanish.
 */
export const plenaryStartResultSchema = z.object({
  tables: z.array(z.object({ number: z.number(), started: z.boolean(), message: z.string().nullable() })),
});
export type PlenaryStartResult = z.infer<typeof plenaryStartResultSchema>;
