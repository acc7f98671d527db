import { z } from 'zod';
import { proactivePhaseSchema } from './proactive';
import { PLENARY_NOTICE_MAX } from './plenary';
import { reviewStatusSchema } from './review';

/**
 * What happened to the mesa's saved versions (or what the plenary's lead says), pushed to every open page of the mesa (the sync socket's message
 * 103) and to the STL's review page of the mesa (`GET /api/review/mesas/:id/events`). A notice says what changed,
 * never who changed it (Chatham House: the STL speaks as an institution, the mesa as a mesa); the pages show it and
 * read the panels' details again from the API, which stays the one source of truth.
 */

const versionNumber = z.int().min(1).max(999_999_999);
const count = z.int().min(0).max(1_000_000);

export const mesaNoticeSchema = z.discriminatedUnion('kind', [
  /** The facilitator saved the draft as version `number`. */
  z.strictObject({ kind: z.literal('versionSaved'), number: versionNumber }),
  /** The STL moved version `number` from `from` to `to`; `observations` is how many it has by now. */
  z.strictObject({
    kind: z.literal('reviewStatus'),
    number: versionNumber,
    from: reviewStatusSchema,
    to: reviewStatusSchema,
    observations: count,
  }),
  /** The STL wrote an observation on version `number`; `observations` is how many it has by now. */
  z.strictObject({ kind: z.literal('observation'), number: versionNumber, observations: count }),
  /** The facilitator answered an observation on version `number`, or marked it attended (or not). */
  z.strictObject({
    kind: z.literal('observationAnswer'),
    number: versionNumber,
    observationId: z.string().min(1).max(64),
    attended: z.boolean(),
  }),
  /** The STL moved the compromiso proactivo to phase `phase`. */
  z.strictObject({ kind: z.literal('phase'), phase: proactivePhaseSchema }),
  /**
   * The plenary's lead (an STL member) told every table of the event something ("Quedan 10 minutos"). Said as the
   * plenary's, never as a person's.
   */
  z.strictObject({ kind: z.literal('plenary'), text: z.string().min(1).max(PLENARY_NOTICE_MAX) }),
]);
export type MesaNotice = z.infer<typeof mesaNoticeSchema>;

/** The notice as sent, or null for text that is not one (a newer server's notice this client cannot read). */
export function parseMesaNotice(json: string): MesaNotice | null {
  try {
    const parsed = mesaNoticeSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
