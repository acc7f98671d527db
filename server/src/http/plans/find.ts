import { entityIdSchema, registrationStatus, type EventSummary, type Plan } from '@cocrea/shared';
import type { PlanStore, StoredEvent, StoredRegistration } from '../../storage/PlanStore';
import { HttpError } from '../HttpError';

/** The plan a route's `:planId` names, or a 404 (a malformed id names nothing). */
export async function findPlan(store: PlanStore, id: unknown): Promise<Plan> {
  const plan = typeof id === 'string' && entityIdSchema.safeParse(id).success ? await store.getPlan(id) : null;
  if (!plan) throw new HttpError(404, 'plan_not_found', 'El plan no existe.');
  return plan;
}

/** The event a route's `:eventId` names, or a 404. */
export async function findEvent(store: PlanStore, id: unknown): Promise<StoredEvent> {
  const event = typeof id === 'string' && entityIdSchema.safeParse(id).success ? await store.getEvent(id) : null;
  if (!event) throw new HttpError(404, 'event_not_found', 'El evento no existe.');
  return event;
}

/** A registration of `eventId` that a route's `:registrationId` (or a body) names, or a 404. */
export async function findRegistration(store: PlanStore, eventId: string, id: unknown): Promise<StoredRegistration> {
  const found = typeof id === 'string' && entityIdSchema.safeParse(id).success ? await store.getRegistration(id) : null;
  if (!found || found.eventId !== eventId) {
    throw new HttpError(404, 'registration_not_found', 'El registro no existe en este evento.');
  }
  return found;
}

/** An event as the STL's pages show it: with where registration stands, how many registered, how many tables. */
export async function eventSummary(store: PlanStore, event: StoredEvent, now: number): Promise<EventSummary> {
  const [registered, seating] = await Promise.all([store.countRegistrations(event.id), store.getSeating(event.id)]);
  const { tablesFormedAt: _formed, ...fields } = event;
  return {
    ...fields,
    registrationStatus: registrationStatus(event, registered, now),
    registered,
    tables: seating.tables.length,
  };
}
