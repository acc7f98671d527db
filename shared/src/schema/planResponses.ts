import { z } from 'zod';
import { eventSummarySchema } from './event';
import { planSchema } from './plan';
import { mesaSummaryListSchema } from './responses';

/** `POST /api/plans` (201) and `PATCH /api/plans/:planId`. */
export const planAnswerSchema = z.object({ plan: planSchema });

/** `GET /api/plans`: every plan, the newest first. */
export const planListSchema = z.object({ plans: z.array(planSchema) });

/**
 * `GET /api/plans/:planId`: the plan, its events (by date) and every mesa in it, the events' tables and the mesas
 * made one by one, with their attendance as `GET /api/mesas` shows it.
 */
export const planDetailSchema = z.object({
  plan: planSchema,
  events: z.array(eventSummarySchema),
  mesas: mesaSummaryListSchema.shape.mesas,
});
export type PlanDetail = z.infer<typeof planDetailSchema>;

/** `GET /api/events/:eventId` and `PATCH` it. */
export const eventAnswerSchema = z.object({ event: eventSummarySchema });
