import { z } from 'zod';
import { parseTimeOfDay, TIME_OF_DAY_PATTERN } from '../agenda/time';
import { isoDateSchema } from './mesa';

/**
 * The mesa's staged agenda (methodology §3.2) and the one shared timer that runs it. The agenda is the plan the
 * STL edits; the state is where the facilitator is in it, owned by the server and changed only through
 * {@link agendaCommandSchema} commands.
 */

/** Every bound of the agenda in one place, so the schema, the editor and the server agree. */
export const AGENDA_LIMITS = {
  maxStages: 30,
  nameMax: 120,
  /** A stage lasts from one minute to ten hours: the methodology's longest is two hours (Etapa 4). */
  minStageMinutes: 1,
  maxStageMinutes: 600,
  responsibleMax: 200,
  dynamicMax: 2000,
  itemMax: 300,
  maxMaterials: 20,
  maxQuestions: 10,
  /** One "add time" press moves the clock by at most an hour; larger changes are a new duration or another stage. */
  addTimeMaxMinutes: 60,
} as const;

/** A planned time of day, "HH:MM", in the mesa's time zone. */
export const timeOfDaySchema = z
  .string({ error: 'La hora es obligatoria.' })
  .regex(TIME_OF_DAY_PATTERN, 'La hora debe tener el formato HH:MM (00:00 a 23:59).');

/** Stage ids are stable across renames and moves, so the run log and concurrent edits can refer to a stage. */
export const stageIdSchema = z
  .string()
  .regex(/^[a-z0-9-]{1,40}$/, 'El identificador de etapa admite de 1 a 40 letras minúsculas, dígitos o guiones.');

/** Which live tools a stage opens for participants by default. */
export const stageToolsSchema = z.object({ tree: z.boolean(), commitment: z.boolean() }).strict();
export type StageTools = z.infer<typeof stageToolsSchema>;

const itemSchema = z
  .string()
  .trim()
  .min(1, 'Los elementos de la lista no pueden estar vacíos.')
  .max(AGENDA_LIMITS.itemMax, `Cada elemento de la lista admite como máximo ${AGENDA_LIMITS.itemMax} caracteres.`);

/** One stage of the agenda: what happens, who leads it, with what, for how long. */
export const agendaStageSchema = z
  .object({
    id: stageIdSchema,
    name: z
      .string({ error: 'El nombre de la etapa es obligatorio.' })
      .trim()
      .min(1, 'El nombre de la etapa es obligatorio.')
      .max(AGENDA_LIMITS.nameMax, `El nombre de la etapa admite como máximo ${AGENDA_LIMITS.nameMax} caracteres.`),
    durationMin: z
      .int({ error: 'La duración debe ser un número entero de minutos.' })
      .min(AGENDA_LIMITS.minStageMinutes, 'La duración mínima de una etapa es 1 minuto.')
      .max(
        AGENDA_LIMITS.maxStageMinutes,
        `La duración máxima de una etapa es ${AGENDA_LIMITS.maxStageMinutes} minutos (10 horas).`,
      ),
    responsible: z
      .string()
      .trim()
      .max(
        AGENDA_LIMITS.responsibleMax,
        `La persona responsable admite como máximo ${AGENDA_LIMITS.responsibleMax} caracteres.`,
      ),
    materials: z
      .array(itemSchema)
      .max(AGENDA_LIMITS.maxMaterials, `Una etapa admite como máximo ${AGENDA_LIMITS.maxMaterials} materiales.`),
    dynamic: z
      .string()
      .trim()
      .max(AGENDA_LIMITS.dynamicMax, `La dinámica admite como máximo ${AGENDA_LIMITS.dynamicMax} caracteres.`),
    /** Guiding questions shown to everybody during the stage (Etapa 4's four). */
    questions: z
      .array(itemSchema)
      .max(AGENDA_LIMITS.maxQuestions, `Una etapa admite como máximo ${AGENDA_LIMITS.maxQuestions} preguntas.`)
      .optional(),
    tools: stageToolsSchema,
  })
  .strict();
export type AgendaStage = z.infer<typeof agendaStageSchema>;

/** A mesa's own copy of the agenda, made from the template and edited per mesa. */
export const agendaSchema = z
  .object({
    date: isoDateSchema,
    startTime: timeOfDaySchema,
    stages: z
      .array(agendaStageSchema)
      .min(1, 'La agenda necesita al menos una etapa.')
      .max(AGENDA_LIMITS.maxStages, `La agenda admite como máximo ${AGENDA_LIMITS.maxStages} etapas.`),
  })
  .strict()
  // Zod 4 runs refinements after non-aborting issues too (`when` narrows that); these checks need valid stages.
  .superRefine(
    (agenda, ctx) => {
      const seen = new Set<string>();
      agenda.stages.forEach((stage, i) => {
        if (seen.has(stage.id)) {
          ctx.addIssue({ code: 'custom', path: ['stages', i, 'id'], message: `La etapa "${stage.id}" está repetida.` });
        }
        seen.add(stage.id);
      });
      // A mesa is one day's workshop and planned times are shown as HH:MM: past midnight they would read as morning.
      const end = parseTimeOfDay(agenda.startTime) + agenda.stages.reduce((sum, s) => sum + s.durationMin, 0);
      if (end > 24 * 60) {
        ctx.addIssue({
          code: 'custom',
          path: ['stages'],
          message: `La agenda terminaría después de la medianoche (${Math.floor(end / 60)}:${String(end % 60).padStart(2, '0')}); acorta alguna etapa o empieza más temprano.`,
        });
      }
    },
    { when: (payload) => payload.issues.length === 0 },
  );
export type Agenda = z.infer<typeof agendaSchema>;

/** Server epoch milliseconds. */
const epochMsSchema = z.int().min(0);

/**
 * When a stage actually ran. Stages are named by id rather than index so the record stays right when the agenda
 * is reordered mid-mesa. A stage entered twice (going back) has two entries.
 */
export const stageLogEntrySchema = z
  .object({
    stageId: stageIdSchema,
    /** The planned start as the agenda said when the stage began, for "planned vs. actual" reports. */
    plannedStart: timeOfDaySchema,
    actualStart: epochMsSchema,
    /** Absent while the stage is still the current one. */
    actualEnd: epochMsSchema.optional(),
  })
  .strict();
export type StageLogEntry = z.infer<typeof stageLogEntrySchema>;

const stateCommon = {
  stageIndex: z.int().min(0),
  /** Bumped by every accepted command, so a client can say which state its command was meant for. */
  revision: z.int().min(0),
  stageLog: z.array(stageLogEntrySchema),
};

/**
 * Where the facilitator is in the agenda. One flat shape on the wire, a union by status in the types: `endsAt`
 * (server epoch ms at which the running stage's time is up) is set exactly when running, `remainingMs` exactly
 * when paused. Both may describe overtime: an `endsAt` in the past, a negative `remainingMs`.
 */
export const agendaStateSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('not_started'), endsAt: z.null(), remainingMs: z.null(), ...stateCommon }).strict(),
  z.object({ status: z.literal('running'), endsAt: z.int(), remainingMs: z.null(), ...stateCommon }).strict(),
  z.object({ status: z.literal('paused'), endsAt: z.null(), remainingMs: z.int(), ...stateCommon }).strict(),
  z.object({ status: z.literal('finished'), endsAt: z.null(), remainingMs: z.null(), ...stateCommon }).strict(),
]);
export type AgendaState = z.infer<typeof agendaStateSchema>;
export type AgendaStatus = AgendaState['status'];

/**
 * Optimistic concurrency: a facilitator's command may name the revision it was issued against; if another
 * command got there first, it is rejected instead of acting on a state its sender never saw (two facilitators
 * both pressing "siguiente" must advance one stage, not two).
 */
const revisionGuard = { expectedRevision: z.int().min(0).optional() };

const command = <T extends string>(type: T) => z.object({ type: z.literal(type), ...revisionGuard }).strict();

/** What the facilitator can do to the shared timer. */
export const agendaCommandSchema = z.discriminatedUnion('type', [
  command('start'),
  command('pause'),
  command('resume'),
  command('next'),
  command('previous'),
  z
    .object({
      type: z.literal('goto'),
      /** 0-based, the same number as the methodology's "Etapa N". */
      stage: z
        .int({ error: 'La etapa debe ser un número entero.' })
        .min(0, 'La etapa debe ser 0 o mayor.')
        .max(AGENDA_LIMITS.maxStages - 1, `La etapa debe ser menor que ${AGENDA_LIMITS.maxStages}.`),
      ...revisionGuard,
    })
    .strict(),
  z
    .object({
      type: z.literal('addTime'),
      minutes: z
        .int({ error: 'Los minutos deben ser un número entero.' })
        .min(
          -AGENDA_LIMITS.addTimeMaxMinutes,
          `Se pueden quitar como máximo ${AGENDA_LIMITS.addTimeMaxMinutes} minutos.`,
        )
        .max(
          AGENDA_LIMITS.addTimeMaxMinutes,
          `Se pueden añadir como máximo ${AGENDA_LIMITS.addTimeMaxMinutes} minutos.`,
        )
        .refine((m) => m !== 0, 'Los minutos no pueden ser cero.'),
      ...revisionGuard,
    })
    .strict(),
  command('reset'),
]);
export type AgendaCommand = z.infer<typeof agendaCommandSchema>;
