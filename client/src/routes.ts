import { entityIdSchema, mesaIdSchema, versionNumberParamSchema } from '@cocrea/shared';

/**
 * Every path of the app, in one table: the router matches these patterns (wouter's `:param` syntax) and links are
 * built from them with the functions below, so a path is written once.
 */
export const PATHS = {
  home: '/',
  /** A mesa, opened from a capability link (`#k=…` after the path). */
  mesa: '/mesa/:mesaId',
  /** The printable view of one of a mesa's saved commitment versions. */
  versionPrint: '/mesa/:mesaId/compromiso/:number',
  /** The public board; its search and filters in the query string. */
  board: '/tablero',
  /** A plan's printable document: its published commitments (public). */
  planDocument: '/planes/:planId/documento',
  /** One published commitment on the public board: a page of its own, a link to share. */
  boardCommitment: '/tablero/compromisos/:mesaId',
  /** A co-creation event's public registration page (`#i=…` after it when registration is by invitation). */
  eventRegistration: '/evento/:eventId/registro',
  /** A registrant's own page, opened from its secret link (`#r=…`) or from what this browser kept. */
  ownRegistration: '/evento/:eventId/mi-registro',
  /** The STL's area: every path below, which move between themselves after one login. */
  stlArea: '/stl/*?',
  stlLogin: '/stl',
  /** Accept an invitation (`#t=…`). */
  stlInvitation: '/stl/invitacion',
  /** Set a new password (`#t=…`). */
  stlPasswordReset: '/stl/contrasena',
  stlMesas: '/stl/mesas',
  /** The Planes de Acción Local; the STL's pages are organised by plan. */
  stlPlans: '/stl/planes',
  stlPlan: '/stl/planes/:planId',
  stlEvent: '/stl/eventos/:eventId',
  /** The plenary view of an event: every table live, and the commands for all of them. */
  stlPlenary: '/stl/eventos/:eventId/plenaria',
  stlReview: '/stl/revision',
  stlReviewVersion: '/stl/revision/:mesaId/:number',
  stlFollowUp: '/stl/seguimiento',
  stlTeam: '/stl/equipo',
} as const;

const segment = (value: string | number) => encodeURIComponent(String(value));

/** The path of a mesa's page. */
export const mesaPath = (mesaId: string) => PATHS.mesa.replace(':mesaId', segment(mesaId));

/** The path of a published commitment's own page on the board. */
export const boardCommitmentPath = (mesaId: string) => PATHS.boardCommitment.replace(':mesaId', segment(mesaId));

/** The path of a saved version's printable view. */
export const versionPrintPath = (mesaId: string, number: number) =>
  PATHS.versionPrint.replace(':mesaId', segment(mesaId)).replace(':number', segment(number));

/** The path of a saved version's review page. */
export const reviewVersionPath = (mesaId: string, number: number) =>
  PATHS.stlReviewVersion.replace(':mesaId', segment(mesaId)).replace(':number', segment(number));

/** The path of a plan's page (the STL's). */
export const planPath = (planId: string) => PATHS.stlPlan.replace(':planId', segment(planId));

/** The path of a plan's printable document (public). */
export const planDocumentPath = (planId: string) => PATHS.planDocument.replace(':planId', segment(planId));

/** The path of a co-creation event's page (the STL's). */
export const eventPath = (eventId: string) => PATHS.stlEvent.replace(':eventId', segment(eventId));

/** The path of an event's plenary view (the STL's). */
export const plenaryPath = (eventId: string) => PATHS.stlPlenary.replace(':eventId', segment(eventId));

/** The path of an event's public registration page. */
export const eventRegistrationPath = (eventId: string) => PATHS.eventRegistration.replace(':eventId', segment(eventId));

/** The path of a registrant's own page (its secret goes after it, as `#r=…`, or stays in this browser). */
export const ownRegistrationPath = (eventId: string) => PATHS.ownRegistration.replace(':eventId', segment(eventId));

/** A plan, event or registration id out of a path, checked with the shared schema; `null` when it cannot be one. */
export function entityParam(value: string | undefined): string | null {
  const id = entityIdSchema.safeParse(value);
  return id.success ? id.data : null;
}

/** A mesa id out of a path, checked with the shared schema; `null` when it cannot be one. */
export function mesaParam(params: { mesaId?: string | undefined }): string | null {
  const mesaId = mesaIdSchema.safeParse(params.mesaId);
  return mesaId.success ? mesaId.data : null;
}

/** A mesa id and a version number out of a path, checked with the shared schemas; `null` when either is wrong. */
export function versionParams(params: {
  mesaId?: string | undefined;
  number?: string | undefined;
}): { mesaId: string; number: number } | null {
  const mesaId = mesaParam(params);
  const number = versionNumberParamSchema.safeParse(params.number);
  return mesaId !== null && number.success ? { mesaId, number: number.data } : null;
}
