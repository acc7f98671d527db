import type { Commitment, CommitmentVersion } from '@cocrea/shared';
import { seed004Commitment } from '@cocrea/shared/fixtures/seed004';
import type { Answer } from './stlBrowser';
import { ADMIN_TOKEN, type CreatedMesa, type TestServer } from './testServer';

/** Seed 004 as `mesa`'s commitment, with `changes` on top. */
export function commitmentOf(mesa: CreatedMesa, changes: Partial<Commitment> = {}): Commitment {
  return structuredClone({ ...seed004Commitment, mesaId: mesa.mesa.id, ...changes });
}

/** Saves a version with the mesa's facilitator link, as "Guardar compromiso" does. */
export async function saveVersion(
  t: TestServer,
  mesa: CreatedMesa,
  changes: Partial<Commitment> = {},
): Promise<CommitmentVersion> {
  const res = await fetch(`${t.baseUrl}/api/mesas/${mesa.mesa.id}/commitment/versions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${mesa.tokens.facilitator}` },
    body: JSON.stringify({ commitment: commitmentOf(mesa, changes) }),
  });
  if (res.status !== 201) throw new Error(`save: ${res.status} ${await res.text()}`);
  return (await res.json()) as CommitmentVersion;
}

/** A call with the admin token, as the STL's scripts make them. */
export async function asAdmin<T>(
  t: Pick<TestServer, 'baseUrl'>,
  method: string,
  path: string,
  body?: unknown,
): Promise<Answer<T>> {
  const res = await fetch(`${t.baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
}

/** Moves a version through `statuses` in order with the admin token, failing on any refusal. */
export async function moveThrough(t: TestServer, mesaId: string, number: number, statuses: string[]): Promise<void> {
  let from = 'borrador';
  for (const status of statuses) {
    const answer = await asAdmin(t, 'POST', `/api/review/mesas/${mesaId}/versions/${number}/status`, { status, from });
    if (answer.status !== 200) throw new Error(`${from} → ${status}: ${answer.status} ${JSON.stringify(answer.body)}`);
    from = status;
  }
}
