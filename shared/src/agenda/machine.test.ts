import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agendaStateSchema, type Agenda, type AgendaCommand, type AgendaState } from '../schema/agenda';
import { moveStage, removeStage, addStage } from './edit';
import { applyCommand, followAgendaEdit, initialAgendaState, projectedEndMs, remainingMs } from './machine';

const MIN = 60_000;
/** 09:30 in Mexico City on the day the methodology was approved. */
const T0 = Date.UTC(2020, 5, 8, 15, 30);

const tools = { tree: false, commitment: false };
const agenda: Agenda = {
  date: '2020-06-08',
  startTime: '09:30',
  stages: [
    { id: 'a', name: 'A', durationMin: 10, responsible: '', materials: [], dynamic: '', tools },
    { id: 'b', name: 'B', durationMin: 20, responsible: '', materials: [], dynamic: '', tools },
    { id: 'c', name: 'C', durationMin: 30, responsible: '', materials: [], dynamic: '', tools },
  ],
};

function apply(state: AgendaState, command: AgendaCommand, now: number, on: Agenda = agenda): AgendaState {
  const result = applyCommand(on, state, command, now);
  if (!result.ok) throw new Error(result.error);
  return result.state;
}

function reject(state: AgendaState, command: AgendaCommand, now: number): string {
  const result = applyCommand(agenda, state, command, now);
  if (result.ok) throw new Error(`se esperaba un rechazo de ${JSON.stringify(command)}`);
  return result.error;
}

/** Applies commands in order, each at its own time. */
function run(...steps: [AgendaCommand, number][]): AgendaState {
  return steps.reduce((state, [command, now]) => apply(state, command, now), initialAgendaState());
}

// Every status, on stage b (index 1) so that both neighbours exist; "finished" sits on the last stage.
const statuses = {
  not_started: () => run([{ type: 'goto', stage: 1 }, T0]),
  running: () => run([{ type: 'goto', stage: 1 }, T0], [{ type: 'start' }, T0]),
  paused: () => run([{ type: 'goto', stage: 1 }, T0], [{ type: 'start' }, T0], [{ type: 'pause' }, T0 + 4 * MIN]),
  finished: () => run([{ type: 'start' }, T0], [{ type: 'goto', stage: 2 }, T0], [{ type: 'next' }, T0 + MIN]),
};

describe('every command from every status', () => {
  const later = T0 + 5 * MIN;
  // [command, outcome from not_started, running, paused, finished]: a status and stage, or a refusal.
  const table: [AgendaCommand, ...(string | RegExp)[]][] = [
    [{ type: 'start' }, 'running@1', /ya está en marcha/, /ya está en marcha/, /ya terminó; reiníciala/],
    [{ type: 'pause' }, /Solo se puede pausar/, 'paused@1', /ya está en pausa/, /Solo se puede pausar/],
    [{ type: 'resume' }, /Solo se puede reanudar/, /ya está corriendo/, 'running@1', /Solo se puede reanudar/],
    [{ type: 'next' }, 'not_started@2', 'running@2', 'paused@2', /ya terminó/],
    [{ type: 'previous' }, 'not_started@0', 'running@0', 'paused@0', 'paused@2'],
    [{ type: 'goto', stage: 0 }, 'not_started@0', 'running@0', 'paused@0', 'paused@0'],
    [
      { type: 'addTime', minutes: 5 },
      /No hay una etapa en curso/,
      'running@1',
      'paused@1',
      /No hay una etapa en curso/,
    ],
    [{ type: 'reset' }, 'not_started@0', 'not_started@0', 'not_started@0', 'not_started@0'],
  ];
  const names = Object.keys(statuses) as (keyof typeof statuses)[];

  for (const [command, ...outcomes] of table) {
    names.forEach((name, i) => {
      const outcome = outcomes[i]!;
      it(`${command.type} from ${name} → ${String(outcome)}`, () => {
        const before = statuses[name]();
        const result = applyCommand(agenda, before, command, later);
        if (outcome instanceof RegExp) {
          expect(result).toEqual({ ok: false, error: expect.stringMatching(outcome) });
        } else {
          if (!result.ok) throw new Error(result.error);
          expect(`${result.state.status}@${result.state.stageIndex}`).toBe(outcome);
          expect(result.state.revision).toBe(before.revision + 1);
          expect(agendaStateSchema.parse(result.state)).toEqual(result.state);
        }
      });
    });
  }
});

describe('the timer', () => {
  it('starts the selected stage with its full duration and logs the actual start', () => {
    const state = run([{ type: 'start' }, T0 + 7_000]);
    expect(state).toEqual({
      stageIndex: 0,
      status: 'running',
      endsAt: T0 + 7_000 + 10 * MIN,
      remainingMs: null,
      revision: 1,
      stageLog: [{ stageId: 'a', plannedStart: '09:30', actualStart: T0 + 7_000 }],
    });
  });

  it('can start from a later stage chosen before the start', () => {
    const state = run([{ type: 'goto', stage: 2 }, T0], [{ type: 'start' }, T0 + MIN]);
    expect(state).toMatchObject({ stageIndex: 2, endsAt: T0 + 31 * MIN });
    expect(state.stageLog).toEqual([{ stageId: 'c', plannedStart: '10:00', actualStart: T0 + MIN }]);
  });

  it('pauses keeping the remaining time, and resumes from it', () => {
    const paused = run([{ type: 'start' }, T0], [{ type: 'pause' }, T0 + 3 * MIN]);
    expect(paused).toMatchObject({ status: 'paused', endsAt: null, remainingMs: 7 * MIN });
    expect(remainingMs(paused, agenda, T0 + 60 * MIN)).toBe(7 * MIN);
    const resumed = apply(paused, { type: 'resume' }, T0 + 20 * MIN);
    expect(resumed).toMatchObject({ status: 'running', endsAt: T0 + 27 * MIN, remainingMs: null });
    // The pause does not end the stage: still one entry, still open.
    expect(resumed.stageLog).toEqual([{ stageId: 'a', plannedStart: '09:30', actualStart: T0 }]);
  });

  it('runs into overtime instead of moving on by itself', () => {
    const state = run([{ type: 'start' }, T0]);
    expect(remainingMs(state, agenda, T0 + 10 * MIN)).toBe(0);
    expect(remainingMs(state, agenda, T0 + 11 * MIN + 5_000)).toBe(-65_000);
    expect(state.status).toBe('running');
    const paused = apply(state, { type: 'pause' }, T0 + 12 * MIN);
    expect(paused.remainingMs).toBe(-2 * MIN);
    expect(apply(paused, { type: 'resume' }, T0 + 30 * MIN).endsAt).toBe(T0 + 28 * MIN);
  });

  it('moves on with the next stage running at its full duration, closing and opening log entries', () => {
    const state = run([{ type: 'start' }, T0], [{ type: 'next' }, T0 + 12 * MIN]);
    expect(state).toMatchObject({ stageIndex: 1, status: 'running', endsAt: T0 + 32 * MIN });
    expect(state.stageLog).toEqual([
      { stageId: 'a', plannedStart: '09:30', actualStart: T0, actualEnd: T0 + 12 * MIN },
      { stageId: 'b', plannedStart: '09:40', actualStart: T0 + 12 * MIN },
    ]);
  });

  it('moving while paused stays paused with the full duration, and the stage starts on resume', () => {
    const paused = run([{ type: 'start' }, T0], [{ type: 'pause' }, T0 + MIN], [{ type: 'next' }, T0 + 2 * MIN]);
    expect(paused).toMatchObject({ stageIndex: 1, status: 'paused', remainingMs: 20 * MIN });
    expect(paused.stageLog).toEqual([
      { stageId: 'a', plannedStart: '09:30', actualStart: T0, actualEnd: T0 + 2 * MIN },
    ]);
    const resumed = apply(paused, { type: 'resume' }, T0 + 5 * MIN);
    expect(resumed.stageLog[1]).toEqual({ stageId: 'b', plannedStart: '09:40', actualStart: T0 + 5 * MIN });
  });

  it('finishes after the last stage and closes its log entry', () => {
    const state = run(
      [{ type: 'start' }, T0],
      [{ type: 'goto', stage: 2 }, T0 + MIN],
      [{ type: 'next' }, T0 + 40 * MIN],
    );
    expect(state).toMatchObject({ stageIndex: 2, status: 'finished', endsAt: null, remainingMs: null });
    expect(state.stageLog.at(-1)).toEqual({
      stageId: 'c',
      plannedStart: '10:00',
      actualStart: T0 + MIN,
      actualEnd: T0 + 40 * MIN,
    });
    expect(remainingMs(state, agenda, T0 + 50 * MIN)).toBe(0);
  });

  it('goes back to a stage already run, with a second log entry for it', () => {
    const state = run(
      [{ type: 'start' }, T0],
      [{ type: 'next' }, T0 + 10 * MIN],
      [{ type: 'previous' }, T0 + 11 * MIN],
    );
    expect(state).toMatchObject({ stageIndex: 0, status: 'running', endsAt: T0 + 21 * MIN });
    expect(state.stageLog.map((e) => e.stageId)).toEqual(['a', 'b', 'a']);
  });

  it('goto the current stage restarts it', () => {
    const state = run([{ type: 'start' }, T0], [{ type: 'goto', stage: 0 }, T0 + 4 * MIN]);
    expect(state.endsAt).toBe(T0 + 14 * MIN);
    expect(state.stageLog).toHaveLength(2);
  });

  it('after finishing, going back reopens the last stage paused', () => {
    const state = apply(statuses.finished(), { type: 'previous' }, T0 + 60 * MIN);
    expect(state).toMatchObject({ stageIndex: 2, status: 'paused', remainingMs: 30 * MIN });
  });

  it('adds and takes away time, into overtime if asked', () => {
    const running = run(
      [{ type: 'start' }, T0],
      [{ type: 'addTime', minutes: 5 }, T0],
      [{ type: 'addTime', minutes: -1 }, T0],
    );
    expect(running.endsAt).toBe(T0 + 14 * MIN);
    const paused = apply(running, { type: 'pause' }, T0 + 14 * MIN);
    expect(apply(paused, { type: 'addTime', minutes: -1 }, T0).remainingMs).toBe(-MIN);
    expect(apply(paused, { type: 'addTime', minutes: 60 }, T0).remainingMs).toBe(60 * MIN);
  });

  it('resets to Etapa 0, not started, forgetting the log but not the revision', () => {
    const state = run([{ type: 'start' }, T0], [{ type: 'next' }, T0 + MIN], [{ type: 'reset' }, T0 + 2 * MIN]);
    expect(state).toEqual({ ...initialAgendaState(), revision: 3 });
  });

  it('refuses to go before the first stage or after the last before starting', () => {
    expect(reject(initialAgendaState(), { type: 'previous' }, T0)).toBe('Ya es la primera etapa.');
    expect(reject(run([{ type: 'start' }, T0]), { type: 'previous' }, T0)).toBe('Ya es la primera etapa.');
    const onLast = run([{ type: 'goto', stage: 2 }, T0]);
    expect(reject(onLast, { type: 'next' }, T0)).toBe('Ya es la última etapa.');
  });

  it('refuses a stage the agenda does not have', () => {
    expect(reject(initialAgendaState(), { type: 'goto', stage: 3 }, T0)).toBe(
      'La etapa 3 no existe; la agenda tiene las etapas 0 a 2.',
    );
  });

  it('refuses a state whose stage the agenda no longer has', () => {
    const state = { ...initialAgendaState(), stageIndex: 5 };
    expect(reject(state, { type: 'start' }, T0)).toBe('La etapa actual ya no existe en la agenda.');
  });

  it('insists on whole milliseconds of server time', () => {
    expect(() => applyCommand(agenda, initialAgendaState(), { type: 'start' }, 1.5)).toThrow(RangeError);
  });
});

describe('revisions', () => {
  it('bump on every accepted command and not on a refused one', () => {
    const state = run([{ type: 'start' }, T0], [{ type: 'pause' }, T0], [{ type: 'resume' }, T0]);
    expect(state.revision).toBe(3);
    const refused = applyCommand(agenda, state, { type: 'start' }, T0);
    expect(refused.ok).toBe(false);
    expect(state.revision).toBe(3);
  });

  it('accept a command issued against the current revision', () => {
    const state = run([{ type: 'start' }, T0]);
    expect(apply(state, { type: 'next', expectedRevision: 1 }, T0).stageIndex).toBe(1);
  });

  it('refuse a stale command, so two facilitators pressing "siguiente" advance one stage', () => {
    const state = run([{ type: 'start' }, T0]);
    const first = apply(state, { type: 'next', expectedRevision: 1 }, T0 + MIN);
    expect(reject(first, { type: 'next', expectedRevision: 1 }, T0 + MIN)).toBe(
      'La agenda cambió mientras tanto (va en la revisión 2; tu orden era para la 1). Revisa el estado actual y vuelve a intentarlo.',
    );
    expect(first.stageIndex).toBe(1);
  });

  it('check staleness before anything else', () => {
    expect(reject(initialAgendaState(), { type: 'pause', expectedRevision: 4 }, T0)).toMatch(/revisión 0/);
  });
});

describe('projectedEndMs', () => {
  it('before the start: the whole agenda from now', () => {
    expect(projectedEndMs(agenda, initialAgendaState(), T0)).toBe(T0 + 60 * MIN);
  });

  it('while running: what is left of this stage plus the later ones', () => {
    const state = run([{ type: 'start' }, T0], [{ type: 'addTime', minutes: 5 }, T0]);
    expect(projectedEndMs(agenda, state, T0 + 5 * MIN)).toBe(T0 + 65 * MIN);
  });

  it('in overtime: the later stages from now', () => {
    const state = run([{ type: 'start' }, T0]);
    expect(projectedEndMs(agenda, state, T0 + 15 * MIN)).toBe(T0 + 65 * MIN);
  });

  it('when paused: as if resumed now; once finished: null', () => {
    const paused = statuses.paused();
    expect(projectedEndMs(agenda, paused, T0 + 60 * MIN)).toBe(T0 + 60 * MIN + 16 * MIN + 30 * MIN);
    expect(projectedEndMs(agenda, statuses.finished(), T0)).toBeNull();
  });
});

describe('following an agenda edit', () => {
  function edited(result: { ok: true; agenda: Agenda } | { ok: false; error: string }): Agenda {
    if (!result.ok) throw new Error(result.error);
    return result.agenda;
  }

  it('keeps the facilitator on the same stage when stages move or are inserted', () => {
    const state = statuses.running(); // on b
    const moved = edited(moveStage(agenda, 'b', 2));
    const followed = followAgendaEdit(state, agenda, moved);
    expect(followed).toMatchObject({
      ok: true,
      state: { stageIndex: 2, status: 'running', revision: state.revision + 1 },
    });
    const inserted = edited(addStage(agenda, { name: 'Receso', durationMin: 10 }, 0));
    expect(followAgendaEdit(state, agenda, inserted)).toMatchObject({ ok: true, state: { stageIndex: 2 } });
  });

  it('refuses to remove the stage in progress', () => {
    const without = edited(removeStage(agenda, 'b'));
    expect(followAgendaEdit(statuses.running(), agenda, without)).toEqual({
      ok: false,
      error: 'No se puede quitar la etapa en curso; pasa a otra etapa antes de quitarla.',
    });
    expect(followAgendaEdit(statuses.paused(), agenda, without).ok).toBe(false);
  });

  it('before the start, a removed selection falls to the stage that took its place', () => {
    const without = edited(removeStage(agenda, 'c'));
    const state = run([{ type: 'goto', stage: 2 }, T0]);
    expect(followAgendaEdit(state, agenda, without)).toMatchObject({ ok: true, state: { stageIndex: 1 } });
  });

  it('a finished agenda stays on its last stage', () => {
    const shorter = edited(removeStage(agenda, 'c'));
    expect(followAgendaEdit(statuses.finished(), agenda, shorter)).toMatchObject({
      ok: true,
      state: { stageIndex: 1 },
    });
  });

  it('makes a command issued before the edit stale', () => {
    const state = statuses.running();
    const followed = followAgendaEdit(state, agenda, edited(moveStage(agenda, 'a', 2)));
    if (!followed.ok) throw new Error(followed.error);
    expect(
      applyCommand(agenda, followed.state, { type: 'goto', stage: 0, expectedRevision: state.revision }, T0).ok,
    ).toBe(false);
  });
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

describe('any sequence of commands', () => {
  const commandArb: fc.Arbitrary<AgendaCommand> = fc.oneof(
    fc.constantFrom<AgendaCommand>(
      { type: 'start' },
      { type: 'pause' },
      { type: 'resume' },
      { type: 'next' },
      { type: 'previous' },
      { type: 'reset' },
    ),
    fc.integer({ min: 0, max: 3 }).map((stage): AgendaCommand => ({ type: 'goto', stage })),
    fc.constantFrom(-60, -1, 1, 5, 60).map((minutes): AgendaCommand => ({ type: 'addTime', minutes })),
  );

  it('keeps the state valid, the revision counting acceptances and the log consistent', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(commandArb, fc.integer({ min: 0, max: 20 * MIN })), { maxLength: 40 }), (steps) => {
        let state = initialAgendaState();
        let now = T0;
        let accepted = 0;
        for (const [command, wait] of steps) {
          now += wait;
          // Pure: a frozen input would throw on any write.
          const result = applyCommand(agenda, deepFreeze(state), command, now);
          if (!result.ok) continue;
          accepted++;
          state = result.state;

          expect(agendaStateSchema.parse(state)).toEqual(state);
          expect(state.revision).toBe(accepted);
          expect(state.stageIndex).toBeLessThan(agenda.stages.length);
          const log = state.stageLog;
          const open = log.filter((e) => e.actualEnd === undefined);
          expect(open.length).toBeLessThanOrEqual(1);
          if (open.length === 1) {
            expect(open[0]).toBe(log.at(-1));
            expect(open[0]!.stageId).toBe(agenda.stages[state.stageIndex]!.id);
          }
          if (state.status === 'running') expect(open).toHaveLength(1);
          if (state.status === 'not_started') expect(log).toEqual([]);
          if (state.status === 'finished') expect(open).toEqual([]);
          for (const [i, entry] of log.entries()) {
            expect(entry.actualEnd ?? now).toBeGreaterThanOrEqual(entry.actualStart);
            if (i > 0) expect(entry.actualStart).toBeGreaterThanOrEqual(log[i - 1]!.actualEnd!);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
