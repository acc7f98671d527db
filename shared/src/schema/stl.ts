import { z } from 'zod';
import { ROLES, type Mesa, type Role } from './mesa';
import { SECTORS, type Sector } from './participant';
import { plainName } from './plainName';

/**
 * Accounts of the Secretariado Técnico Local (STL): the people who create, follow and close the mesas. The first
 * account is made with the admin token; every later one by a member's invitation.
 */

/** The minimum length of a password: long passphrases beat composition rules (NIST SP 800-63B). */
export const PASSWORD_MIN_LENGTH = 12;

/** An e-mail, compared and stored in lower case. */
export const emailSchema = z
  .string({ error: 'El correo electrónico es obligatorio.' })
  .trim()
  .toLowerCase()
  .max(254, 'El correo electrónico admite como máximo 254 caracteres.')
  .pipe(z.email({ error: 'Escriba un correo electrónico válido (nombre@dominio.mx).' }));

/** A new password. The upper bound only keeps hashing cheap to refuse; it is far beyond any passphrase. */
export const newPasswordSchema = z
  .string({ error: 'La contraseña es obligatoria.' })
  .min(PASSWORD_MIN_LENGTH, `La contraseña debe tener al menos ${PASSWORD_MIN_LENGTH} caracteres.`)
  .max(256, 'La contraseña admite como máximo 256 caracteres.');

/**
 * What a member may do. `stl` (every account unless an invitation says otherwise): everything. `seguimiento`
 * (follow-up): record the progress of published commitments, nothing else.
 */
export const STL_ROLES = ['stl', 'seguimiento'] as const;
export const stlRoleSchema = z.enum(STL_ROLES, { error: 'El rol debe ser stl o seguimiento.' });
export type StlRole = z.infer<typeof stlRoleSchema>;
export const STL_ROLE_LABELS: Record<StlRole, string> = { stl: 'STL', seguimiento: 'Seguimiento' };

export const memberNameSchema = z
  .string({ error: 'El nombre es obligatorio.' })
  .trim()
  .min(2, 'Escriba su nombre (al menos 2 caracteres).')
  .max(80, 'El nombre admite como máximo 80 caracteres.')
  .superRefine(plainName);

/** `POST /api/stl/members` (admin token): the bootstrap of the first account, and scripts. */
export const createMemberSchema = z.strictObject({
  email: emailSchema,
  name: memberNameSchema,
  password: newPasswordSchema,
  role: stlRoleSchema.default('stl'),
});
export type CreateMember = z.infer<typeof createMemberSchema>;

/** `POST /api/stl/login`. The password is not checked against the policy here: it is only compared. */
export const loginSchema = z.strictObject({
  email: emailSchema,
  password: z
    .string({ error: 'La contraseña es obligatoria.' })
    .min(1, 'La contraseña es obligatoria.')
    .max(256, 'La contraseña admite como máximo 256 caracteres.'),
});
export type Login = z.infer<typeof loginSchema>;

/** `POST /api/stl/invitations`: whom a member invites, and with which role. */
export const createInvitationSchema = z.strictObject({ email: emailSchema, role: stlRoleSchema.default('stl') });
export type CreateInvitation = z.infer<typeof createInvitationSchema>;

/** A one-time link's token: 32 random bytes, base64url (43 characters), as capability tokens. */
const oneTimeTokenSchema = (message: string) => z.string({ error: message }).regex(/^[A-Za-z0-9_-]{43}$/, message);

export const invitationTokenSchema = oneTimeTokenSchema('La invitación no es válida.');

/** `POST /api/stl/invitations/accept`: the invitee's token (from the link's `#t=`), name and password. */
export const acceptInvitationSchema = z.strictObject({
  token: invitationTokenSchema,
  name: memberNameSchema,
  password: newPasswordSchema,
});
export type AcceptInvitation = z.infer<typeof acceptInvitationSchema>;

/** `POST /api/stl/password-reset/accept`: the token of the link another member made (its `#t=`), and the new password. */
export const resetPasswordSchema = z.strictObject({
  token: oneTimeTokenSchema('El enlace para crear una contraseña nueva no es válido.'),
  password: newPasswordSchema,
});
export type ResetPassword = z.infer<typeof resetPasswordSchema>;

/** A member as the API shows one: never the password hash. */
export interface StlMember {
  id: string;
  email: string;
  name: string;
  role: StlRole;
  createdAt: string;
}

/** A member as the STL's team list shows one: with whether the account may still sign in. */
export interface TeamMember extends StlMember {
  /** When another member took away the account's access; null while it has it. */
  disabledAt: string | null;
  /** The name of the member who took it away; null while it has it, or if the admin token did. */
  disabledBy: string | null;
  /** When the account last signed in (ISO 8601); null if it has not since the server started recording it. */
  lastSignedInAt: string | null;
}

/**
 * `PATCH /api/stl/members/:id`: another member's role, or whether the account may sign in (`active: false` takes
 * the access away and ends its sessions; `true` gives it back).
 */
export const updateMemberSchema = z
  .strictObject({
    role: stlRoleSchema.optional(),
    active: z.boolean({ error: 'active debe ser true o false.' }).optional(),
  })
  .refine((change) => change.role !== undefined || change.active !== undefined, {
    error: 'Indique el rol (role) o el acceso (active) que cambia.',
  });
export type UpdateMember = z.infer<typeof updateMemberSchema>;

/**
 * Who is logged in, and the token every state-changing request of this session must repeat in the
 * `X-Cocrea-CSRF` header. It is handed out here, never in a cookie, so another site cannot read it.
 */
export interface StlSession {
  member: StlMember;
  csrfToken: string;
}

/** The header that carries {@link StlSession.csrfToken}. */
export const CSRF_HEADER = 'x-cocrea-csrf';

/** `POST /api/stl/invitations`'s answer: the one-time link, shown once. */
export interface CreatedInvitation {
  email: string;
  role: StlRole;
  expiresAt: string;
  link: string;
}

/** An invitation not yet used, as the team page lists it (never its link: that was shown once). */
export interface PendingInvitation {
  id: string;
  email: string;
  role: StlRole;
  /** The name of the member who made it. */
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
}

/** `POST /api/stl/members/:id/password-reset`'s answer: the one-time link for the member, shown once. */
export interface CreatedPasswordReset {
  name: string;
  email: string;
  expiresAt: string;
  link: string;
}

/** Who joined a mesa, counted by sector and by role; everyone who joined counts, observers too. */
export interface Attendance {
  total: number;
  bySector: Record<Sector, number>;
  byRole: Record<Role, number>;
}

/** A mesa in the STL's list. */
export interface MesaSummary extends Mesa {
  attendance: Attendance;
}

/** An attendance with every count at zero, every sector and role present. */
export function emptyAttendance(): Attendance {
  return {
    total: 0,
    bySector: Object.fromEntries(Object.keys(SECTORS).map((s) => [s, 0])) as Record<Sector, number>,
    byRole: Object.fromEntries(ROLES.map((r) => [r, 0])) as Record<Role, number>,
  };
}

/** `POST /api/mesas`'s answer: the three links, whose tokens the server keeps only as hashes. */
export interface CreatedMesa {
  mesa: Mesa;
  links: Record<Role, string>;
  tokens: Record<Role, string>;
}

/** `POST /api/mesas/:id/links/:role`'s answer: the role's new link; the old one stops working. */
export interface RotatedLink {
  role: Role;
  link: string;
  token: string;
}
