import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  moveStage,
  remainingMs,
  renameStage,
  setStageDuration,
  type AgendaCommand,
  type AgendaSnapshot,
} from '@cocrea/shared';
import { agendaApi, type ErrorBody, type Role } from './support/agendaApi';
import { startTestServer, type CreatedMesa, type TestServer } from './support/testServer';

let t: TestServer;
let mesa: CreatedMesa;
let api: ReturnType<typeof agendaApi>;

beforeEach(async () => {
  t = await startTestServer();
  mesa = await t.createMesa({ date: '2026-11-21' });
  api = agendaApi(t, mesa);
});
afterEach(() => t.close());

const MINUTE = 60_000;

describe('the server clock', () => {
  it('answers its epoch milliseconds, never cached', async () => {
    const before = Date.now();
    const res = await fetch(`${t.baseUrl}/api/time`);
    const after = Date.now();
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { now } = (await res.json()) as { now: number };
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(after);
  });
});

describe('reading the agenda', () => {
  it('gives every role the mesa’s own copy of the template, not started, with every tool open', async () => {
    for (const role of ['facilitator', 'participant', 'observer'] as const) {
      const before = Date.now();
      const { status, body } = await api.get(role);
      const after = Date.now();
      expect(status).toBe(200);
      expect(body.agenda.date).toBe('2026-11-21');
      expect(body.agenda.stages.map((s) => s.id)).toEqual([
        'registro',
        'bienvenida',
        'introduccion',
        'perspectiva-institucional',
        'formulacion',
        'deliberacion',
        'problema-publico',
        'formulacion-definitiva',
      ]);
      expect(body.state).toMatchObject({ status: 'not_started', stageIndex: 0, revision: 0, stageLog: [] });
      expect(body.locks).toEqual({
        tree: { locked: false, override: null, agendaLocked: false },
        commitment: { locked: false, override: null, agendaLocked: false },
      });
      expect(body.serverNow).toBeGreaterThanOrEqual(before);
      expect(body.serverNow).toBeLessThanOrEqual(after);
    }
  });

  it('refuses a request without a valid link of the mesa, and an unknown mesa', async () => {
    expect((await api.get(null)).status).toBe(401);
    const other = await t.createMesa({ title: 'Otra mesa' });
    const res = await fetch(`${t.baseUrl}/api/mesas/${mesa.mesa.id}/agenda`, {
      headers: { authorization: `Bearer ${other.tokens.facilitator}` },
    });
    expect(res.status).toBe(401);
    const missing = await fetch(`${t.baseUrl}/api/mesas/AAAAAAAAAAAAAAAA/agenda`, {
      headers: { authorization: `Bearer ${mesa.tokens.facilitator}` },
    });
    expect(missing.status).toBe(404);
  });
});

describe('every command from every role', () => {
  /** Each command, what the facilitator's accepted command leaves, checked against the state before it. */
  const script: { command: AgendaCommand; check(before: AgendaSnapshot, after: AgendaSnapshot): void }[] = [
    {
      command: { type: 'start' },
      check: (_b, a) => {
        expect(a.state.status).toBe('running');
        expect(a.state.endsAt! - a.serverNow).toBeGreaterThan(30 * MINUTE - 1000);
      },
    },
    { command: { type: 'pause' }, check: (_b, a) => expect(a.state.status).toBe('paused') },
    { command: { type: 'resume' }, check: (_b, a) => expect(a.state.status).toBe('running') },
    {
      command: { type: 'addTime', minutes: 1 },
      check: (b, a) => expect(a.state.endsAt).toBe(b.state.endsAt! + MINUTE),
    },
    {
      command: { type: 'addTime', minutes: 5 },
      check: (b, a) => expect(a.state.endsAt).toBe(b.state.endsAt! + 5 * MINUTE),
    },
    {
      command: { type: 'addTime', minutes: -1 },
      check: (b, a) => expect(a.state.endsAt).toBe(b.state.endsAt! - MINUTE),
    },
    { command: { type: 'next' }, check: (_b, a) => expect(a.state.stageIndex).toBe(1) },
    { command: { type: 'previous' }, check: (_b, a) => expect(a.state.stageIndex).toBe(0) },
    {
      command: { type: 'goto', stage: 4 },
      check: (_b, a) => {
        expect(a.state.stageIndex).toBe(4);
        expect(a.state.endsAt! - a.serverNow).toBeGreaterThan(120 * MINUTE - 1000);
      },
    },
    {
      command: { type: 'reset' },
      check: (_b, a) => expect(a.state).toMatchObject({ status: 'not_started', stageIndex: 0, stageLog: [] }),
    },
  ];

  it('refuses every command from a participant or an observer, in Spanish, and applies the facilitator’s', async () => {
    for (const { command, check } of script) {
      const before = await api.snapshot();
      for (const role of ['participant', 'observer'] as const satisfies Role[]) {
        const refused = await api.command<ErrorBody>(role, command);
        expect(refused.status, `${role} ${command.type}`).toBe(403);
        expect(refused.body.error.message).toBe('Solo la facilitación puede cambiar la agenda y el cronómetro.');
      }
      expect((await api.snapshot()).state).toEqual(before.state);
      const accepted = await api.command('facilitator', { ...command, expectedRevision: before.state.revision });
      expect(accepted.status, command.type).toBe(200);
      expect(accepted.body.state.revision).toBe(before.state.revision + 1);
      check(before, accepted.body);
    }
  });

  it('refuses a command that does not apply to the current state with 409 and the reason', async () => {
    const res = await api.command<ErrorBody>('facilitator', { type: 'pause' });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'refused', message: 'Solo se puede pausar una etapa en curso.' });
  });

  it.each([
    [{ type: 'saltar' }, 'type'],
    [{ type: 'addTime', minutes: 0 }, 'minutes'],
    [{ type: 'addTime', minutes: 61 }, 'minutes'],
    [{ type: 'goto', stage: -1 }, 'stage'],
    [{ type: 'start', extra: true }, '_'],
    [{ type: 'start', expectedRevision: 'uno' }, 'expectedRevision'],
  ])('answers 400 naming the field for %j', async (body, field) => {
    const res = await api.command<ErrorBody>('facilitator', body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_body');
    expect(Object.keys(res.body.error.fields ?? {})).toContain(field);
  });
});

describe('two facilitators at once', () => {
  it('pressing “siguiente” together advances one stage: one is applied, the other is told it came late', async () => {
    await api.command('facilitator', { type: 'start' });
    const { revision } = (await api.snapshot()).state;
    const answers = await Promise.all(
      [0, 1].map(() =>
        api.command<ErrorBody | AgendaSnapshot>('facilitator', { type: 'next', expectedRevision: revision }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const late = answers.find((a) => a.status === 409)!.body as ErrorBody;
    expect(late.error.code).toBe('stale_revision');
    expect(late.error.message).toMatch(/La agenda cambió mientras tanto/);
    expect((await api.snapshot()).state).toMatchObject({ stageIndex: 1, revision: revision + 1 });
  });

  it('commands without a revision are applied one after another, none lost', async () => {
    await api.command('facilitator', { type: 'start' });
    const before = await api.snapshot();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => api.command('facilitator', { type: 'addTime', minutes: 1 })),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(new Set(answers.map((a) => a.body.state.revision)).size).toBe(10);
    const after = await api.snapshot();
    expect(after.state.endsAt).toBe(before.state.endsAt! + 10 * MINUTE);
    expect(after.state.revision).toBe(before.state.revision + 10);
  });
});

describe('a restart mid-stage', () => {
  it('keeps the stage, its end time in server time, the stage log and the locks', async () => {
    await api.command('facilitator', { type: 'start' });
    await api.command('facilitator', { type: 'goto', stage: 4 });
    await api.command('facilitator', { type: 'addTime', minutes: 5 });
    await api.lock('facilitator', { tool: 'commitment', mode: 'locked' });
    const before = await api.snapshot();
    await t.server.close();
    t = await startTestServer(t.dataDir);
    api = agendaApi(t, mesa);
    const after = await api.snapshot();
    expect(after.agenda).toEqual(before.agenda);
    expect(after.state).toEqual(before.state);
    expect(after.locks).toEqual(before.locks);
    // The countdown carries on from the stored end: the time away is not given back to the stage.
    const left = remainingMs(after.state, after.agenda, after.serverNow);
    expect(left).toBeLessThanOrEqual(remainingMs(before.state, before.agenda, before.serverNow));
    expect(left).toBeGreaterThan(124 * MINUTE);
    expect(after.state.stageLog.map((e) => e.stageId)).toEqual(['registro', 'formulacion']);
  });
});

describe('editing the agenda', () => {
  it('lets the facilitator rename, retime and reorder, and the timer follows its stage', async () => {
    await api.command('facilitator', { type: 'start' });
    await api.command('facilitator', { type: 'goto', stage: 2 });
    const before = await api.snapshot();
    const steps = [
      (a: typeof before.agenda) => renameStage(a, 'introduccion', 'Introducción al tema'),
      (a: typeof before.agenda) => setStageDuration(a, 'registro', 45),
      (a: typeof before.agenda) => moveStage(a, 'introduccion', 0),
    ];
    let agenda = before.agenda;
    for (const step of steps) {
      const edited = step(agenda);
      if (!edited.ok) throw new Error(edited.error);
      agenda = edited.agenda;
    }
    const res = await api.put('facilitator', { agenda, expectedRevision: before.state.revision });
    expect(res.status).toBe(200);
    expect(res.body.agenda.stages[0]).toMatchObject({ id: 'introduccion', name: 'Introducción al tema' });
    expect(res.body.agenda.stages[1]).toMatchObject({ id: 'registro', durationMin: 45 });
    expect(res.body.state.stageIndex).toBe(0);
    expect(res.body.state.endsAt).toBe(before.state.endsAt);
  });

  it('refuses edits from other roles, invalid agendas, another date and removing the stage in progress', async () => {
    const { agenda } = await api.snapshot();
    for (const role of ['participant', 'observer'] as const) {
      expect((await api.put(role, { agenda })).status).toBe(403);
    }
    const zero = await api.put<ErrorBody>('facilitator', {
      agenda: { ...agenda, stages: agenda.stages.map((s, i) => (i === 1 ? { ...s, durationMin: 0 } : s)) },
    });
    expect(zero.status).toBe(400);
    expect(zero.body.error.fields?.['agenda.stages.1.durationMin']).toBe(
      'La duración mínima de una etapa es 1 minuto.',
    );
    const moved = await api.put<ErrorBody>('facilitator', { agenda: { ...agenda, date: '2026-12-01' } });
    expect(moved.status).toBe(400);
    expect(moved.body.error.fields?.['agenda.date']).toMatch(/2026-11-21/);
    await api.command('facilitator', { type: 'start' });
    const removed = await api.put<ErrorBody>('facilitator', { agenda: { ...agenda, stages: agenda.stages.slice(1) } });
    expect(removed.status).toBe(409);
    expect(removed.body.error.message).toMatch(/No se puede quitar la etapa en curso/);
    expect((await api.snapshot()).agenda).toEqual(agenda);
  });
});

describe('tool locks', () => {
  it('follow the stage’s tools once started, and a facilitator’s override lasts until the stage changes', async () => {
    const open = { locked: false, override: null, agendaLocked: false };
    const closed = { locked: true, override: null, agendaLocked: true };
    await api.command('facilitator', { type: 'start' });
    expect((await api.snapshot()).locks).toEqual({ tree: closed, commitment: closed });
    const forced = await api.lock('facilitator', { tool: 'tree', mode: 'open' });
    expect(forced.status).toBe(200);
    expect(forced.body.locks.tree).toEqual({ locked: false, override: 'open', agendaLocked: true });
    // Pausing keeps the override; moving on hands the tool back to the agenda.
    await api.command('facilitator', { type: 'pause' });
    expect((await api.snapshot()).locks.tree.override).toBe('open');
    await api.command('facilitator', { type: 'goto', stage: 4 });
    expect((await api.snapshot()).locks).toEqual({ tree: open, commitment: open });
    await api.lock('facilitator', { tool: 'commitment', mode: 'locked' });
    const back = await api.lock('facilitator', { tool: 'commitment', mode: 'agenda' });
    expect(back.body.locks.commitment).toEqual(open);
    await api.command('facilitator', { type: 'goto', stage: 5 });
    expect((await api.snapshot()).locks).toEqual({ tree: closed, commitment: open });
  });

  it('are the facilitator’s alone, and their requests are validated', async () => {
    for (const role of ['participant', 'observer'] as const) {
      expect((await api.lock(role, { tool: 'tree', mode: 'open' })).status).toBe(403);
    }
    const bad = await api.lock<ErrorBody>('facilitator', { tool: 'pizarra', mode: 'open' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields ?? {})).toEqual(['tool']);
    const stale = await api.lock<ErrorBody>('facilitator', { tool: 'tree', mode: 'locked', expectedRevision: 7 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_revision');
  });
});
