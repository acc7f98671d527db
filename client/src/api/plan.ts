import {
  CSRF_HEADER,
  checkedInSchema,
  createdEventSchema,
  createdRegistrationSchema,
  eventAnswerSchema,
  eventAttendanceSchema,
  kitItemSchema,
  kitSchema,
  planAnswerSchema,
  planDetailSchema,
  planListSchema,
  plenaryNoticeSentSchema,
  plenaryStartResultSchema,
  registrantListSchema,
  registrationLinkSchema,
  seatingSchema,
  type CreateEvent,
  type AddKitLink,
  type CreatePlan,
  type PlenaryNoticeRequest,
  type Register,
  type UpdateEvent,
  type UpdateSeat,
} from '@cocrea/shared';
import { request, requestNoContent } from './request';

/**
 * The STL's calls for plans, co-creation events, their registrants and tables. The session cookie rides by
 * itself; every change carries the session's CSRF token.
 */

const changing = (csrfToken: string, body: unknown, method: 'POST' | 'PATCH' | 'PUT' = 'POST'): RequestInit => ({
  method,
  headers: { [CSRF_HEADER]: csrfToken },
  body: JSON.stringify(body),
});

const planUrl = (planId: string) => `/api/plans/${encodeURIComponent(planId)}`;
const eventUrl = (eventId: string) => `/api/events/${encodeURIComponent(eventId)}`;

export const listPlans = () => request(planListSchema, '/api/plans');

export const createPlan = (csrfToken: string, input: CreatePlan) =>
  request(planAnswerSchema, '/api/plans', changing(csrfToken, input));

export const fetchPlan = (planId: string) => request(planDetailSchema, planUrl(planId));

export const createEvent = (csrfToken: string, planId: string, input: CreateEvent) =>
  request(createdEventSchema, `${planUrl(planId)}/events`, changing(csrfToken, input));

export const fetchEvent = (eventId: string) => request(eventAnswerSchema, eventUrl(eventId));

export const updateEvent = (csrfToken: string, eventId: string, change: UpdateEvent) =>
  request(eventAnswerSchema, eventUrl(eventId), changing(csrfToken, change, 'PATCH'));

/** A new registration link: for an event by invitation, the old link registers nobody from then on. */
export const newRegistrationLink = (csrfToken: string, eventId: string) =>
  request(registrationLinkSchema, `${eventUrl(eventId)}/registration-link`, changing(csrfToken, {}));

export const listRegistrants = (eventId: string) => request(registrantListSchema, `${eventUrl(eventId)}/registrations`);

/** Marks a registrant present (or not) at the event's registration desk. */
export const markPresent = (csrfToken: string, eventId: string, registrationId: string, present: boolean) =>
  request(
    checkedInSchema,
    `${eventUrl(eventId)}/registrations/${encodeURIComponent(registrationId)}/attendance`,
    changing(csrfToken, { present }, 'PUT'),
  );

/** The STL registers someone at the door: allowed past the closing and the capacity. */
export const registerAtDoor = (csrfToken: string, eventId: string, input: Register) =>
  request(createdRegistrationSchema, `${eventUrl(eventId)}/registrations`, changing(csrfToken, input));

export const fetchSeating = (eventId: string) => request(seatingSchema, `${eventUrl(eventId)}/tables`);

/** "Formar mesas"; again with `reform`, re-seats everyone but the locked seats. */
export const formTables = (csrfToken: string, eventId: string, reform: boolean) =>
  request(seatingSchema, `${eventUrl(eventId)}/tables`, changing(csrfToken, { reform }));

/** Seats a late arrival; without `table`, where the sectors' balance is best kept. */
export const seatLate = (csrfToken: string, eventId: string, registrationId: string, table?: number) =>
  request(seatingSchema, `${eventUrl(eventId)}/seats`, changing(csrfToken, { registrationId, table }));

export const updateSeat = (csrfToken: string, eventId: string, registrationId: string, change: UpdateSeat) =>
  request(
    seatingSchema,
    `${eventUrl(eventId)}/seats/${encodeURIComponent(registrationId)}`,
    changing(csrfToken, change, 'PATCH'),
  );

export const chooseFacilitator = (csrfToken: string, eventId: string, table: number, registrationId: string | null) =>
  request(
    seatingSchema,
    `${eventUrl(eventId)}/tables/${table}/facilitator`,
    changing(csrfToken, { registrationId }, 'PUT'),
  );

export const fetchAttendance = (eventId: string) => request(eventAttendanceSchema, `${eventUrl(eventId)}/attendance`);

/** The attendance CSV's address: a plain download, the session cookie going with it. */
export const attendanceCsvUrl = (eventId: string) => `${eventUrl(eventId)}/attendance.csv`;

export const fetchKit = (eventId: string) => request(kitSchema, `${eventUrl(eventId)}/kit`);

export const addKitLink = (csrfToken: string, eventId: string, input: AddKitLink) =>
  request(kitItemSchema, `${eventUrl(eventId)}/kit/links`, changing(csrfToken, input));

/** Sends a file's bytes as they are: the server decides its type from them, never from its name. */
export const addKitFile = (csrfToken: string, eventId: string, title: string, file: File) =>
  request(
    kitItemSchema,
    `${eventUrl(eventId)}/kit/files?${new URLSearchParams({ title, name: file.name }).toString()}`,
    { method: 'POST', headers: { [CSRF_HEADER]: csrfToken, 'content-type': 'application/octet-stream' }, body: file },
  );

export const removeKitItem = (csrfToken: string, eventId: string, itemId: string) =>
  requestNoContent(`${eventUrl(eventId)}/kit/${encodeURIComponent(itemId)}`, {
    method: 'DELETE',
    headers: { [CSRF_HEADER]: csrfToken },
  });

/** A kit file's address for the STL: a plain download, the session cookie going with it. */
export const kitFileUrl = (eventId: string, itemId: string) =>
  `${eventUrl(eventId)}/kit/files/${encodeURIComponent(itemId)}`;

/** The plenary's live stream (server-sent events, the session cookie going with it). */
export const plenaryEventsUrl = (eventId: string) => `${eventUrl(eventId)}/plenary/events`;

/** "Iniciar todas las mesas": each table's answer, started or why not. */
export const startAllTables = (csrfToken: string, eventId: string) =>
  request(plenaryStartResultSchema, `${eventUrl(eventId)}/plenary/start`, changing(csrfToken, {}));

/** A notice from the plenary to every table's open pages. */
export const sendPlenaryNotice = (csrfToken: string, eventId: string, input: PlenaryNoticeRequest) =>
  request(plenaryNoticeSentSchema, `${eventUrl(eventId)}/plenary/notices`, changing(csrfToken, input));
