import { z } from 'zod';
import { SECTORS, type Sector } from './participant';
import { entityIdSchema } from './plan';

/**
 * The tables of a co-creation event as the STL arranges them: "Formar mesas" ({@link formTables}), moves, locks,
 * late arrivals and each table's facilitator. Table numbers are 1-based, as people say them ("Mesa 3").
 */

const sector = z.enum(Object.keys(SECTORS) as [Sector, ...Sector[]]);

const tableNumberSchema = z
  .int({ error: 'La mesa debe ser un número entero.' })
  .min(1, 'Las mesas se numeran desde 1.');

/**
 * `POST /api/events/:eventId/tables`: "Formar mesas". The first time, seats every registrant with `formTables`
 * and creates one mesa per table. Again, only with `reform: true`: locked seats stay, everyone else is re-seated
 * (`reformTables`); tables keep their mesas, new tables get new ones, tables left empty are removed.
 */
export const formTablesRequestSchema = z.strictObject({
  reform: z.boolean({ error: 'reform debe ser true o false.' }).default(false),
});
export type FormTablesRequest = z.infer<typeof formTablesRequestSchema>;

/** `POST /api/events/:eventId/seats`: seats an unseated registrant; without `table`, where the balance is best kept. */
export const seatRequestSchema = z.strictObject({
  registrationId: entityIdSchema,
  table: tableNumberSchema.optional(),
});
export type SeatRequest = z.infer<typeof seatRequestSchema>;

/** `PATCH /api/events/:eventId/seats/:registrationId`: moves (a locked seat does not move) and/or (un)locks. */
export const updateSeatSchema = z
  .strictObject({
    table: tableNumberSchema.optional(),
    locked: z.boolean({ error: 'locked debe ser true o false.' }).optional(),
  })
  .refine((c) => c.table !== undefined || c.locked !== undefined, {
    error: 'Indique la mesa (table) o el bloqueo (locked) que cambia.',
  });
export type UpdateSeat = z.infer<typeof updateSeatSchema>;

/** `PUT /api/events/:eventId/tables/:number/facilitator`: a registrant seated at the table, or null for none. */
export const tableFacilitatorSchema = z.strictObject({ registrationId: entityIdSchema.nullable() });
export type TableFacilitator = z.infer<typeof tableFacilitatorSchema>;

const seatedPerson = z.object({
  registrationId: z.string(),
  name: z.string(),
  sector,
  organization: z.string(),
});

/** One table: its mesa, its facilitator (a registration id) and its seats in order. */
export const seatingTableSchema = z.object({
  number: z.number(),
  mesaId: z.string(),
  facilitatorId: z.string().nullable(),
  seats: z.array(seatedPerson.extend({ locked: z.boolean() })),
});
export type SeatingTable = z.infer<typeof seatingTableSchema>;

/**
 * `GET /api/events/:eventId/tables`, and the answer of every seating change: the tables, who is not seated yet,
 * and whether every sector is within ⌊share⌋–⌈share⌉ at every table (`sectorBalanced`).
 */
export const seatingSchema = z.object({
  eventId: z.string(),
  /** When tables were (last) formed; null before. */
  formedAt: z.string().nullable(),
  tables: z.array(seatingTableSchema),
  unseated: z.array(seatedPerson),
  sectorBalanced: z.boolean(),
});
export type Seating = z.infer<typeof seatingSchema>;
