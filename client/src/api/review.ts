import {
  CSRF_HEADER,
  authoredObservationSchema,
  reviewInboxSchema,
  reviewedVersionSchema,
  type CreateObservation,
  type ReviewInboxItem,
  type ReviewStatus,
} from '@cocrea/shared';
import { request } from './request';

/** The STL's review calls: the session cookie rides by itself; changes carry its CSRF token. */

const post = (csrfToken: string, body: unknown): RequestInit => ({
  method: 'POST',
  headers: { [CSRF_HEADER]: csrfToken },
  body: JSON.stringify(body),
});

const versionUrl = (mesaId: string, number: number) =>
  `/api/review/mesas/${encodeURIComponent(mesaId)}/versions/${number}`;

/** The inbox's filters as chosen in its form; `''` is "any". */
export interface InboxFilters {
  theme: string;
  mesa: string;
  status: string;
}

export async function listReviewVersions(filters: InboxFilters): Promise<ReviewInboxItem[]> {
  const query = new URLSearchParams(Object.entries(filters).filter(([, value]) => value !== ''));
  const { versions } = await request(reviewInboxSchema, `/api/review/versions?${query}`);
  return versions;
}

export const fetchReviewedVersion = (mesaId: string, number: number) =>
  request(reviewedVersionSchema, versionUrl(mesaId, number));

export const setReviewStatus = (
  csrfToken: string,
  mesaId: string,
  number: number,
  from: ReviewStatus,
  to: ReviewStatus,
) => request(reviewedVersionSchema, `${versionUrl(mesaId, number)}/status`, post(csrfToken, { status: to, from }));

export const addObservation = (csrfToken: string, mesaId: string, number: number, input: CreateObservation) =>
  request(authoredObservationSchema, `${versionUrl(mesaId, number)}/observations`, post(csrfToken, input));
