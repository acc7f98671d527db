import { z } from 'zod';
import { agendaSchema, agendaStateSchema } from './agenda';

/**
 * The agenda as the server publishes it (REST answers and the sync socket's message 101), the live tools a stage
 * opens, and the facilitator's requests that change either. The server computes every field; clients only read.
 */

/** The live tools a stage can open or a facilitator can lock; each is one area of the mesa's Y.Doc. */
export const TOOLS = ['tree', 'commitment'] as const;
export const toolSchema = z.enum(TOOLS, { error: 'La herramienta debe ser "tree" o "commitment".' });
export type Tool = z.infer<typeof toolSchema>;

/**
 * A facilitator's word on one tool for the current stage: forced open or locked. `null` follows the agenda. An
 * override lasts until the agenda moves to another stage, starts, finishes or is reset.
 */
export const toolOverrideSchema = z.enum(['open', 'locked']).nullable();
export type ToolOverride = z.infer<typeof toolOverrideSchema>;

export const toolOverridesSchema = z.object({ tree: toolOverrideSchema, commitment: toolOverrideSchema }).strict();
export type ToolOverrides = z.infer<typeof toolOverridesSchema>;

/**
 * Whether a tool refuses edits now (`locked`): the facilitator's `override` if set, else what the agenda alone says
 * (`agendaLocked`), which the facilitator's controls show as the choice to go back to.
 */
export const toolLockSchema = z
  .object({ locked: z.boolean(), override: toolOverrideSchema, agendaLocked: z.boolean() })
  .strict();
export type ToolLock = z.infer<typeof toolLockSchema>;

export const toolLocksSchema = z.object({ tree: toolLockSchema, commitment: toolLockSchema }).strict();
export type ToolLocks = z.infer<typeof toolLocksSchema>;

/** Everybody's view of the agenda: the plan, where the timer is, which tools are locked, and the server's clock. */
export const agendaSnapshotSchema = z
  .object({
    agenda: agendaSchema,
    state: agendaStateSchema,
    locks: toolLocksSchema,
    /** Server epoch ms when the snapshot was made; informative, clocks are synced with `GET /api/time`. */
    serverNow: z.int().min(0),
  })
  .strict();
export type AgendaSnapshot = z.infer<typeof agendaSnapshotSchema>;

const expectedRevision = z.int().min(0).optional();

/** `PUT /api/mesas/:id/agenda`: the whole edited agenda, optionally guarded by the revision it was made from. */
export const putAgendaSchema = z.object({ agenda: agendaSchema, expectedRevision }).strict();
export type PutAgenda = z.infer<typeof putAgendaSchema>;

/** `POST /api/mesas/:id/agenda/locks`: force one tool open or locked, or hand it back to the agenda. */
export const setToolLockSchema = z
  .object({
    tool: toolSchema,
    mode: z.enum(['open', 'locked', 'agenda'], { error: 'El modo debe ser "open", "locked" o "agenda".' }),
    expectedRevision,
  })
  .strict();
export type SetToolLock = z.infer<typeof setToolLockSchema>;
