import { describe, expect, it } from 'vitest';
import { applyCommand, createDefaultAgenda, initialAgendaState, type AgendaCommand } from '@cocrea/shared';
import { scheduleRows } from './scheduleRows';

/** Mexico City is UTC−6 all year (no daylight saving time since 2022): 16:05 UTC is 10:05 there. */
const at = (utc: string) => Date.parse(`2026-11-21T${utc}Z`);

function run(commands: [AgendaCommand, number][]) {
  const agenda = createDefaultAgenda('2026-11-21');
  let state = initialAgendaState();
  for (const [command, now] of commands) {
    const result = applyCommand(agenda, state, command, now);
    if (!result.ok) throw new Error(result.error);
    state = result.state;
  }
  return { agenda, state };
}

describe('the schedule of a mesa', () => {
  it('shows planned and actual starts in Mexico City time, with the difference', () => {
    const { agenda, state } = run([
      [{ type: 'start' }, at('15:40:00')],
      [{ type: 'next' }, at('16:12:30')],
    ]);
    const [registro, bienvenida, introduccion] = scheduleRows(agenda, state);
    expect(registro).toMatchObject({
      plannedStart: '09:30',
      plannedEnd: '10:00',
      actualStart: '09:40',
      actualEnd: '10:12',
      differenceMin: 10,
    });
    expect(bienvenida).toMatchObject({
      plannedStart: '10:00',
      plannedEnd: '10:20',
      actualStart: '10:12',
      actualEnd: null,
      differenceMin: 12,
    });
    expect(introduccion).toMatchObject({ plannedStart: '10:20', actualStart: null, differenceMin: null, returns: [] });
  });

  it('lists returns to a stage and reads times in Mexico City whatever the viewer’s zone', () => {
    const { agenda, state } = run([
      [{ type: 'start' }, at('15:25:00')],
      [{ type: 'next' }, at('15:55:00')],
      [{ type: 'previous' }, at('16:00:00')],
    ]);
    const [registro] = scheduleRows(agenda, state);
    expect(registro).toMatchObject({ actualStart: '09:25', differenceMin: -5, returns: ['10:00'] });
    expect(scheduleRows(agenda, state, 'UTC')[0]?.actualStart).toBe('15:25');
  });

  it('compares clock times whatever the day the mesa ran, so the difference is always filled once started', () => {
    const { agenda, state } = run([
      [{ type: 'start' }, Date.parse('2026-12-07T15:45:00Z')],
      [{ type: 'next' }, Date.parse('2026-12-07T16:02:00Z')],
    ]);
    const [registro, bienvenida, introduccion] = scheduleRows(agenda, state);
    expect(registro).toMatchObject({ actualStart: '09:45', actualEnd: '10:02', differenceMin: 15 });
    expect(bienvenida).toMatchObject({ actualStart: '10:02', differenceMin: 2 });
    expect(introduccion).toMatchObject({ actualStart: null, differenceMin: null });
  });

  it('takes the short way round midnight', () => {
    const { agenda, state } = run([[{ type: 'start' }, Date.parse('2026-11-21T15:30:00Z')]]);
    // A stage log planned at 23:50 (a stage that began when the plan said so); the plan itself never passes midnight.
    const begun = { ...state, stageLog: [{ ...state.stageLog[0]!, plannedStart: '23:50' }] };
    const [row] = scheduleRows(agenda, begun, 'UTC');
    expect(row).toMatchObject({ plannedStart: '23:50', plannedEnd: '00:20', actualStart: '15:30' });
    // 15:30 against 23:50 is 8 h 20 min early, not 15 h 40 min late.
    expect(row!.differenceMin).toBe(-500);
    const justAfter = {
      ...begun,
      stageLog: [{ ...begun.stageLog[0]!, actualStart: Date.parse('2026-11-22T00:05:00Z') }],
    };
    expect(scheduleRows(agenda, justAfter, 'UTC')[0]!.differenceMin).toBe(15);
  });
});
