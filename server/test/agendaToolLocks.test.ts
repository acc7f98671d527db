import { describe, expect, it } from 'vitest';
import {
  applyCommand,
  createDefaultAgenda,
  initialAgendaState,
  moveStage,
  type Agenda,
  type AgendaCommand,
  type AgendaState,
} from '@cocrea/shared';
import { NO_OVERRIDES, carryOverrides, toolLocks } from '../src/agenda/toolLocks';

const agenda = createDefaultAgenda('2026-11-21');

function after(commands: AgendaCommand[], from: AgendaState = initialAgendaState(), plan: Agenda = agenda) {
  let state = from;
  for (const command of commands) {
    const result = applyCommand(plan, state, command, 1_790_000_000_000);
    if (!result.ok) throw new Error(result.error);
    state = result.state;
  }
  return state;
}

describe('tool locks', () => {
  it('open every tool before the start and close them all after the end', () => {
    expect(toolLocks(agenda, initialAgendaState(), NO_OVERRIDES)).toMatchObject({
      tree: { locked: false },
      commitment: { locked: false },
    });
    const finished = after([{ type: 'start' }, { type: 'goto', stage: 7 }, { type: 'next' }]);
    expect(finished.status).toBe('finished');
    expect(toolLocks(agenda, finished, NO_OVERRIDES)).toMatchObject({
      tree: { locked: true },
      commitment: { locked: true },
    });
  });

  it.each([
    [2, false, true],
    [4, false, false],
    [5, true, false],
    [6, false, true],
    [7, true, false],
  ])('follow the stage’s tools in Etapa %i (tree locked: %s, commitment locked: %s)', (stage, tree, commitment) => {
    const state = after([{ type: 'start' }, { type: 'goto', stage }]);
    expect(toolLocks(agenda, state, NO_OVERRIDES)).toMatchObject({
      tree: { locked: tree, agendaLocked: tree },
      commitment: { locked: commitment, agendaLocked: commitment },
    });
  });

  it('let an override win over the agenda', () => {
    const state = after([{ type: 'start' }]);
    expect(toolLocks(agenda, state, { tree: 'open', commitment: null }).tree).toEqual({
      locked: false,
      override: 'open',
      agendaLocked: true,
    });
  });
});

describe('an override', () => {
  const running = after([{ type: 'start' }, { type: 'goto', stage: 3 }]);
  const overrides = { tree: 'open', commitment: 'locked' } as const;

  it('outlives pausing, resuming, added time and restarting the same stage', () => {
    for (const commands of [
      [{ type: 'pause' }],
      [{ type: 'pause' }, { type: 'resume' }],
      [{ type: 'addTime', minutes: 5 }],
      [{ type: 'goto', stage: 3 }],
    ] satisfies AgendaCommand[][]) {
      expect(carryOverrides({ agenda, state: running }, { agenda, state: after(commands, running) }, overrides)).toBe(
        overrides,
      );
    }
  });

  it('outlives a reorder of the plan that keeps the same stage current', () => {
    const moved = moveStage(agenda, 'perspectiva-institucional', 0);
    if (!moved.ok) throw new Error(moved.error);
    const state = { ...running, stageIndex: 0 };
    expect(carryOverrides({ agenda, state: running }, { agenda: moved.agenda, state }, overrides)).toBe(overrides);
  });

  it('ends when the agenda moves to another stage, finishes or is reset', () => {
    for (const command of [
      { type: 'next' },
      { type: 'previous' },
      { type: 'goto', stage: 5 },
      { type: 'reset' },
    ] satisfies AgendaCommand[]) {
      expect(carryOverrides({ agenda, state: running }, { agenda, state: after([command], running) }, overrides)).toBe(
        NO_OVERRIDES,
      );
    }
    const start = after([{ type: 'start' }]);
    expect(carryOverrides({ agenda, state: initialAgendaState() }, { agenda, state: start }, overrides)).toBe(
      NO_OVERRIDES,
    );
  });
});
