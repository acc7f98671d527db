import { z } from 'zod';
import { BOARD_LICENSE, type Board, type PublicCommitment, type RecordedProgress } from './board';
import { ACTIVITY_STATUSES, type BoardView } from './boardView';
import { EVIDENCE_MEDIA_TYPES, type EvidenceFile, type PublicEvidence } from './evidence';
import { commitmentSchema } from './commitment';
import { commitmentTypeSchema, odsSchema, principleSchema } from './commitmentCatalogues';
import { versionStageSchema, type CommitmentVersion, type CommitmentVersionSummary } from './commitmentVersion';
import { mesaSchema, roleSchema, ROLES, THEMES, type Theme } from './mesa';
import { SECTORS, type Participant, type Sector } from './participant';
import { recordedVoteSchema } from './vote';
import {
  COMPLETION_LEVELS,
  reviewStatusSchema,
  type AuthoredObservation,
  type MesaObservation,
  type ReviewEvent,
  type ReviewInboxItem,
  type ReviewedVersion,
} from './review';
import {
  stlRoleSchema,
  type CreatedInvitation,
  type CreatedMesa,
  type CreatedPasswordReset,
  type MesaSummary,
  type PendingInvitation,
  type RotatedLink,
  type StlSession,
  type TeamMember,
} from './stl';

/**
 * What the HTTP API answers, one schema per answer: the client parses every response with these, so a server of
 * another version (a deploy between two requests) or a proxy's page fails as a clear error, never as a crash deep
 * in a component. Each is checked by the compiler against the type the server builds (`satisfies`), so the two
 * cannot drift apart. They live here rather than beside their types because answers nest types of modules that
 * import each other (a review item is a version summary, a version has a review status).
 *
 * Objects are not strict: a newer server may add a field, and this client simply does not read it.
 */

const isoInstant = z.string();
const theme = z.enum(Object.keys(THEMES) as [Theme, ...Theme[]]);
const sector = z.enum(Object.keys(SECTORS) as [Sector, ...Sector[]]);
const completionLevel = z.enum(COMPLETION_LEVELS);

// ---------------------------------------------------------------------------------------------------------------
// A mesa, for the people in it

const participantSchema = z.object({
  id: z.string(),
  role: roleSchema,
  name: z.string(),
  sector,
  organization: z.string(),
  color: z.string(),
}) satisfies z.ZodType<Participant>;

/** `GET /api/mesas/:id/session`: the mesa, the role the link gives, and who the browser joined as (if it did). */
export const mesaSessionSchema = z.object({
  mesa: mesaSchema,
  role: roleSchema,
  participant: participantSchema.nullable(),
});
export type MesaSession = z.infer<typeof mesaSessionSchema>;

/** `POST /api/mesas/:id/join`: who joined, and the seat token that says so later (shown once). */
export const joinedSchema = z.object({ participant: participantSchema, seat: z.string() });

/** `GET /api/time`: the server's clock, in epoch milliseconds. */
export const serverTimeSchema = z.object({ now: z.number().finite() });

// ---------------------------------------------------------------------------------------------------------------
// Commitment versions

const versionSummaryShape = {
  number: z.int().min(1),
  savedAt: isoInstant,
  stage: versionStageSchema,
  contentHash: z.string(),
  status: reviewStatusSchema,
};
const versionSummarySchema = z.object(versionSummaryShape) satisfies z.ZodType<CommitmentVersionSummary>;
const versionShape = {
  ...versionSummaryShape,
  mesaId: z.string(),
  commitment: commitmentSchema,
  // A server from before dot voting sends none.
  votes: z.array(recordedVoteSchema).default([]),
};

/** `GET|POST /api/mesas/:id/commitment/versions[/:n]`: one saved version, with its content. */
export const commitmentVersionSchema = z.object(versionShape) satisfies z.ZodType<CommitmentVersion>;

/** `GET /api/mesas/:id/commitment/versions`: the versions, without content. */
export const commitmentVersionListSchema = z.object({ versions: z.array(versionSummarySchema) });

const observationShape = {
  id: z.string(),
  versionNumber: z.int().min(1),
  path: z.string(),
  text: z.string(),
  createdAt: isoInstant,
  response: z.object({ text: z.string(), attended: z.boolean(), at: isoInstant }).nullable(),
};

/** One observation as the mesa sees it: `POST …/observations/:id/response` answers with it. */
export const mesaObservationSchema = z.object({
  ...observationShape,
  versionStatus: reviewStatusSchema,
}) satisfies z.ZodType<MesaObservation>;

/** `GET /api/mesas/:id/commitment/observations`: the STL's observations, without who wrote them. */
export const mesaObservationListSchema = z.object({
  observations: z.array(mesaObservationSchema),
});

// ---------------------------------------------------------------------------------------------------------------
// The STL's area

const stlMemberShape = {
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: stlRoleSchema,
  createdAt: isoInstant,
};

/** `GET /api/stl/me`, and every answer that signs a member in. */
export const stlSessionSchema = z.object({
  member: z.object(stlMemberShape),
  csrfToken: z.string(),
}) satisfies z.ZodType<StlSession>;

const teamMemberSchema = z.object({
  ...stlMemberShape,
  disabledAt: isoInstant.nullable(),
  disabledBy: z.string().nullable(),
  lastSignedInAt: isoInstant.nullable(),
}) satisfies z.ZodType<TeamMember>;

/** `GET /api/stl/members`. */
export const teamMemberListSchema = z.object({ members: z.array(teamMemberSchema) });

/** `PATCH /api/stl/members/:id`. */
export const updatedMemberSchema = z.object({ member: teamMemberSchema });

/** `POST /api/stl/invitations`. */
export const createdInvitationSchema = z.object({
  email: z.string(),
  role: stlRoleSchema,
  expiresAt: isoInstant,
  link: z.string(),
}) satisfies z.ZodType<CreatedInvitation>;

/** `GET /api/stl/invitations`. */
export const pendingInvitationListSchema = z.object({
  invitations: z.array(
    z.object({
      id: z.string(),
      email: z.string(),
      role: stlRoleSchema,
      invitedBy: z.string(),
      createdAt: isoInstant,
      expiresAt: isoInstant,
    }) satisfies z.ZodType<PendingInvitation>,
  ),
});

/** `POST /api/stl/members/:id/password-reset`. */
export const createdPasswordResetSchema = z.object({
  name: z.string(),
  email: z.string(),
  expiresAt: isoInstant,
  link: z.string(),
}) satisfies z.ZodType<CreatedPasswordReset>;

const byRole = <T extends z.ZodType>(value: T) => z.object({ facilitator: value, participant: value, observer: value });

/** `GET /api/mesas`: the STL's mesas, each with its attendance. */
export const mesaSummaryListSchema = z.object({
  mesas: z.array(
    mesaSchema.extend({
      attendance: z.object({
        total: z.int().min(0),
        bySector: z.record(sector, z.int().min(0)),
        byRole: byRole(z.int().min(0)),
      }),
    }) satisfies z.ZodType<MesaSummary>,
  ),
});

/** `POST /api/mesas`: the new mesa and its three links. */
export const createdMesaSchema = z.object({
  mesa: mesaSchema,
  links: byRole(z.string()),
  tokens: byRole(z.string()),
}) satisfies z.ZodType<CreatedMesa>;

/** `POST /api/mesas/:id/close`. */
export const closedMesaSchema = z.object({ mesa: mesaSchema });

/** `POST /api/mesas/:id/phase`: the compromiso proactivo at its new phase. */
export const movedPhaseSchema = z.object({ mesa: mesaSchema });

/** `POST /api/mesas/:id/links/:role`. */
export const rotatedLinkSchema = z.object({
  role: z.enum(ROLES),
  link: z.string(),
  token: z.string(),
}) satisfies z.ZodType<RotatedLink>;

// ---------------------------------------------------------------------------------------------------------------
// Review

/** `GET /api/review/versions`. */
export const reviewInboxSchema = z.object({
  versions: z.array(
    z.object({
      ...versionSummaryShape,
      mesaId: z.string(),
      mesaTitle: z.string(),
      theme,
      observationCount: z.int().min(0),
    }) satisfies z.ZodType<ReviewInboxItem>,
  ),
});

/** `POST /api/review/mesas/:id/versions/:n/observations`. */
export const authoredObservationSchema = z.object({
  ...observationShape,
  author: z.string(),
}) satisfies z.ZodType<AuthoredObservation>;

/** `GET /api/review/mesas/:id/versions/:n`, and a status change's answer. */
export const reviewedVersionSchema = z.object({
  ...versionShape,
  mesaTitle: z.string(),
  history: z.array(
    z.object({
      from: reviewStatusSchema.nullable(),
      to: reviewStatusSchema,
      by: z.string().nullable(),
      at: isoInstant,
    }) satisfies z.ZodType<ReviewEvent>,
  ),
  observations: z.array(authoredObservationSchema),
}) satisfies z.ZodType<ReviewedVersion>;

// ---------------------------------------------------------------------------------------------------------------
// Follow-up and the public board

const evidenceMediaType = z.enum(EVIDENCE_MEDIA_TYPES);

const publicEvidenceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('link'), title: z.string(), url: z.string() }),
  z.object({
    kind: z.literal('file'),
    title: z.string(),
    url: z.string(),
    fileId: z.string(),
    fileName: z.string(),
    mediaType: evidenceMediaType,
    size: z.number(),
  }),
]) satisfies z.ZodType<PublicEvidence>;

/** `POST /api/followup/mesas/:id/activities/:activityId/files`. */
export const evidenceFileSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  mediaType: evidenceMediaType,
  size: z.number(),
}) satisfies z.ZodType<EvidenceFile>;

const progressShape = {
  level: completionLevel,
  evidence: z.array(publicEvidenceSchema),
  note: z.string(),
};

/** `PUT /api/followup/mesas/:id/activities/:activityId`. */
export const recordedProgressSchema = z.object({
  ...progressShape,
  level: completionLevel.exclude(['sin_evidencia']),
  activityId: z.string(),
  updatedAt: isoInstant,
}) satisfies z.ZodType<RecordedProgress>;

const boardPlanSchema = z.object({ id: z.string(), title: z.string() });

/** `GET /api/tablero/compromisos/:mesaId`: one published commitment, as the whole board lists it. */
export const publicCommitmentSchema = z.object({
  mesaId: z.string(),
  plan: boardPlanSchema.nullable(),
  mesaTitle: z.string(),
  title: z.string(),
  type: commitmentTypeSchema,
  leadInstitution: z.string(),
  theme,
  version: z.int().min(1),
  publishedAt: isoInstant,
  problem: z.string(),
  longTermObjective: z.string(),
  commitment: z.string(),
  linesOfAction: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      activities: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          objective: z.string(),
          verification: z.string(),
          startDate: z.string(),
          endDate: z.string(),
          progress: z.object({ ...progressShape, updatedAt: isoInstant.nullable() }),
        }),
      ),
    }),
  ),
  roadmap: z.object({
    responsibles: z.array(z.object({ name: z.string(), position: z.string(), institution: z.string() })),
    coResponsibleOrganization: z.string(),
    finalResult: z.string(),
    products: z.array(z.string()),
    indicators: z.array(z.object({ name: z.string(), formula: z.string(), goal: z.string() })),
    startDate: z.string(),
    endDate: z.string(),
  }),
  route: z.array(z.object({ text: z.string(), startMonth: z.string().nullable(), endMonth: z.string().nullable() })),
  principles: z.array(principleSchema),
  ods: z.array(odsSchema),
  genderPerspective: z.string(),
  statePriorities: z.string(),
  completion: completionLevel,
}) satisfies z.ZodType<PublicCommitment>;

/** `GET /api/tablero`: the public board's open data. */
export const boardSchema = z.object({
  license: z.object({
    name: z.literal(BOARD_LICENSE.name),
    url: z.literal(BOARD_LICENSE.url),
    attribution: z.literal(BOARD_LICENSE.attribution),
  }),
  updatedAt: isoInstant.nullable(),
  commitments: z.array(publicCommitmentSchema),
}) satisfies z.ZodType<Board>;

const countsOf = <K extends string>(keys: readonly K[]) =>
  z.object({ total: z.int(), ...Object.fromEntries(keys.map((k) => [k, z.int()])) }) as unknown as z.ZodType<
    Record<K, number> & { total: number }
  >;

/** `GET /api/tablero/vista`: the board at a glance. */
export const boardViewSchema = z.object({
  today: z.string(),
  updatedAt: isoInstant.nullable(),
  summary: z.array(
    z.object({
      plan: boardPlanSchema.nullable(),
      themes: z.array(
        z.object({
          theme,
          commitments: countsOf(COMPLETION_LEVELS),
          activities: countsOf(ACTIVITY_STATUSES),
        }),
      ),
    }),
  ),
  plans: z.array(boardPlanSchema),
  institutions: z.array(z.string()),
  total: z.int(),
  page: z.int(),
  pageCount: z.int(),
  commitments: z.array(publicCommitmentSchema),
}) satisfies z.ZodType<BoardView>;
