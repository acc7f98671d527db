import { z } from 'zod';
import { roleSchema, ROLES, type Role } from './mesa';
import { cocreationEventSchema, registrationStatusSchema } from './event';
import { SECTORS, joinMesaSchema, type Sector } from './participant';
import { planSchema } from './plan';
import { emailSchema } from './stl';
import { kitItemSchema } from './kit';

/**
 * Registration to a co-creation event (Etapa 0, "Registro"): who comes, from which sector and organisation. The
 * registrant gets a page of their own behind a secret token; the list of registrants is the STL's alone.
 */

const sector = z.enum(Object.keys(SECTORS) as [Sector, ...Sector[]]);

/**
 * `POST /api/events/:eventId/registrations`. Name, sector and organisation as a mesa's join form takes them; an
 * optional e-mail (an empty one counts as none), unique per event; both the Chatham House rule and the plan's
 * privacy notice accepted.
 */
export const registerSchema = joinMesaSchema.extend({
  email: z
    .preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), emailSchema.nullable())
    .default(null),
  acceptsPrivacyNotice: z.literal(true, { error: 'Debe aceptar el aviso de privacidad para registrarse.' }),
});
export type Register = z.infer<typeof registerSchema>;

/** The secret of a registrant's own page: 43 base64url characters, as capability tokens. */
export const registrationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/** A registrant as they see themselves. */
export const ownRegistrationSchema = z.object({
  id: z.string(),
  eventId: z.string(),
  name: z.string(),
  sector,
  organization: z.string(),
  email: z.string().nullable(),
  registeredAt: z.string(),
});
export type OwnRegistration = z.infer<typeof ownRegistrationSchema>;

/** `POST /api/events/:eventId/registrations`: the registration, and its page's link and token, answered once. */
export const createdRegistrationSchema = z.object({
  registration: ownRegistrationSchema,
  /** `<origin>/evento/<eventId>/mi-registro#r=<token>`. */
  link: z.string(),
  token: z.string(),
});
export type CreatedRegistration = z.infer<typeof createdRegistrationSchema>;

/** A registrant as the STL's list shows one: with their seat and whether they came. */
export const registrantSchema = ownRegistrationSchema.extend({
  /** Their table (1-based) and whether the STL locked them there; null while not seated. */
  seat: z.object({ table: z.number(), locked: z.boolean() }).nullable(),
  /** The facilitator of their table, chosen by the STL. */
  facilitator: z.boolean(),
  /** When the STL marked them present; null if it has not. */
  checkedInAt: z.string().nullable(),
  /** When they first went into their table's mesa from their page; null if they have not. */
  enteredAt: z.string().nullable(),
});
export type Registrant = z.infer<typeof registrantSchema>;

/** `GET /api/events/:eventId/registrations` (STL): every registrant, in registration order. */
export const registrantListSchema = z.object({ registrations: z.array(registrantSchema) });

/** `PUT /api/events/:eventId/registrations/:registrationId/attendance` (STL): marks present or not. */
export const checkInSchema = z.strictObject({ present: z.boolean({ error: 'present debe ser true o false.' }) });
export type CheckIn = z.infer<typeof checkInSchema>;
export const checkedInSchema = z.object({ registration: registrantSchema });

/**
 * `GET /api/registrations/me` (the registration's token): the person's own page. `event` has the place and the
 * video link; `table` is null until they are seated; `kit` is the event's participant kit.
 */
export const registrationPageSchema = z.object({
  registration: ownRegistrationSchema,
  event: cocreationEventSchema
    .pick({
      id: true,
      title: true,
      theme: true,
      date: true,
      startTime: true,
      modality: true,
      place: true,
      videoLink: true,
    })
    .extend({ registrationStatus: registrationStatusSchema }),
  plan: planSchema.pick({ title: true, period: true, entity: true, privacyNotice: true }),
  table: z.object({ number: z.number(), mesaId: z.string(), role: roleSchema }).nullable(),
  kit: z.array(kitItemSchema),
});
export type RegistrationPage = z.infer<typeof registrationPageSchema>;

/**
 * `POST /api/registrations/me/mesa` (the registration's token): the way into their table's mesa. The server
 * records them as the mesa's participant (or facilitator) with their registration's name, sector and
 * organisation; the browser keeps `token` and `seat` as it does after a mesa's join form
 * (`cocrea:mesa:<mesaId>` in localStorage) and opens `/mesa/<mesaId>`, with no second form.
 */
export const mesaEntrySchema = z.object({
  mesaId: z.string(),
  role: roleSchema,
  token: z.string(),
  seat: z.string(),
  participant: z.object({
    id: z.string(),
    role: roleSchema,
    name: z.string(),
    sector,
    organization: z.string(),
    color: z.string(),
  }),
});
export type MesaEntry = z.infer<typeof mesaEntrySchema>;

/** Counts per sector, every sector present. */
const bySector = z.record(sector, z.number());
/** Counts per mesa role, every role present. */
const byRole = z.record(roleSchema, z.number());

/**
 * Attendance of one table. `seated`: its registrants by sector. `present`: who was there, by sector and by role:
 * a seated registrant marked present or who went into the mesa from their page, and everyone else who joined the
 * table's mesa with one of its links (observers, the STL's facilitator).
 */
export const tableAttendanceSchema = z.object({
  number: z.number(),
  mesaId: z.string(),
  seated: z.object({ total: z.number(), bySector }),
  present: z.object({ total: z.number(), bySector, byRole }),
});
export type TableAttendance = z.infer<typeof tableAttendanceSchema>;

/** `GET /api/events/:eventId/attendance` (STL): the event's registro de asistentes, by table, sector and role. */
export const eventAttendanceSchema = z.object({
  eventId: z.string(),
  registered: z.object({ total: z.number(), bySector }),
  /** Registrants marked present or who went into their mesa, by sector. */
  present: z.object({ total: z.number(), bySector, byRole }),
  tables: z.array(tableAttendanceSchema),
});
export type EventAttendance = z.infer<typeof eventAttendanceSchema>;

/** The CSV's columns, in order (`GET /api/events/:eventId/attendance.csv`, one row per registrant). */
export const ATTENDANCE_CSV_COLUMNS = [
  'nombre',
  'sector',
  'organizacion',
  'correo',
  'mesa',
  'rol',
  'registrado',
  'presente',
] as const;

/** Every sector at zero. */
export function zeroBySector(): Record<Sector, number> {
  return Object.fromEntries(Object.keys(SECTORS).map((s) => [s, 0])) as Record<Sector, number>;
}

/** Every role at zero. */
export function zeroByRole(): Record<Role, number> {
  return Object.fromEntries(ROLES.map((r) => [r, 0])) as Record<Role, number>;
}
