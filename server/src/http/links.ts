import type { Request } from 'express';

/** The base of the links handed out: the configured public URL, or else the origin the request came to. */
export function linkBase(req: Request, publicUrl: string | undefined): string {
  return publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

/** The link a person opens: the token rides in the fragment, which browsers never send to a server or a log. */
export function mesaLink(base: string, mesaId: string, token: string): string {
  return `${base}/mesa/${mesaId}#k=${token}`;
}

/** An invitation to the STL, one-time; its token rides in the fragment for the same reason. */
export function invitationLink(base: string, token: string): string {
  return `${base}/stl/invitacion#t=${token}`;
}

/** A member's one-time link to set a new password; the token in the fragment, likewise. */
export function passwordResetLink(base: string, token: string): string {
  return `${base}/stl/contrasena#t=${token}`;
}

/** An event's registration page; for an invitation-only event, with its secret in the fragment. */
export function registrationLink(base: string, eventId: string, invitation: string | null): string {
  return `${base}/evento/${eventId}/registro${invitation === null ? '' : `#i=${invitation}`}`;
}

/** A registrant's own page; the token in the fragment, as every secret link. */
export function ownRegistrationLink(base: string, eventId: string, token: string): string {
  return `${base}/evento/${eventId}/mi-registro#r=${token}`;
}
