import {
  commitmentVersionListSchema,
  commitmentVersionSchema,
  mesaObservationListSchema,
  type Commitment,
  type CommitmentVersion,
  type CommitmentVersionSummary,
  type MesaObservation,
} from '@cocrea/shared';
import { request } from './request';

const base = (mesaId: string) => `/api/mesas/${encodeURIComponent(mesaId)}/commitment/versions`;
const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** "Guardar compromiso": stores a new immutable version (facilitator only; the server checks). */
export function saveCommitmentVersion(
  mesaId: string,
  token: string,
  commitment: Commitment | Record<string, unknown>,
): Promise<CommitmentVersion> {
  return request(commitmentVersionSchema, base(mesaId), {
    method: 'POST',
    headers: auth(token),
    body: JSON.stringify({ commitment }),
  });
}

export async function listCommitmentVersions(mesaId: string, token: string): Promise<CommitmentVersionSummary[]> {
  const { versions } = await request(commitmentVersionListSchema, base(mesaId), { headers: auth(token) });
  return versions;
}

export function fetchCommitmentVersion(mesaId: string, token: string, number: number): Promise<CommitmentVersion> {
  return request(commitmentVersionSchema, `${base(mesaId)}/${number}`, { headers: auth(token) });
}

/** The STL's observations on the mesa's versions, without who of the STL wrote them. */
export async function fetchObservations(mesaId: string, token: string): Promise<MesaObservation[]> {
  const { observations } = await request(
    mesaObservationListSchema,
    `/api/mesas/${encodeURIComponent(mesaId)}/commitment/observations`,
    { headers: auth(token) },
  );
  return observations;
}
