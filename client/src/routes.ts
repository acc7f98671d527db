import { mesaIdSchema, versionNumberParamSchema } from '@cocrea/shared';

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
  /** The public board. */
  board: '/tablero',
  /** The STL's area: every path below, which move between themselves after one login. */
  stlArea: '/stl/*?',
  stlLogin: '/stl',
  /** Accept an invitation (`#t=…`). */
  stlInvitation: '/stl/invitacion',
  /** Set a new password (`#t=…`). */
  stlPasswordReset: '/stl/contrasena',
  stlMesas: '/stl/mesas',
  stlReview: '/stl/revision',
  stlReviewVersion: '/stl/revision/:mesaId/:number',
  stlFollowUp: '/stl/seguimiento',
  stlTeam: '/stl/equipo',
} as const;

const segment = (value: string | number) => encodeURIComponent(String(value));

/** The path of a mesa's page. */
export const mesaPath = (mesaId: string) => PATHS.mesa.replace(':mesaId', segment(mesaId));

/** The path of a saved version's printable view. */
export const versionPrintPath = (mesaId: string, number: number) =>
  PATHS.versionPrint.replace(':mesaId', segment(mesaId)).replace(':number', segment(number));

/** The path of a saved version's review page. */
export const reviewVersionPath = (mesaId: string, number: number) =>
  PATHS.stlReviewVersion.replace(':mesaId', segment(mesaId)).replace(':number', segment(number));

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
