import {
  commitmentVersionListSchema,
  commitmentVersionSchema,
  mesaObservationListSchema,
  mesaObservationSchema,
  type Commitment,
  type CommitmentVersion,
  type CommitmentVersionSummary,
  type MesaObservation,
  type ObservationResponseInput,
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

/** The facilitator answers an observation or marks it attended, as the mesa (the server checks the role). */
export function respondToObservation(
  mesaId: string,
  token: string,
  observationId: string,
  response: ObservationResponseInput,
): Promise<MesaObservation> {
  const path = `/api/mesas/${encodeURIComponent(mesaId)}/commitment/observations/${encodeURIComponent(observationId)}/response`;
  return request(mesaObservationSchema, path, {
    method: 'POST',
    headers: auth(token),
    body: JSON.stringify(response),
  });
}
