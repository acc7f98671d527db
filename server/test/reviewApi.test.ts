import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  AuthoredObservation,
  CommitmentVersionSummary,
  MesaObservation,
  ReviewInboxItem,
  ReviewedVersion,
} from '@cocrea/shared';
import { asAdmin, moveThrough, saveVersion } from './support/review';
import { ANA, StlBrowser, bootstrapMember, type ErrorBody } from './support/stlBrowser';
import { startTestServer, type CreatedMesa, type TestServer } from './support/testServer';

let t: TestServer;
let mesa: CreatedMesa;
let ana: StlBrowser;
beforeEach(async () => {
  t = await startTestServer();
  mesa = await t.createMesa({ title: 'Mesa de movilidad de Toluca', theme: 'movilidad' });
  await bootstrapMember(t);
  ana = new StlBrowser(t);
  expect((await ana.login()).status).toBe(200);
});
afterEach(() => t.close());

const versionPath = (n: number, m = mesa) => `/api/review/mesas/${m.mesa.id}/versions/${n}`;

async function mesaCall<T>(path: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${t.baseUrl}/api/mesas/${mesa.mesa.id}/commitment${path}`, {
    headers: { authorization: `Bearer ${mesa.tokens.participant}` },
  });
  return { status: res.status, body: (await res.json()) as T };
}

describe('the inbox', () => {
  it('lists every saved version as a draft, with its mesa, theme, stage and observation count', async () => {
    await saveVersion(t, mesa);
    const other = await t.createMesa({ title: 'Mesa de seguridad', theme: 'seguridad' });
    await saveVersion(t, other);
    const inbox = await ana.call<{ versions: ReviewInboxItem[] }>('GET', '/api/review/versions');
    expect(inbox.status).toBe(200);
    expect(inbox.body.versions).toHaveLength(2);
    expect(inbox.body.versions.find((v) => v.mesaId === mesa.mesa.id)).toMatchObject({
      mesaTitle: 'Mesa de movilidad de Toluca',
      theme: 'movilidad',
      number: 1,
      status: 'borrador',
      stage: { status: 'not_started', number: 0 },
      observationCount: 0,
    });
  });

  it('filters by theme, mesa and status, and refuses a filter it does not know', async () => {
    await saveVersion(t, mesa);
    await saveVersion(t, mesa);
    const other = await t.createMesa({ title: 'Mesa de seguridad', theme: 'seguridad' });
    await saveVersion(t, other);
    await moveThrough(t, mesa.mesa.id, 2, ['en_revision']);
    const list = async (query: string) =>
      (await ana.call<{ versions: ReviewInboxItem[] }>('GET', `/api/review/versions?${query}`)).body.versions.map(
        (v) => `${v.mesaTitle} ${v.number}`,
      );
    expect(await list('theme=seguridad')).toEqual(['Mesa de seguridad 1']);
    expect(await list(`mesa=${mesa.mesa.id}`)).toEqual([
      'Mesa de movilidad de Toluca 2',
      'Mesa de movilidad de Toluca 1',
    ]);
    expect(await list('status=en_revision')).toEqual(['Mesa de movilidad de Toluca 2']);
    expect(await list('theme=Movilidad&status=borrador&mesa=')).toEqual(['Mesa de movilidad de Toluca 1']);
    for (const bad of ['status=listo', 'theme=deportes', 'mesa=x', 'status=borrador&status=aprobado', 'orden=1']) {
      const answer = await ana.call<ErrorBody>('GET', `/api/review/versions?${bad}`);
      expect(answer.status, bad).toBe(400);
      expect(answer.body.error.code).toBe('invalid_query');
    }
  });
});

describe('moving a version through review', () => {
  it('records every move with who and when, the admin token as such', async () => {
    await saveVersion(t, mesa);
    const toReview = await ana.call<ReviewedVersion>('POST', `${versionPath(1)}/status`, {
      status: 'en_revision',
      from: 'borrador',
    });
    expect(toReview.status).toBe(200);
    expect(toReview.body.status).toBe('en_revision');
    await asAdmin(t, 'POST', `${versionPath(1)}/status`, { status: 'aprobado', from: 'en_revision' });
    const read = await ana.call<ReviewedVersion>('GET', versionPath(1));
    expect(read.body.status).toBe('aprobado');
    expect(read.body.mesaTitle).toBe('Mesa de movilidad de Toluca');
    expect(read.body.commitment.mesaId).toBe(mesa.mesa.id);
    expect(read.body.history.map(({ from, to, by }) => ({ from, to, by }))).toEqual([
      { from: null, to: 'borrador', by: null },
      { from: 'borrador', to: 'en_revision', by: ANA.name },
      { from: 'en_revision', to: 'aprobado', by: 'Token de administración' },
    ]);
    expect(Date.parse(read.body.history[2]!.at)).toBeGreaterThanOrEqual(Date.parse(read.body.history[1]!.at));
    // The mesa sees each version's status in its list.
    const list = await mesaCall<{ versions: CommitmentVersionSummary[] }>('/versions');
    expect(list.body.versions.map((v) => v.status)).toEqual(['aprobado']);
  });

  it('refuses a move the rules do not allow, and one from a status the version has left (409)', async () => {
    await saveVersion(t, mesa);
    const skip = await ana.call<ErrorBody>('POST', `${versionPath(1)}/status`, {
      status: 'publicado',
      from: 'borrador',
    });
    expect(skip.status).toBe(409);
    expect(skip.body.error.code).toBe('transition_not_allowed');
    await moveThrough(t, mesa.mesa.id, 1, ['en_revision']);
    const stale = await ana.call<ErrorBody>('POST', `${versionPath(1)}/status`, {
      status: 'en_revision',
      from: 'borrador',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_status');
    expect(stale.body.error.message).toContain('«En revisión»');
    expect((await ana.call('POST', `${versionPath(1)}/status`, { status: 'aprobado' })).status).toBe(400);
    expect(
      (await ana.call('POST', `${versionPath(9)}/status`, { status: 'aprobado', from: 'en_revision' })).status,
    ).toBe(404);
  });

  it('of two reviewers moving the same version at once, one wins and the other is told', async () => {
    await saveVersion(t, mesa);
    await moveThrough(t, mesa.mesa.id, 1, ['en_revision']);
    const answers = await Promise.all(
      (['aprobado', 'con_observaciones'] as const).map((status) =>
        ana.call('POST', `${versionPath(1)}/status`, { status, from: 'en_revision' }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
  });
});

describe('publication', () => {
  it('publishes only the mesa’s newest approved version, one at a time', async () => {
    for (let i = 0; i < 3; i++) await saveVersion(t, mesa, { finalResult: `Resultado ${i + 1}.` });
    await moveThrough(t, mesa.mesa.id, 1, ['en_revision', 'aprobado', 'publicado']);
    await moveThrough(t, mesa.mesa.id, 2, ['en_revision', 'aprobado']);
    await moveThrough(t, mesa.mesa.id, 3, ['en_revision', 'aprobado']);
    const older = await ana.call<ErrorBody>('POST', `${versionPath(2)}/status`, {
      status: 'publicado',
      from: 'aprobado',
    });
    expect(older.status).toBe(409);
    expect(older.body.error.code).toBe('not_newest_approved');

    const newest = await ana.call<ReviewedVersion>('POST', `${versionPath(3)}/status`, {
      status: 'publicado',
      from: 'aprobado',
    });
    expect(newest.status).toBe(200);
    const statuses = await mesaCall<{ versions: CommitmentVersionSummary[] }>('/versions');
    expect(statuses.body.versions.map((v) => [v.number, v.status])).toEqual([
      [3, 'publicado'],
      [2, 'aprobado'],
      [1, 'aprobado'],
    ]);
    // The withdrawal of version 1 is on its record.
    const first = await ana.call<ReviewedVersion>('GET', versionPath(1));
    expect(first.body.history.at(-1)).toMatchObject({ from: 'publicado', to: 'aprobado', by: ANA.name });
  });
});

describe('observations', () => {
  const field = 'linesOfAction.la1.activities.la1-a2.verification';

  it('are made while a version is in review or returned, on a field the version has, and the mesa reads them without authors', async () => {
    await saveVersion(t, mesa);
    const early = await ana.call<ErrorBody>('POST', `${versionPath(1)}/observations`, { path: field, text: 'x' });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('observations_closed');
    await moveThrough(t, mesa.mesa.id, 1, ['en_revision']);

    const made = await ana.call<AuthoredObservation>('POST', `${versionPath(1)}/observations`, {
      path: field,
      text: '  Precise qué documento se entrega.  ',
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ path: field, text: 'Precise qué documento se entrega.', author: ANA.name });
    const general = await asAdmin(t, 'POST', `${versionPath(1)}/observations`, { path: '', text: 'En general, bien.' });
    expect(general.status).toBe(201);
    const unknown = await ana.call<ErrorBody>('POST', `${versionPath(1)}/observations`, {
      path: 'linesOfAction.nope.title',
      text: 'x',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields?.path).toBe('Ese campo no existe en esta versión del compromiso.');
    expect((await ana.call('POST', `${versionPath(1)}/observations`, { path: field, text: ' ' })).status).toBe(400);

    await ana.call('POST', `${versionPath(1)}/status`, { status: 'con_observaciones', from: 'en_revision' });
    const stl = await ana.call<ReviewedVersion>('GET', versionPath(1));
    expect(stl.body.observations.map((o) => [o.path, o.author])).toEqual([
      [field, ANA.name],
      ['', 'Token de administración'],
    ]);
    const inbox = await ana.call<{ versions: ReviewInboxItem[] }>('GET', '/api/review/versions');
    expect(inbox.body.versions[0]!.observationCount).toBe(2);

    const seen = await mesaCall<{ observations: MesaObservation[] }>('/observations');
    expect(seen.status).toBe(200);
    expect(seen.body.observations).toEqual([
      {
        id: expect.any(String),
        versionNumber: 1,
        path: field,
        text: 'Precise qué documento se entrega.',
        createdAt: expect.any(String),
        response: null,
        versionStatus: 'con_observaciones',
      },
      expect.objectContaining({ path: '', versionStatus: 'con_observaciones' }),
    ]);
    expect(JSON.stringify(seen.body)).not.toContain(ANA.name);
    expect(JSON.stringify(seen.body)).not.toContain('Token de administración');
  });
});

describe('follow-up members', () => {
  it('are invited with their role and can neither review nor run mesas', async () => {
    const invitation = await ana.call<{ link: string; role: string }>('POST', '/api/stl/invitations', {
      email: 'sara@infoem.org.mx',
      role: 'seguimiento',
    });
    expect(invitation.status).toBe(201);
    expect(invitation.body.role).toBe('seguimiento');
    const sara = new StlBrowser(t);
    const accepted = await sara.call<{ member: { role: string }; csrfToken: string }>(
      'POST',
      '/api/stl/invitations/accept',
      { token: new URL(invitation.body.link).hash.slice(3), name: 'Sara Gómez', password: 'seguimiento 2026' },
    );
    expect(accepted.body.member.role).toBe('seguimiento');
    sara.csrf = accepted.body.csrfToken;
    expect((await sara.call('GET', '/api/stl/me')).status).toBe(200);
    expect((await sara.call('GET', '/api/review/versions')).status).toBe(403);
    expect((await sara.call('GET', '/api/mesas')).status).toBe(403);
    expect((await sara.call('POST', '/api/stl/invitations', { email: 'x@x.mx' })).status).toBe(403);
  });
});
