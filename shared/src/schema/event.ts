import { z } from 'zod';
import { parseTimeOfDay } from '../agenda/time';
import { agendaSchema, timeOfDaySchema } from './agenda';
import { isoDateSchema, themeSchema, THEMES, type Theme } from './mesa';
import { planSchema } from './plan';

/**
 * A co-creation event (evento de cocreación, methodology fase 3): one theme's day, whose registrants are seated at
 * tables, each table a mesa working through the event's agenda.
 */

export const MODALITIES = ['virtual', 'presencial', 'mixta'] as const;
export const modalitySchema = z.enum(MODALITIES, { error: 'La modalidad debe ser virtual, presencial o mixta.' });
export type Modality = z.infer<typeof modalitySchema>;
export const MODALITY_LABELS: Record<Modality, string> = {
  virtual: 'Virtual',
  presencial: 'Presencial',
  mixta: 'Mixta',
};

/** Who may register: anyone with the event's link, or only who has its invitation link (a secret). */
export const REGISTRATION_ACCESS = ['open', 'invitation'] as const;
export const registrationAccessSchema = z.enum(REGISTRATION_ACCESS, {
  error: 'El registro debe ser abierto (open) o por invitación (invitation).',
});
export type RegistrationAccess = z.infer<typeof registrationAccessSchema>;

export const EVENT_LIMITS = {
  titleMax: 200,
  placeMax: 300,
  /** Etapa 0: "mesas con un promedio de 5 a 10 personas". */
  defaultTableSize: { minSize: 5, maxSize: 10 },
  tableSizeMin: 2,
  tableSizeMax: 25,
  capacityMax: 5000,
} as const;

/** An instant with its offset, as `Date.toISOString()` writes one ("2026-11-21T16:00:00.000Z"). */
export const instantSchema = z.iso.datetime({
  offset: true,
  error: 'La fecha y hora debe tener el formato ISO 8601 (2026-11-21T10:00:00-06:00).',
});

export const tableSizeSchema = z
  .strictObject({
    minSize: z
      .int({ error: 'El mínimo de personas por mesa debe ser un número entero.' })
      .min(EVENT_LIMITS.tableSizeMin, `Una mesa tiene al menos ${EVENT_LIMITS.tableSizeMin} personas.`)
      .max(EVENT_LIMITS.tableSizeMax, `Una mesa tiene como máximo ${EVENT_LIMITS.tableSizeMax} personas.`),
    maxSize: z
      .int({ error: 'El máximo de personas por mesa debe ser un número entero.' })
      .min(EVENT_LIMITS.tableSizeMin, `Una mesa tiene al menos ${EVENT_LIMITS.tableSizeMin} personas.`)
      .max(EVENT_LIMITS.tableSizeMax, `Una mesa tiene como máximo ${EVENT_LIMITS.tableSizeMax} personas.`),
  })
  .refine((s) => s.minSize <= s.maxSize, {
    error: 'El mínimo de personas por mesa no puede ser mayor que el máximo.',
    path: ['maxSize'],
  });
export type EventTableSize = z.infer<typeof tableSizeSchema>;

const videoLinkSchema = z
  .url({ protocol: /^https?$/, error: 'El enlace de la videollamada debe ser una dirección http(s).' })
  .max(2000, 'El enlace admite como máximo 2000 caracteres.');

const eventFields = {
  title: z
    .string({ error: 'El título es obligatorio.' })
    .trim()
    .min(3, 'El título debe tener al menos 3 caracteres.')
    .max(EVENT_LIMITS.titleMax, `El título admite como máximo ${EVENT_LIMITS.titleMax} caracteres.`),
  theme: themeSchema,
  date: isoDateSchema,
  startTime: timeOfDaySchema,
  modality: modalitySchema,
  place: z
    .string()
    .trim()
    .max(EVENT_LIMITS.placeMax, `El lugar admite como máximo ${EVENT_LIMITS.placeMax} caracteres.`)
    .nullable(),
  videoLink: videoLinkSchema.nullable(),
  tableSize: tableSizeSchema,
  /** The agenda every table's mesa starts from; null: the methodology's, at the event's date and start time. */
  agenda: agendaSchema.nullable(),
  registrationOpensAt: instantSchema,
  registrationClosesAt: instantSchema,
  /** At most this many registrations; null: no limit. */
  capacity: z
    .int({ error: 'El cupo debe ser un número entero.' })
    .min(1, 'El cupo debe ser de al menos 1 persona.')
    .max(EVENT_LIMITS.capacityMax, `El cupo admite como máximo ${EVENT_LIMITS.capacityMax} personas.`)
    .nullable(),
  access: registrationAccessSchema,
};

type EventFields = {
  [K in keyof typeof eventFields]: z.infer<(typeof eventFields)[K]>;
};

/** The rules across fields, for a whole event (created, or stored and changed). */
function checkEvent(event: EventFields, ctx: z.RefinementCtx): void {
  if (event.modality !== 'virtual' && !event.place) {
    ctx.addIssue({ code: 'custom', path: ['place'], message: 'Indique el lugar del evento presencial o mixto.' });
  }
  if (event.modality !== 'presencial' && !event.videoLink) {
    ctx.addIssue({
      code: 'custom',
      path: ['videoLink'],
      message: 'Indique el enlace de la videollamada del evento virtual o mixto.',
    });
  }
  if (Date.parse(event.registrationClosesAt) <= Date.parse(event.registrationOpensAt)) {
    ctx.addIssue({
      code: 'custom',
      path: ['registrationClosesAt'],
      message: 'El registro debe cerrar después de abrir.',
    });
  }
  if (event.agenda && event.agenda.date !== event.date) {
    ctx.addIssue({ code: 'custom', path: ['agenda', 'date'], message: 'La agenda debe ser del día del evento.' });
  }
  if (event.agenda && event.agenda.startTime !== event.startTime) {
    ctx.addIssue({
      code: 'custom',
      path: ['agenda', 'startTime'],
      message: 'La agenda debe empezar a la hora del evento.',
    });
  }
  // The methodology's agenda lasts 5 h 30 min: starting after 18:30 it would end past midnight.
  if (!event.agenda && parseTimeOfDay(event.startTime) + 330 > 24 * 60) {
    ctx.addIssue({
      code: 'custom',
      path: ['startTime'],
      message: 'La agenda de la metodología (5 h 30 min) terminaría después de la medianoche; empiece más temprano.',
    });
  }
}

/**
 * `POST /api/plans/:planId/events`. `place`, `videoLink`, `agenda` and `capacity` may be left out (null); the
 * table size defaults to 5–10; registration is open unless `access` says `invitation`.
 */
export const createEventSchema = z
  .strictObject({
    ...eventFields,
    place: eventFields.place.default(null),
    videoLink: eventFields.videoLink.default(null),
    tableSize: eventFields.tableSize.default({ ...EVENT_LIMITS.defaultTableSize }),
    agenda: eventFields.agenda.default(null),
    capacity: eventFields.capacity.default(null),
    access: eventFields.access.default('open'),
  })
  .superRefine(checkEvent);
export type CreateEvent = z.infer<typeof createEventSchema>;

/**
 * `PATCH /api/events/:eventId`: any fields, at least one. The server applies them to the stored event and checks
 * the result with {@link eventRulesSchema}, answering the same field messages as a creation would.
 */
export const updateEventSchema = z
  .strictObject(
    Object.fromEntries(Object.entries(eventFields).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof eventFields]: z.ZodOptional<(typeof eventFields)[K]>;
    },
  )
  .refine((change) => Object.values(change).some((v) => v !== undefined), {
    error: 'Indique al menos un campo que cambia.',
  });
export type UpdateEvent = z.infer<typeof updateEventSchema>;

/** A whole event's fields against the rules across them (the check of a change, once applied). */
export const eventRulesSchema = z.strictObject(eventFields).superRefine(checkEvent);

const theme = z.enum(Object.keys(THEMES) as [Theme, ...Theme[]]);

export const cocreationEventSchema = z.object({
  id: z.string(),
  planId: z.string(),
  title: z.string(),
  theme,
  date: z.string(),
  startTime: z.string(),
  modality: modalitySchema,
  place: z.string().nullable(),
  videoLink: z.string().nullable(),
  tableSize: z.object({ minSize: z.number(), maxSize: z.number() }),
  agenda: agendaSchema.nullable(),
  registrationOpensAt: z.string(),
  registrationClosesAt: z.string(),
  capacity: z.number().nullable(),
  access: registrationAccessSchema,
  createdAt: z.string(),
});
/** An event as stored and as the STL sees it ("Event" would shadow the DOM's). */
export type CocreationEvent = z.infer<typeof cocreationEventSchema>;

/**
 * Where registration stands at an instant: `not_open` before it opens, `closed` from its closing on, `full` while
 * open with the capacity reached, else `open`.
 */
export const REGISTRATION_STATUSES = ['not_open', 'open', 'full', 'closed'] as const;
export const registrationStatusSchema = z.enum(REGISTRATION_STATUSES);
export type RegistrationStatus = z.infer<typeof registrationStatusSchema>;

/** {@link RegistrationStatus} of `event` at epoch ms `now` with `registered` people. */
export function registrationStatus(
  event: Pick<CocreationEvent, 'registrationOpensAt' | 'registrationClosesAt' | 'capacity'>,
  registered: number,
  now: number,
): RegistrationStatus {
  if (now < Date.parse(event.registrationOpensAt)) return 'not_open';
  if (now >= Date.parse(event.registrationClosesAt)) return 'closed';
  if (event.capacity !== null && registered >= event.capacity) return 'full';
  return 'open';
}

/** An event in its plan's list and on its own page (the STL's). */
export const eventSummarySchema = cocreationEventSchema.extend({
  registrationStatus: registrationStatusSchema,
  registered: z.number(),
  /** How many tables are formed (0 before "Formar mesas"). */
  tables: z.number(),
});
export type EventSummary = z.infer<typeof eventSummarySchema>;

/** `POST /api/plans/:planId/events`: the event and its registration link (for `invitation`, with its secret, once). */
export const createdEventSchema = z.object({ event: eventSummarySchema, registrationLink: z.string() });
export type CreatedEvent = z.infer<typeof createdEventSchema>;

/** `POST /api/events/:eventId/registration-link`: a new invitation link; the old one registers nobody from then on. */
export const registrationLinkSchema = z.object({ registrationLink: z.string() });
export type RegistrationLink = z.infer<typeof registrationLinkSchema>;

/**
 * `GET /api/events/:eventId/registration` (public): what the registration page shows before anyone registers.
 * Never the video link (the registrant's own page has it) nor anything about registrants but whether it is full.
 */
export const publicEventSchema = z.object({
  event: cocreationEventSchema
    .pick({
      id: true,
      title: true,
      theme: true,
      date: true,
      startTime: true,
      modality: true,
      place: true,
      registrationOpensAt: true,
      registrationClosesAt: true,
      access: true,
    })
    .extend({ registrationStatus: registrationStatusSchema }),
  plan: planSchema.pick({ title: true, period: true, entity: true, privacyNotice: true }),
});
export type PublicEvent = z.infer<typeof publicEventSchema>;

/** `GET /api/plans/:planId`: the plan with its events (by date) and every mesa in it (tables and lone mesas). */
export const planEventListSchema = z.object({ events: z.array(eventSummarySchema) });
