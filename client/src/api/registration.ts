import {
  createdRegistrationSchema,
  mesaEntrySchema,
  mesaKitSchema,
  publicEventSchema,
  registrationPageSchema,
  type Register,
} from '@cocrea/shared';
import { downloadUrl } from '../files/download';
import { t } from '../i18n/t';
import { ApiFailure, request } from './request';

/** A registrant's calls: the public registration, then their own page with the secret of its link. */

const eventUrl = (eventId: string) => `/api/events/${encodeURIComponent(eventId)}`;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** What the registration page shows; `invitation` is the secret of an invitation link, when there is one. */
export const fetchPublicEvent = (eventId: string) => request(publicEventSchema, `${eventUrl(eventId)}/registration`);

export const register = (eventId: string, input: Register, invitation: string | null) =>
  request(createdRegistrationSchema, `${eventUrl(eventId)}/registrations`, {
    method: 'POST',
    headers: invitation ? bearer(invitation) : {},
    body: JSON.stringify(input),
  });

export const fetchOwnRegistration = (token: string) =>
  request(registrationPageSchema, '/api/registrations/me', { headers: bearer(token) });

/** The way into the registrant's table: the mesa's token and seat, as its join form would have given them. */
export const enterTable = (token: string) =>
  request(mesaEntrySchema, '/api/registrations/me/mesa', { method: 'POST', headers: bearer(token) });

/**
 * Downloads a kit file with the registration's secret (a plain link could not carry it): the bytes the server
 * typed from their content, saved under the name it gave.
 */
export async function downloadKitFile(
  token: string,
  eventId: string,
  item: { id: string; fileName: string },
): Promise<void> {
  let res: Response;
  try {
    res = await fetch(`${eventUrl(eventId)}/kit/files/${encodeURIComponent(item.id)}`, { headers: bearer(token) });
  } catch {
    throw new ApiFailure(0, t('error.network'));
  }
  if (!res.ok) throw new ApiFailure(res.status, t('kit.downloadError'));
  const url = URL.createObjectURL(await res.blob());
  downloadUrl(url, item.fileName);
  // Long enough for the browser to have read the blob; then it is garbage.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A table mesa's kit, read with the mesa's link; `eventId` is null for a mesa that belongs to no event. */
export const fetchMesaKit = (mesaId: string, token: string) =>
  request(mesaKitSchema, `/api/mesas/${encodeURIComponent(mesaId)}/kit`, { headers: bearer(token) });
