import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMITMENT_BODY_LIMIT_BYTES, commitmentSchema, type CommitmentVersion } from '@cocrea/shared';
import { seed004Commitment } from '@cocrea/shared/fixtures/seed004';
import { agendaApi, type ErrorBody, type Role } from './support/agendaApi';
import { startTestServer, type CreatedMesa, type TestServer } from './support/testServer';

let t: TestServer;
let mesa: CreatedMesa;
beforeEach(async () => {
  t = await startTestServer();
  mesa = await t.createMesa({ theme: 'cultura de gobierno abierto' });
});
afterEach(() => t.close());

/** The seed 004 commitment, as this test's mesa would save it. */
function commitment(): Record<string, unknown> {
  return structuredClone({ ...seed004Commitment, mesaId: mesa.mesa.id }) as Record<string, unknown>;
}

async function call<T>(
  role: Role | null,
  method: string,
  path = '',
  body?: string,
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (role) headers.authorization = `Bearer ${mesa.tokens[role]}`;
  const res = await fetch(`${t.baseUrl}/api/mesas/${mesa.mesa.id}/commitment/versions${path}`, {
    method,
    headers,
    body,
  });
  return { status: res.status, body: (await res.json()) as T };
}

const save = (body: unknown, role: Role | null = 'facilitator') =>
  call<CommitmentVersion & ErrorBody>(role, 'POST', '', JSON.stringify(body));

async function versionCount(): Promise<number> {
  const list = await call<{ versions: unknown[] }>('observer', 'GET');
  return list.body.versions.length;
}

describe('saving commitment versions', () => {
  it('stores the facilitator’s save as version 1 with its time, stage and content hash, readable by everyone', async () => {
    const before = Date.now();
    const saved = await save({ commitment: commitment() });
    expect(saved.status).toBe(201);
    expect(saved.body.number).toBe(1);
    expect(saved.body.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(saved.body.stage).toEqual({ status: 'not_started', number: 0, name: 'Registro' });
    expect(Date.parse(saved.body.savedAt)).toBeGreaterThanOrEqual(before - 1000);

    for (const role of ['facilitator', 'participant', 'observer'] as const) {
      const read = await call<CommitmentVersion>(role, 'GET', '/1');
      expect(read.status).toBe(200);
      expect(read.body.commitment).toEqual(commitmentSchema.parse(commitment()));
      expect(read.body.contentHash).toBe(saved.body.contentHash);
    }
  });

  it('makes every save a new version; equal content hashes equal, whatever its spacing', async () => {
    const first = await save({ commitment: commitment() });
    const spaced = commitment();
    spaced.problem = `  ${String(spaced.problem)}\n`;
    const second = await save({ commitment: spaced });
    const changed = { ...commitment(), finalResult: 'Otro resultado final.' };
    const third = await save({ commitment: changed });
    expect([first.body.number, second.body.number, third.body.number]).toEqual([1, 2, 3]);
    expect(second.body.contentHash).toBe(first.body.contentHash);
    expect(third.body.contentHash).not.toBe(first.body.contentHash);

    const list = await call<{ versions: CommitmentVersion[] }>('participant', 'GET');
    expect(list.body.versions.map((v) => v.number)).toEqual([3, 2, 1]);
    expect(list.body.versions[0]).not.toHaveProperty('commitment');
    expect((await call<CommitmentVersion>('observer', 'GET', '/3')).body.commitment.finalResult).toBe(
      'Otro resultado final.',
    );
    // A saved version never changes: version 1 still holds what was saved first.
    expect((await call<CommitmentVersion>('observer', 'GET', '/1')).body.commitment.finalResult).toBe(
      seed004Commitment.finalResult,
    );
  });

  it('records the stage the agenda is in', async () => {
    const agenda = agendaApi(t, mesa);
    expect((await agenda.command('facilitator', { type: 'start' })).status).toBe(200);
    expect((await agenda.command('facilitator', { type: 'goto', stage: 7 })).status).toBe(200);
    const saved = await save({ commitment: commitment() });
    expect(saved.body.stage).toEqual({ status: 'running', number: 7, name: 'Formulación definitiva del compromiso' });
  });

  it('numbers racing saves one apart, none lost', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => save({ commitment: commitment() })));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    expect(answers.map((a) => a.body.number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect(await versionCount()).toBe(20);
  });

  it('lets only the facilitator save, and only with a link of this mesa', async () => {
    expect((await save({ commitment: commitment() }, 'participant')).status).toBe(403);
    expect((await save({ commitment: commitment() }, 'observer')).status).toBe(403);
    expect((await save({ commitment: commitment() }, null)).status).toBe(401);
    const other = await t.createMesa();
    const res = await fetch(`${t.baseUrl}/api/mesas/${mesa.mesa.id}/commitment/versions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${other.tokens.facilitator}` },
      body: JSON.stringify({ commitment: commitment() }),
    });
    expect(res.status).toBe(401);
    expect((await call('observer', 'GET', '', undefined)).status).toBe(200);
    expect(await versionCount()).toBe(0);
  });

  it('answers 404 for an unknown mesa or version', async () => {
    const res = await fetch(`${t.baseUrl}/api/mesas/AAAAAAAAAAAAAAAA/commitment/versions`, {
      headers: { authorization: `Bearer ${mesa.tokens.observer}` },
    });
    expect(res.status).toBe(404);
    for (const path of ['/1', '/0', '/abc', '/1e3', '/99999999999']) {
      const answer = await call<ErrorBody>('observer', 'GET', path);
      expect(answer.status).toBe(404);
      expect(answer.body.error.message).toBe('Esa versión del compromiso no existe.');
    }
  });
});

describe('refused saves write nothing', () => {
  it('names each missing or wrong field in Spanish', async () => {
    const incomplete = { ...commitment(), problem: '   ', products: [], endDate: '2020-01-01' };
    const answer = await save({ commitment: incomplete });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields).toMatchObject({
      'commitment.problem': 'Es obligatorio.',
      'commitment.products': 'Agregue al menos un producto.',
      'commitment.endDate': 'La fecha de conclusión debe ser posterior a la de inicio.',
    });
    expect(await versionCount()).toBe(0);
  });

  it('refuses a commitment of another mesa', async () => {
    const answer = await save({ commitment: { ...commitment(), mesaId: 'AAAAAAAAAAAAAAAA' } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields).toEqual({ 'commitment.mesaId': 'El compromiso pertenece a otra mesa.' });
    expect(await versionCount()).toBe(0);
  });

  it('refuses a proactive commitment: a mesa saves its own kind', async () => {
    const answer = await save({ commitment: { ...commitment(), type: 'proactivo' } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields).toEqual({ 'commitment.type': 'El compromiso de una mesa es de tipo «de mesa».' });
    expect(await versionCount()).toBe(0);
  });

  it('answers 413 above the size limit and 400 for JSON that does not parse', async () => {
    const huge = { ...commitment(), problem: 'x'.repeat(COMMITMENT_BODY_LIMIT_BYTES) };
    const big = await save({ commitment: huge });
    expect(big.status).toBe(413);
    expect(big.body.error.message).toBe('La solicitud es demasiado grande (máximo 512 kB).');
    const broken = await call<ErrorBody>('facilitator', 'POST', '', '{"commitment": ');
    expect(broken.status).toBe(400);
    const tooMany = {
      ...commitment(),
      products: Array.from({ length: 51 }, (_, i) => ({ id: `p${i}`, text: 'Producto.' })),
    };
    expect((await save({ commitment: tooMany })).body.error.fields).toEqual({
      'commitment.products': 'Admite como máximo 50 elementos.',
    });
    expect(await versionCount()).toBe(0);
  });

  it('answers 400 to generated invalid payloads', async () => {
    // Paths into the commitment, and values that do not belong there.
    const paths = [
      [],
      ['theme'],
      ['problem'],
      ['startDate'],
      ['endDate'],
      ['linesOfAction'],
      ['linesOfAction', 0],
      ['linesOfAction', 0, 'activities', 0, 'verification'],
      ['linesOfAction', 1, 'activities', 1, 'startDate'],
      ['responsibles', 0, 'name'],
      ['coResponsible'],
      ['principles', 0],
      ['ods', 1],
      ['criteria', 'II', 'met'],
      ['indicators'],
      ['unknownKey'],
    ] as const;
    const bad = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.integer(),
      fc.boolean(),
      fc.string({ maxLength: 3 }).map((s) => s.trim()),
      fc.string({ minLength: 5001, maxLength: 5200 }),
      fc.array(fc.anything(), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 5 }), fc.anything(), { maxKeys: 3 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), bad, async (path, value) => {
        const body = { commitment: commitment() } as Record<string, unknown>;
        setAt(body, ['commitment', ...path], value);
        // Some replacements are still valid (a short principle slug cannot be, but an empty note can): skip those.
        fc.pre(!commitmentSchema.safeParse(body.commitment).success || path.length === 0);
        const answer = await save(path.length === 0 ? value : body);
        expect(answer.status).toBe(400);
        expect(answer.body.error.code).toMatch(/^invalid_/);
      }),
      { numRuns: 150 },
    );
    expect(await versionCount()).toBe(0);
  });
});

function setAt(root: Record<string, unknown>, path: readonly (string | number)[], value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (value === undefined) delete node[last];
  else node[last] = value;
}
